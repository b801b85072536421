// Runs in: the newsroom server. SqlDatabase on PGlite (PostgreSQL in WebAssembly) with its data in
// a folder: the embedded default, for one node. Its LISTEN/NOTIFY stays inside this process.
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { SqlDatabase, SqlQueryable, SqlValue } from './sql-database';

export async function openPgliteDatabase(dataDir: string): Promise<SqlDatabase> {
  const db = await PGlite.create(dataDir);
  const queryOn = (client: PGlite | Transaction): SqlQueryable => ({
    async query<Row>(sql: string, params: readonly SqlValue[] = []) {
      const result = await client.query<Row>(sql, params as SqlValue[]);
      return result.rows;
    },
  });
  return {
    kind: 'pglite',
    ...queryOn(db),
    transaction: (work) => db.transaction((tx) => work(queryOn(tx))),
    async listen(channel, onPayload) {
      await db.listen(channel, onPayload);
    },
    close: () => db.close(),
  };
}
