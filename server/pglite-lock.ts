// Runs in: the newsroom server. PGlite serves one process: a running server holds
// <data dir>/server.pid, and the account commands refuse to open the folder under it.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of a live server using `dataDir`, or null. */
export function serverHoldingDataDir(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(join(dataDir, 'server.pid'), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : null;
  } catch {
    return null;
  }
}

export function holdDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'server.pid');
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}
