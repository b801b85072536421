// Runs in: the newsroom server. The tables, created if missing. Two nodes may start at once, so
// the DDL runs under an advisory lock.
import type { SqlDatabase } from './sql-database';

const SCHEMA_LOCK = 4_242_001;

const DDL = [
  `CREATE TABLE IF NOT EXISTS accounts (
     name text PRIMARY KEY,
     name_key text NOT NULL UNIQUE,
     role text NOT NULL CHECK (role IN ('reporter', 'editor', 'admin')),
     token_hash text NOT NULL UNIQUE,
     created_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE TABLE IF NOT EXISTS stories (
     id text PRIMARY KEY,
     owner text NOT NULL,
     status text NOT NULL DEFAULT 'draft',
     state bytea,
     writes bigint NOT NULL DEFAULT 0,
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE TABLE IF NOT EXISTS workflow_events (
     id text PRIMARY KEY,
     story_id text NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
     seq bigserial NOT NULL,
     event jsonb NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS workflow_events_story ON workflow_events (story_id, seq)`,
  `CREATE TABLE IF NOT EXISTS comments (
     id text PRIMARY KEY,
     story_id text NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
     seq bigserial NOT NULL,
     by_name text NOT NULL,
     by_role text NOT NULL,
     at timestamptz NOT NULL DEFAULT now(),
     body text NOT NULL,
     anchor jsonb)`,
  `CREATE INDEX IF NOT EXISTS comments_story ON comments (story_id, seq)`,
  `CREATE TABLE IF NOT EXISTS collab_tickets (
     ticket_hash text PRIMARY KEY,
     account_name text NOT NULL REFERENCES accounts(name) ON DELETE CASCADE,
     document_name text NOT NULL,
     expires_at timestamptz NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS collab_tickets_expiry ON collab_tickets (expires_at)`,
];

export async function migrate(db: SqlDatabase): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK})`);
    for (const statement of DDL) await tx.query(statement);
  });
}
