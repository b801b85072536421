// Runs in: the newsroom server. SqlDatabase on a real PostgreSQL through a `pg` pool, with one
// dedicated client for LISTEN that connects again when PostgreSQL comes back (pg-listener.ts).
import pg from 'pg';
import { createPgListener } from './pg-listener';
import type { SqlDatabase, SqlQueryable, SqlValue } from './sql-database';

export async function openPgDatabase(url: string): Promise<SqlDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // A failed idle client must not take the process down; the next query gets a new one.
  pool.on('error', (error) => console.error(`PostgreSQL connection error: ${error.message}`));
  await pool.query('SELECT 1');
  const listener = createPgListener(url);

  const queryOn = (client: pg.Pool | pg.PoolClient): SqlQueryable => ({
    async query<Row>(sql: string, params: readonly SqlValue[] = []) {
      const result = await client.query(sql, params as SqlValue[]);
      return result.rows as Row[];
    },
  });

  return {
    kind: 'postgres',
    ...queryOn(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(queryOn(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    listen: (channel, onPayload, onResumed) => listener.listen(channel, onPayload, onResumed),
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}
