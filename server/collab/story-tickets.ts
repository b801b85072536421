// Runs in: the newsroom server. Story tickets: what the app's editor connects with instead of the
// account token, which stays in the app's services. A ticket is 32 random bytes, good for one
// story's document for TICKET_LIFETIME_MS; only its SHA-256 is stored (in the database, so every
// node accepts it), and expired rows are deleted whenever a new ticket is issued.
import { randomBytes } from 'node:crypto';
import { hashToken, type Account } from '../accounts/account-store';
import type { SqlDatabase } from '../db/sql-database';

export const TICKET_LIFETIME_MS = 10 * 60 * 1000;
const TICKET_PREFIX = 'dlt_';
/** Longer than any ticket we make; refuses junk before hashing it. */
const MAX_TICKET_CHARS = 200;

export interface StoryTicket {
  ticket: string;
  expiresAt: string;
}

/** A ticket for `account` to open `documentName`; the caller has checked that it may. */
export async function issueStoryTicket(db: SqlDatabase, account: Account, documentName: string, now: Date): Promise<StoryTicket> {
  await db.query('DELETE FROM collab_tickets WHERE expires_at < now()');
  const ticket = TICKET_PREFIX + randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + TICKET_LIFETIME_MS);
  await db.query('INSERT INTO collab_tickets (ticket_hash, account_name, document_name, expires_at) VALUES ($1, $2, $3, $4)', [
    hashToken(ticket),
    account.name,
    documentName,
    expiresAt,
  ]);
  return { ticket, expiresAt: expiresAt.toISOString() };
}

/** The account a live ticket for exactly `documentName` belongs to (with its current role), or null. */
export async function accountForTicket(db: SqlDatabase, ticket: unknown, documentName: string): Promise<Account | null> {
  if (typeof ticket !== 'string' || !ticket.startsWith(TICKET_PREFIX) || ticket.length > MAX_TICKET_CHARS) return null;
  const rows = await db.query<Account>(
    `SELECT a.name, a.role FROM collab_tickets t JOIN accounts a ON a.name = t.account_name
      WHERE t.ticket_hash = $1 AND t.document_name = $2 AND t.expires_at > now()`,
    [hashToken(ticket), documentName],
  );
  return rows[0] ?? null;
}
