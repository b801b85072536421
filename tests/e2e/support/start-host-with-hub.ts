// Runs in: Playwright's Node side. One app instance with its own home folder, and an empty folder
// for a review hub beside it; stop() ends the host and removes both folders.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, type RunningHost } from './start-host';

export interface HostWithHub {
  host: RunningHost;
  /** An empty folder to use as a folder review hub. */
  hub: string;
  /** The host's home folder. */
  home: string;
  stop(): Promise<void>;
}

export async function startHostWithHub(): Promise<HostWithHub> {
  const hub = mkdtempSync(join(tmpdir(), 'dateline-hub-'));
  const home = mkdtempSync(join(tmpdir(), 'dateline-home-'));
  const removeFolders = () => {
    for (const dir of [hub, home]) rmSync(dir, { recursive: true, force: true });
  };
  try {
    const host = await startHost({ env: { HOME: home } });
    return {
      host,
      hub,
      home,
      async stop() {
        await host.stop();
        removeFolders();
      },
    };
  } catch (error) {
    removeFolders();
    throw error;
  }
}
