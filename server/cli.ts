// Runs in: the newsroom server (`npm run server -- …`). Serves, or manages accounts; see
// server-options.ts for the commands and options.
import { mkdirSync, readFileSync } from 'node:fs';
import { AppError } from '../common/app-error';
import { addAccount, listAccounts, removeAccount } from './accounts/account-store';
import { openDatabase } from './db/open-database';
import { startNewsroomServer } from './newsroom-server';
import { holdDataDir, serverHoldingDataDir } from './pglite-lock';
import { parseCli, UsageError, type CliOptions } from './server-options';

async function manageAccounts(options: CliOptions): Promise<void> {
  if (!options.databaseUrl) {
    const pid = serverHoldingDataDir(options.dataDir);
    if (pid !== null) throw new UsageError(`The server (pid ${pid}) is using ${options.dataDir}: stop it, then manage accounts (the embedded database serves one process).`);
  }
  const db = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  try {
    if (options.command === 'add-user') {
      const { account, token } = await addAccount(db, options.userName ?? '', options.role ?? '');
      console.log(`Added ${account.name} (${account.role}). Their token, shown only this once:`);
      console.log(token);
    } else if (options.command === 'list-users') {
      const accounts = await listAccounts(db);
      if (accounts.length === 0) console.log('No accounts yet: add one with add-user --name … --role ….');
      for (const account of accounts) console.log(`${account.name}\t${account.role}`);
    } else {
      const removed = await removeAccount(db, options.userName ?? '');
      if (!removed) throw new UsageError(`There is no account named ${options.userName}.`);
      console.log(`Removed ${options.userName}; their token no longer works.`);
    }
  } finally {
    await db.close();
  }
}

async function serve(options: CliOptions): Promise<void> {
  let release = () => {};
  if (!options.databaseUrl) {
    mkdirSync(options.dataDir, { recursive: true });
    const pid = serverHoldingDataDir(options.dataDir);
    if (pid !== null) throw new UsageError(`Another server (pid ${pid}) is using ${options.dataDir}; give this one another --data-dir, or use --database-url.`);
    release = holdDataDir(options.dataDir);
  }
  const server = await startNewsroomServer({
    host: options.host,
    port: options.port,
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
    redisUrl: options.redisUrl,
    tls: options.tlsCert && options.tlsKey ? { cert: readFileSync(options.tlsCert, 'utf8'), key: readFileSync(options.tlsKey, 'utf8') } : null,
    maxMessageBytes: options.maxMessageBytes ?? undefined,
    nodeName: options.nodeName,
  });
  const database = options.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${options.dataDir}`;
  console.log(`Dateline newsroom server ${options.nodeName} listening on ${server.collabUrl} (API ${server.url}/api; database: ${database}; redis: ${options.redisUrl ? 'yes' : 'no'})`);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: storing open stories and stopping…`);
    server
      .stop()
      .then(() => {
        release();
        process.exit(0);
      })
      .catch((error: unknown) => {
        console.error(error);
        release();
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

async function main(): Promise<void> {
  const options = parseCli(process.argv.slice(2), process.env, process.cwd());
  if (options.command === 'serve') await serve(options);
  else await manageAccounts(options);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof AppError) console.error(error.message);
  else console.error(error);
  process.exit(error instanceof UsageError || error instanceof AppError ? 2 : 1);
});
