// Runs in: the newsroom server. PostgreSQL when a URL is given, PGlite in `dataDir` otherwise;
// either way the schema is brought up to date before anything else runs.
import { mkdirSync } from 'node:fs';
import { migrate } from './schema';
import { openPgDatabase } from './pg-database';
import { openPgliteDatabase } from './pglite-database';
import type { SqlDatabase } from './sql-database';

export interface DatabaseChoice {
  databaseUrl: string | null;
  dataDir: string;
}

export async function openDatabase(choice: DatabaseChoice): Promise<SqlDatabase> {
  let db: SqlDatabase;
  if (choice.databaseUrl) {
    db = await openPgDatabase(choice.databaseUrl);
  } else {
    mkdirSync(choice.dataDir, { recursive: true });
    db = await openPgliteDatabase(choice.dataDir);
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
