// Runs in: host (Node, `npm run serve`). Starts the services in their own process under a
// watchdog, and the loopback host, so Dateline runs in a browser.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Logger } from '../services/log/logger';
import { createRotatingFileLogger } from '../services/log/rotating-file-logger';
import { forkServicesChild } from '../services-process/fork-services-child';
import { remoteServices } from '../services-process/remote-services';
import { servicesEntryFor } from '../services-process/services-entry-path';
import { ServicesWatchdog } from '../services-process/services-watchdog';
import { defaultDataDir } from '../transport/default-data-dir';
import { startLoopbackHost, type LoopbackHost } from './loopback-host';
import type { TransportServices } from '../transport/transport-services';

export interface RunningServe {
  host: LoopbackHost;
  services: TransportServices;
  /** Supervises the services process: restarts it when it dies. */
  watchdog: ServicesWatchdog;
  dataDir: string;
  /** Writes <dataDir>/logs/dateline.log (rotating) and the terminal. */
  logger: Logger;
  stop(): Promise<void>;
}

/** Both electron/host/serve.ts and its bundle dist/host/serve.mjs sit two folders below the project root. */
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The built host runs the built services bundle; the TypeScript source runs the services' source. */
const HOST_IS_BUILT = import.meta.url.endsWith('.mjs');

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a whole number from 0 to 65535, not "${value}".`);
  return port;
}

async function readVersion(): Promise<string> {
  const text = await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8').catch(() => '{}');
  const parsed = JSON.parse(text) as { version?: unknown };
  return typeof parsed.version === 'string' ? parsed.version : '0.0.0';
}

export async function serve(env: NodeJS.ProcessEnv = process.env): Promise<RunningServe> {
  const staticDir = resolve(env.DATELINE_STATIC_DIR || join(PROJECT_ROOT, 'dist', 'renderer'));
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`The built app is missing (${join(staticDir, 'index.html')} does not exist). Run \`npm run build:renderer\` first.`);
  }
  const port = parsePort(env.PORT);
  const dataDir = resolve(env.DATELINE_DATA_DIR || defaultDataDir());
  const logger = createRotatingFileLogger({ dir: join(dataDir, 'logs') });
  const watchdog = new ServicesWatchdog({
    logger,
    spawn: () => forkServicesChild(servicesEntryFor(PROJECT_ROOT, HOST_IS_BUILT)),
    start: {
      dataDir,
      transport: 'http',
      version: await readVersion(),
      systemLocale: Intl.DateTimeFormat().resolvedOptions().locale,
      ...(Number(env.DATELINE_REVIEW_SYNC_MS) > 0 ? { reviewSyncMs: Number(env.DATELINE_REVIEW_SYNC_MS) } : {}),
      secretsBackend: null,
    },
  });
  await watchdog.start();
  const services = remoteServices(watchdog, dataDir);
  let host: LoopbackHost;
  try {
    host = await startLoopbackHost({
      services,
      staticDir,
      port,
      iconPath: join(PROJECT_ROOT, 'resources', 'icon.png'),
      logError: (message, error) => logger.error(message, error),
      events: { subscribe: (listener) => watchdog.onServicesEvent(listener) },
      ...(env.DATELINE_TOKEN ? { token: env.DATELINE_TOKEN } : {}),
    });
  } catch (error) {
    await watchdog.close();
    throw error;
  }
  let stopping: Promise<void> | null = null;
  return {
    host,
    services,
    watchdog,
    dataDir,
    logger,
    stop: () => (stopping ??= host.close().then(() => watchdog.close())),
  };
}


async function main(): Promise<void> {
  const running = await serve();
  console.log(`DATELINE_URL=${running.host.url}`);
  console.log(`Dateline is running in your browser at ${running.host.url}`);
  console.log(`Library folder: ${running.dataDir}. Log file: ${join(running.dataDir, 'logs', 'dateline.log')}. Press Ctrl+C to stop.`);
  const shutdown = (): void => {
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        running.logger.error('Dateline did not shut down cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
