// Runs in: the newsroom server. SqlDatabase on a real PostgreSQL through a `pg` pool, with one
// dedicated client for LISTEN.
import pg from 'pg';
import type { SqlDatabase, SqlQueryable, SqlValue } from './sql-database';

export async function openPgDatabase(url: string): Promise<SqlDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // A failed idle client must not take the process down; the next query gets a new one.
  pool.on('error', (error) => console.error(`PostgreSQL connection error: ${error.message}`));
  await pool.query('SELECT 1');
  let listener: pg.Client | null = null;
  const handlers = new Map<string, ((payload: string) => void)[]>();

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
    async listen(channel, onPayload) {
      if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel name ${channel}`);
      if (!listener) {
        listener = new pg.Client({ connectionString: url });
        listener.on('error', (error) => console.error(`PostgreSQL listener error: ${error.message}`));
        listener.on('notification', (message) => {
          for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? '');
        });
        await listener.connect();
      }
      handlers.set(channel, [...(handlers.get(channel) ?? []), onPayload]);
      await listener.query(`LISTEN ${channel}`);
    },
    async close() {
      await listener?.end().catch(() => undefined);
      await pool.end();
    },
  };
}
