// Runs in: test processes. The config a private Ghost runs with: SQLite, loopback only, nothing
// sent anywhere (tinfoil privacy, stub mail, no email analytics, no welcome email, no device checks).
import { mkdir, cp } from 'node:fs/promises';
import { join } from 'node:path';

const CONTENT_FOLDERS = ['data', 'images', 'logs', 'settings', 'public', 'adapters', 'files', 'media'];

export function ghostConfig(port: number, runDir: string): Record<string, unknown> {
  return {
    url: `http://127.0.0.1:${port}/`,
    server: { host: '127.0.0.1', port },
    database: { client: 'better-sqlite3', connection: { filename: join(runDir, 'content', 'data', 'ghost.db') }, useNullAsDefault: true },
    paths: { contentPath: join(runDir, 'content') },
    privacy: { useTinfoil: true },
    mail: { transport: 'stub' },
    security: { staffDeviceVerification: false },
    emailAnalytics: { enabled: false },
    backgroundJobs: { emailAnalytics: false, clickTrackingLastSeenAtUpdater: false },
    sendWelcomeEmail: false,
    logging: { level: 'warn', transports: ['stdout'] },
  };
}

/** The content folder Ghost expects, with a copy of the package's bundled themes. */
export async function makeContentFolder(runDir: string, ghostDir: string): Promise<void> {
  for (const folder of CONTENT_FOLDERS) await mkdir(join(runDir, 'content', folder), { recursive: true });
  await cp(join(ghostDir, 'content', 'themes'), join(runDir, 'content', 'themes'), { recursive: true });
}
