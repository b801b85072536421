// Runs in: tests (node). Power-cut story: the app is killed mid-save, and the article still opens whole.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../../common/article';
import { LibraryStore } from './library-store';

const CHILD = join(import.meta.dirname, 'crash-save-child.ts');
const KILLS = 8;

function runAndKill(root: string, id: string, afterMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, root, id], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), afterMs));
    child.once('error', reject);
    child.once('exit', () => resolve());
  });
}

describe('killed mid-save', () => {
  it('leaves article.json as a whole version every time, and no temp files after reopening', async () => {
    const root = await mkdtemp(join(tmpdir(), 'dateline-crash-'));
    try {
      const setup = new LibraryStore(root);
      await setup.open();
      const { id } = await setup.create();
      await setup.close();
      let lastRevision = 0;
      for (let i = 0; i < KILLS; i++) {
        await runAndKill(root, id, 40 + i * 15);
        const onDisk = articleSchema.parse(JSON.parse(await readFile(join(root, 'articles', id, 'article.json'), 'utf8')));
        expect(onDisk.headline).toBe(onDisk.revision === 0 ? '' : `Revision ${onDisk.revision}`);
        expect(onDisk.revision).toBeGreaterThanOrEqual(lastRevision);
        lastRevision = onDisk.revision;
        const store = new LibraryStore(root);
        const report = await store.open();
        expect(report).toMatchObject({ articles: 1, problems: 0 });
        await store.listRevisions(id);
        await store.close();
        const leftovers = [...(await readdir(join(root, 'articles', id))), ...(await readdir(join(root, 'articles', id, 'revisions')).catch(() => []))];
        expect(leftovers.filter((n) => n.endsWith('.tmp'))).toEqual([]);
      }
      expect(lastRevision).toBeGreaterThan(0);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
