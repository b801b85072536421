// Runs in: vitest (Node, Linux /proc). A host that misses its start time is stopped, so it cannot
// keep running and writing into a data folder the caller is about to remove (the 100k-article bench).
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHost } from '../e2e/support/start-host';
import { waitUntil } from '../support/wait-until';

async function processesUsing(dataDir: string): Promise<number> {
  let count = 0;
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const environ = await readFile(`/proc/${name}/environ`, 'utf8').catch(() => '');
    if (environ.split('\0').includes(`DATELINE_DATA_DIR=${dataDir}`)) count += 1;
  }
  return count;
}

describe('startHost', () => {
  it('stops a host that did not start in time', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dateline-start-timeout-'));
    try {
      await expect(startHost({ dataDir, startTimeoutMs: 1 })).rejects.toThrow(/did not start within/);
      await waitUntil(async () => (await processesUsing(dataDir)) === 0, 'the late host to exit', 30_000);
      expect(await processesUsing(dataDir)).toBe(0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
