// Runs in: vitest (node). The search worker reads article files itself: an untrusted file is read
// through one handle and never past the size bound.
import { closeSync, openSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newArticle } from '../../../common/article';
import { readIndexableArticle } from './indexable-article-file';
import { readBounded } from '../store/read-bounded';

const ID = `a${'1'.padStart(21, '0')}`;
let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-indexable-'));
  await mkdir(join(root, 'articles', ID), { recursive: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function writeArticle(): Promise<number> {
  const text = JSON.stringify({ ...newArticle(ID, '2026-11-25T08:00:00.000Z'), headline: 'Harbour ferry resumes' });
  await writeFile(join(root, 'articles', ID, 'article.json'), text);
  return Buffer.byteLength(text);
}

describe('reading an article file for the search index', () => {
  it('reads an article as large as the bound', async () => {
    const bytes = await writeArticle();
    expect((readIndexableArticle(root, ID, bytes))?.headline).toBe('Harbour ferry resumes');
  });

  it('reads without the thread pool: the article is there when the call returns', async () => {
    await writeArticle();
    const read = readIndexableArticle(root, ID);
    expect(read).not.toBeInstanceOf(Promise);
    expect(read?.headline).toBe('Harbour ferry resumes');
  });

  it('refuses a file one byte over the bound', async () => {
    const bytes = await writeArticle();
    expect(readIndexableArticle(root, ID, bytes - 1)).toBeNull();
  });

  it('refuses a missing file, a folder and an id that is not an article id', async () => {
    expect(readIndexableArticle(root, ID)).toBeNull();
    await mkdir(join(root, 'articles', ID, 'article.json'));
    expect(readIndexableArticle(root, ID)).toBeNull();
    expect(readIndexableArticle(root, '../etc')).toBeNull();
  });

  it('never reads past the bound from a file that grew after its stat', async () => {
    const path = join(root, 'grown.json');
    const text = 'x'.repeat(100);
    await writeFile(path, text);
    const fd = openSync(path, 'r');
    try {
      // The stat said 10 bytes; the file now holds 100.
      expect(readBounded(fd, 10, 50)).toBeNull();
      expect(readBounded(fd, 10, 100)).toBe(text);
      expect(readBounded(fd, 10, 1_000)).toBe(text);
    } finally {
      closeSync(fd);
    }
  });
});
