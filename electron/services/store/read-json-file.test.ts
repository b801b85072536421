// Runs in: tests (node). Reading a JSON file from a folder that may hold anything: a FIFO or a
// folder in the file's place, or a file far larger than any Dateline writes, is unreadable with a
// reason, never a read that hangs or fills memory; a plain file is read whole.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJsonFile } from './read-json-file';

const schema = z.object({ headline: z.string() });
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dateline-read-json-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readJsonFile', () => {
  it('reads a plain file, says missing, empty and folder apart', async () => {
    const headline = '市长说：'.repeat(20_000);
    await writeFile(join(dir, 'a.json'), JSON.stringify({ headline }));
    expect(await readJsonFile(join(dir, 'a.json'), schema)).toEqual({ kind: 'ok', value: { headline } });
    expect(await readJsonFile(join(dir, 'none.json'), schema)).toEqual({ kind: 'missing' });
    await writeFile(join(dir, 'empty.json'), '  \n');
    expect(await readJsonFile(join(dir, 'empty.json'), schema)).toEqual({ kind: 'unreadable', reason: 'the file is empty' });
    await mkdir(join(dir, 'folder.json'));
    expect(await readJsonFile(join(dir, 'folder.json'), schema)).toEqual({ kind: 'unreadable', reason: 'it is a folder, not a file' });
  });

  it('refuses a FIFO without waiting on it, and a file over the bound without reading it', async () => {
    execFileSync('mkfifo', [join(dir, 'fifo.json')]);
    expect(await readJsonFile(join(dir, 'fifo.json'), schema)).toEqual({ kind: 'unreadable', reason: 'it is not a regular file' });
    // Sparse: a gigabyte on paper, nothing on disk.
    await writeFile(join(dir, 'huge.json'), '');
    await truncate(join(dir, 'huge.json'), 1024 * 1024 * 1024);
    expect(await readJsonFile(join(dir, 'huge.json'), schema)).toEqual({ kind: 'unreadable', reason: 'it is larger than the 256 MB Dateline reads' });
    await writeFile(join(dir, 'marker.json'), JSON.stringify({ headline: 'x'.repeat(70_000) }));
    expect(await readJsonFile(join(dir, 'marker.json'), schema, 64 * 1024)).toEqual({ kind: 'unreadable', reason: 'it is larger than the 64 KB Dateline reads' });
  });
});
