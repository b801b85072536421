// Runs in: Playwright's Node side. Two app instances as on two computers: a reporter's host and an
// editor's host, each with its own home folder, sharing one review hub folder. stop() ends the
// hosts (whichever are current) and removes the hub and every home folder it handed out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, type RunningHost } from './start-host';

export interface TwoHosts {
  /** The shared review hub folder. */
  hub: string;
  reporterHost: RunningHost;
  editorHost: RunningHost;
  /** A fresh home folder for another host; stop() removes it too. */
  newHome(): string;
  stop(): Promise<void>;
}

export async function startTwoHosts(options: { reporterEnv?: Record<string, string> } = {}): Promise<TwoHosts> {
  const homes: string[] = [];
  const hub = mkdtempSync(join(tmpdir(), 'dateline-hub-'));
  const newHome = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-home-'));
    homes.push(dir);
    return dir;
  };
  const removeFolders = () => {
    for (const dir of [hub, ...homes.splice(0)]) rmSync(dir, { recursive: true, force: true });
  };
  const started = await Promise.allSettled([startHost({ env: { HOME: newHome(), ...options.reporterEnv } }), startHost({ env: { HOME: newHome() } })]);
  const [reporter, editor] = started;
  if (reporter?.status !== 'fulfilled' || editor?.status !== 'fulfilled') {
    await Promise.all(started.map((result) => (result.status === 'fulfilled' ? result.value.stop() : undefined)));
    removeFolders();
    const failure = started.find((result) => result.status === 'rejected');
    throw failure?.status === 'rejected' ? failure.reason : new Error('a host did not start');
  }
  const hosts: TwoHosts = {
    hub,
    reporterHost: reporter.value,
    editorHost: editor.value,
    newHome,
    async stop() {
      await Promise.all([hosts.reporterHost.stop(), hosts.editorHost.stop()]);
      removeFolders();
    },
  };
  return hosts;
}
