// Runs in: tests (node). The search index lives in a worker thread: it catches up by reading the
// article files itself, so the services' thread indexes nothing, and a worker that dies or never
// starts leaves an index in the services that still finds every saved article.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newArticle, type Article } from '../../../common/article';
import type { Logger } from '../log/logger';
import { PersistentSearchIndex, SEARCH_LOG_FILE } from './persistent-search-index';
import { inProcessIndex, type IndexLibrary } from './scheduled-index';
import { SearchIndex } from './search-index';
import { openWorkerSearchIndex } from './worker-search-index';

const ARTICLES = 2000;

function article(n: number, stamp = '2026-11-25T08:00:00.000Z'): Article {
  const a = newArticle(`a${String(n).padStart(21, '0')}`, '2026-11-25T08:00:00.000Z');
  const [headline, text] = n % 2 === 0 ? [`Council story ${n}`, `The council met about item${n}.`] : [`认证新闻 ${n}`, `用户身份认证失败，编号${n}。`];
  return { ...a, headline, updatedAt: stamp, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } };
}

let root: string;
const warnings: unknown[][] = [];
const logger: Logger = { ...console, warn: (...args: unknown[]) => void warnings.push(args) };

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-worker-search-'));
  warnings.length = 0;
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(root, { recursive: true, force: true });
});

/** Writes the articles as the store does (one article.json per folder); returns the library, counting its reads. */
async function libraryOf(articles: Article[]): Promise<IndexLibrary & { reads: string[]; articles: Article[] }> {
  for (const a of articles) {
    await mkdir(join(root, 'articles', a.id), { recursive: true });
    await writeFile(join(root, 'articles', a.id, 'article.json'), JSON.stringify(a));
  }
  const reads: string[] = [];
  const lib = {
    reads,
    articles,
    list: () => lib.articles.map((a) => ({ id: a.id, updatedAt: a.updatedAt })),
    get: async (id: string) => {
      reads.push(id);
      const found = lib.articles.find((a) => a.id === id);
      if (!found) throw new Error(`no article ${id}`);
      return found;
    },
  };
  return lib;
}

describe('the search index in a worker', () => {
  it('catches up with 2,000 articles without indexing one on the services thread, then answers through the worker', async () => {
    const lib = await libraryOf(Array.from({ length: ARTICLES }, (_, n) => article(n)));
    const indexedHere = vi.spyOn(SearchIndex.prototype, 'addDoc');
    const index = openWorkerSearchIndex(root, { logger });
    // The event loop keeps turning while the worker catches up: count the turns.
    let turns = 0;
    let counting = true;
    const turn = (): void => {
      turns++;
      if (counting) setImmediate(turn);
    };
    setImmediate(turn);
    await index.catchUp(lib);
    counting = false;
    expect(index.inWorker).toBe(true);
    expect(indexedHere).not.toHaveBeenCalled();
    expect(lib.reads).toEqual([]);
    expect(turns).toBeGreaterThan(0);
    const latin = await index.query('council');
    const chinese = await index.query('认证');
    expect(latin.hits).toHaveLength(ARTICLES / 2);
    expect(chinese.hits).toHaveLength(ARTICLES / 2);
    expect(chinese.pending).toBe(0);
    // A page of the plain list: the worker sends its first ids and the count, not every match.
    const page = await index.query('认证', { limit: 3, exclude: [chinese.hits[1]!] });
    expect(page.hits).toEqual([chinese.hits[0], chinese.hits[2], chinese.hits[3]]);
    expect(page.total).toBe(ARTICLES / 2 - 1);
    // The answer says how many articles the index holds (the schedule's estimate before catching up).
    expect(chinese.indexed).toBe(ARTICLES);
    await index.close();
    expect(warnings).toEqual([]);
  });

  it('(the same catch-up in the services thread indexes every article there: what the worker spares it)', async () => {
    const lib = await libraryOf(Array.from({ length: 200 }, (_, n) => article(n)));
    const indexedHere = vi.spyOn(SearchIndex.prototype, 'addDoc');
    const index = inProcessIndex(await PersistentSearchIndex.open(root, { logger }));
    await index.catchUp(lib);
    expect(indexedHere).toHaveBeenCalledTimes(200);
    expect(lib.reads).toHaveLength(200);
    await index.close();
  });

  it('a worker that dies hands over to the services thread, and a save it was given is still found', async () => {
    const lib = await libraryOf(Array.from({ length: 40 }, (_, n) => article(n)));
    const index = openWorkerSearchIndex(root, { logger });
    await index.catchUp(lib);
    // A save: the library has it, the worker is told, and dies before it can write it anywhere.
    const edited = { ...article(0, '2026-11-26T08:00:00.000Z'), headline: 'Harbour ferry resumes' };
    lib.articles = lib.articles.map((a) => (a.id === edited.id ? edited : a));
    await writeFile(join(root, 'articles', edited.id, 'article.json'), JSON.stringify(edited));
    index.update([{ kind: 'upsert', article: edited }]);
    await index.crashWorkerForTest();
    expect(index.inWorker).toBe(false);
    // Once the services thread has caught up from the library, the save is found.
    await index.recovered();
    expect((await index.query('harbour')).hits).toEqual([edited.id]);
    expect((await index.query('认证')).hits).toHaveLength(20);
    expect(warnings).toHaveLength(1);
    await index.close();
  });

  it('a worker that cannot start leaves the index in the services thread, which catches up and answers', async () => {
    const lib = await libraryOf(Array.from({ length: 40 }, (_, n) => article(n)));
    const index = openWorkerSearchIndex(root, { logger, workerCode: () => 'throw new Error("no worker here")' });
    await index.catchUp(lib);
    expect(index.inWorker).toBe(false);
    expect((await index.query('council')).hits).toHaveLength(20);
    expect(lib.reads).toHaveLength(40);
    expect(warnings.length).toBeGreaterThan(0);
    await index.close();
  });

  it('once closed, opens no index again: later queries find nothing and updates and catch-ups are ignored', async () => {
    const lib = await libraryOf(Array.from({ length: 4 }, (_, n) => article(n)));
    const index = openWorkerSearchIndex(root, { logger });
    await index.catchUp(lib);
    await index.close();
    const opens = vi.spyOn(PersistentSearchIndex, 'open');
    const logBefore = await readFile(join(root, SEARCH_LOG_FILE), 'utf8').catch(() => null);
    expect(await index.query('council')).toEqual({ hits: [], pending: 0, indexed: 0 });
    index.update([{ kind: 'upsert', article: { ...article(0), headline: 'Harbour ferry resumes' } }]);
    await index.catchUp(lib);
    await index.close();
    expect(opens).not.toHaveBeenCalled();
    expect(await readFile(join(root, SEARCH_LOG_FILE), 'utf8').catch(() => null)).toEqual(logBefore);
    expect(warnings).toEqual([]);
  });
});
