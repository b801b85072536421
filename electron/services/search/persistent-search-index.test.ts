// Runs in: tests (node). The search index is ready at once after a restart, a crash or damage to
// its files: it is updated per saved article, never rebuilt, and catches up in the background.
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newArticle, type Article } from '../../../common/article';
import { PersistentSearchIndex, SEARCH_LOG_FILE, SEARCH_SHARDS, searchShardFile, shardOf, type SearchChange } from './persistent-search-index';
import { SearchIndex } from './search-index';

function article(n: number, headline: string, body: string, updatedAt = '2026-11-25T08:00:00.000Z'): Article {
  const a = newArticle(`a${String(n).padStart(21, '0')}`, '2026-11-25T08:00:00.000Z');
  return { ...a, headline, updatedAt, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: body }] }] } };
}

/** A library of `count` articles: even ones English, odd ones Chinese. */
function library(count: number): Article[] {
  return Array.from({ length: count }, (_, i) =>
    i % 2 === 0 ? article(i, `Council story ${i}`, `The council met about item${i}.`) : article(i, `认证新闻 ${i}`, `用户身份认证失败，编号${i}。`),
  );
}

/** The library as the store serves it: summaries, and a reader that counts the articles it reads. */
function store(articles: Article[]) {
  const reads: string[] = [];
  return {
    reads,
    summaries: () => articles.map((a) => ({ id: a.id, updatedAt: a.updatedAt })),
    load: async (id: string) => {
      reads.push(id);
      const found = articles.find((a) => a.id === id);
      if (!found) throw new Error(`no article ${id}`);
      return found;
    },
  };
}

const upsert = (a: Article): SearchChange => ({ kind: 'upsert', article: a });
const shardFiles = Array.from({ length: SEARCH_SHARDS }, (_, k) => searchShardFile(k));
const readShards = () => Promise.all(shardFiles.map((f) => readFile(join(dir, f), 'utf8').catch(() => '')));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dateline-persistent-search-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A first start on a library with no index: catches up, then closes cleanly. */
async function indexedOnce(articles: Article[]): Promise<void> {
  const lib = store(articles);
  const index = await PersistentSearchIndex.open(dir);
  await index.catchUp(lib.summaries(), lib.load);
  await index.close();
}

describe('PersistentSearchIndex', () => {
  it('a cold catch-up indexes every article, writes each shard as one segment, and a restart finds them all', async () => {
    const count = 512;
    const articles = library(count);
    const lib = store(articles);
    const index = await PersistentSearchIndex.open(dir);
    await index.catchUp(lib.summaries(), lib.load);
    expect(index.size).toBe(count);
    expect(index.pending).toBe(0);
    expect(index.search('认证').length).toBe(count / 2);
    expect(index.search('item16')).toContain(articles[16]!.id);
    expect(index.search('item16')).not.toContain(articles[18]!.id);
    index.update([upsert({ ...articles[4]!, headline: 'Harbour closes', updatedAt: '2026-11-26T08:00:00.000Z' })]);
    expect(index.search('harbour')).toEqual([articles[4]!.id]);
    await index.close();
    const reopened = await PersistentSearchIndex.open(dir);
    await reopened.loaded();
    expect(reopened.size).toBe(count);
    expect(reopened.search('council').length).toBe(count / 2);
    expect(reopened.search('harbour')).toEqual([articles[4]!.id]);
    await reopened.close();
  });

  it('a save that comes while catching up wins over the older version catching up read', async () => {
    const articles = library(512);
    const target = articles[8]!;
    const lib = store(articles);
    const index = await PersistentSearchIndex.open(dir, { batchSize: 1 });
    let saved = false;
    const caught = index.catchUp(lib.summaries(), async (id) => {
      const read = await lib.load(id);
      // Read the old version, then (before catching up ends) the editor saves a newer one.
      if (id !== target.id && lib.reads.includes(target.id) && !saved) {
        saved = true;
        index.update([upsert({ ...target, headline: 'Harbour closes', updatedAt: '2026-11-26T08:00:00.000Z' })]);
      }
      return read;
    });
    await caught;
    expect(saved).toBe(true);
    expect(index.search('harbour')).toEqual([target.id]);
    expect(index.search(target.headline)).not.toContain(target.id);
    await index.close();
  });

  it('catching up keeps a few article reads in flight, never more than five, and indexes every one', async () => {
    const articles = library(60);
    const lib = store(articles);
    let inFlight = 0;
    let most = 0;
    const index = await PersistentSearchIndex.open(dir);
    await index.catchUp(lib.summaries(), async (id) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      // Resolves a turn later, as a file read does.
      await new Promise<void>((resolve) => setImmediate(resolve));
      inFlight -= 1;
      return lib.load(id);
    });
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(5);
    expect(index.size).toBe(60);
    expect(index.search('认证')).toHaveLength(30);
    await index.close();
  });

  it('a save made while catching up awaits a read wins over an older version still in the log', async () => {
    const [a, b] = [article(1, 'Alpha story', 'a'), article(2, 'Bravo story', 'b')];
    await indexedOnce([a, b]);
    // A crash left b's next version in the log, never folded into the snapshot.
    const logged = { ...b, headline: 'Bravo logged', updatedAt: '2026-11-26T08:00:00.000Z' };
    const crashed = await PersistentSearchIndex.open(dir, { compactAfter: 1000 });
    await crashed.loaded();
    crashed.update([upsert(logged)]);
    await crashed.flushed();
    // The next start must read a (changed meanwhile) and replay b from the log, in one batch.
    const changed = { ...a, headline: 'Alpha changed', updatedAt: '2026-11-27T08:00:00.000Z' };
    const index = await PersistentSearchIndex.open(dir, { compactAfter: 1000 });
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reading = (): void => undefined;
    const readStarted = new Promise<void>((resolve) => (reading = resolve));
    const caughtUp = index.catchUp(
      [
        { id: changed.id, updatedAt: changed.updatedAt },
        { id: logged.id, updatedAt: logged.updatedAt },
      ],
      async () => {
        reading();
        await held;
        return changed;
      },
    );
    await readStarted;
    // While a is being read, the editor saves b again.
    index.update([upsert({ ...b, headline: 'Bravo harbour', updatedAt: '2026-11-28T08:00:00.000Z' })]);
    release();
    await caughtUp;
    expect(index.search('harbour')).toEqual([b.id]);
    expect(index.search('logged')).toEqual([]);
    expect(index.search('changed')).toEqual([a.id]);
    await index.close();
  });

  it('an article that cannot be read for now stays indexed as it was, and is read again at the next start', async () => {
    const articles = library(6);
    await indexedOnce(articles);
    const edited = { ...articles[2]!, headline: 'Harbour closes', updatedAt: '2026-11-26T08:00:00.000Z' };
    const listed = articles.map((a) => (a.id === edited.id ? edited : a)).map((a) => ({ id: a.id, updatedAt: a.updatedAt }));
    const locked = await PersistentSearchIndex.open(dir);
    await locked.catchUp(listed, async () => {
      throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
    });
    expect(locked.search(articles[2]!.headline)).toContain(edited.id);
    await locked.close();
    const next = await PersistentSearchIndex.open(dir);
    const reads: string[] = [];
    await next.catchUp(listed, async (id) => {
      reads.push(id);
      return edited;
    });
    expect(reads).toEqual([edited.id]);
    expect(next.search('harbour')).toEqual([edited.id]);
    await next.close();
  });

  it('a shard file that holds another shard\'s articles, or that cannot be decoded, is rebuilt from the library', async () => {
    const articles = library(40);
    await indexedOnce(articles);
    const [first, second] = [0, 1].map((k) => join(dir, searchShardFile(k)));
    await writeFile(second!, await readFile(first!));
    const lib = store(articles);
    const index = await PersistentSearchIndex.open(dir);
    await index.catchUp(lib.summaries(), lib.load);
    const inShard1 = articles.filter((a) => shardOf(a.id) === 1).map((a) => a.id);
    expect(inShard1.length).toBeGreaterThan(0);
    expect([...lib.reads].sort()).toEqual([...inShard1].sort());
    expect(index.size).toBe(40);
    expect(index.search('认证')).toHaveLength(20);
    await index.close();
  });

  it('a batch of large articles yields before its end, so a search can answer in between', async () => {
    const big = 'harbour '.repeat(250_000);
    const articles = Array.from({ length: 6 }, (_, i) => article(i, `Big story ${i}`, big));
    const lib = store(articles);
    const index = await PersistentSearchIndex.open(dir, { readAhead: 0 });
    await index.loaded();
    const sizes: number[] = [];
    const caughtUp = index.catchUp(lib.summaries(), lib.load);
    // Runs at the first yield to the event loop (file reads here are promises, not yields).
    setImmediate(() => sizes.push(index.size));
    await caughtUp;
    expect(sizes[0]).toBeGreaterThan(0);
    expect(sizes[0]).toBeLessThan(6);
    expect(index.size).toBe(6);
    // Nothing read ahead: a batch cut short reads no article twice.
    expect(lib.reads).toHaveLength(6);
    await index.close();
  });

  it('merges the shards\' answers best score first, as one index over every article scores them', async () => {
    // Varied relevance: the word appears a different number of times, in the headline or only the body.
    const articles = Array.from({ length: 80 }, (_, i) =>
      article(i, i % 3 === 0 ? `Harbour ${i}` : `Story ${i}`, `${'harbour '.repeat(1 + (i % 7))}认证${'失败'.repeat(i % 5)} filler text ${i}`),
    );
    const index = await PersistentSearchIndex.open(dir);
    await index.loaded();
    index.update(articles.map(upsert));
    const one = SearchIndex.empty();
    for (const a of articles) one.add(a);
    for (const query of ['harbour', '认证', '失败', 'filler harb']) {
      const scoreOf = new Map(one.searchScored(query).map((r) => [r.id, r.score]));
      const found = index.search(query);
      expect(found.length).toBeGreaterThan(10);
      expect(new Set(found)).toEqual(new Set(scoreOf.keys()));
      const scores = found.map((id) => scoreOf.get(id)!);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    await index.close();
  });

  it('a save that comes while the shards load, after the library was listed, is counted, kept and found', async () => {
    const index = await PersistentSearchIndex.open(dir);
    // The library was listed (empty) before the article was created and saved.
    const caughtUp = index.catchUp([], async () => null);
    const saved = article(7, 'Harbour ferry resumes', 'Ferries run again.');
    index.update([upsert(saved)]);
    expect(index.pending).toBe(1);
    await caughtUp;
    expect(index.search('harbour')).toEqual([saved.id]);
    expect(index.pending).toBe(0);
    await index.close();
  });

  it('a warm start reads no article and answers at once, Chinese two-character queries included', async () => {
    const articles = library(40);
    await indexedOnce(articles);
    const lib = store(articles);
    const index = await PersistentSearchIndex.open(dir);
    const caughtUp = index.catchUp(lib.summaries(), lib.load);
    // The shards load one at a time; until then a search answers from those loaded and says how many are missing.
    expect(index.size).toBe(0);
    expect(index.pending).toBe(40);
    expect(index.search('认证')).toEqual([]);
    await index.loaded();
    expect(index.size).toBe(40);
    expect(index.pending).toBe(0);
    expect(index.search('认证')).toHaveLength(20);
    expect(index.search('item7')).toEqual([]);
    expect(index.search('item8')).toEqual([articles[8]!.id]);
    await caughtUp;
    expect(lib.reads).toEqual([]);
  });

  it('an upgrade from MiniSearch snapshots rebuilds from the library and removes the old files', async () => {
    const old = ['search-index.json', ...Array.from({ length: SEARCH_SHARDS }, (_, k) => `search-index-${k}.json`)];
    for (const file of old) await writeFile(join(dir, file), '{"format":"dateline-search-index","version":1003,"stamps":{}}\n{}');
    const articles = library(20);
    const lib = store(articles);
    const index = await PersistentSearchIndex.open(dir);
    await index.catchUp(lib.summaries(), lib.load);
    expect(lib.reads).toHaveLength(20);
    expect(index.search('认证')).toHaveLength(10);
    await index.close();
    for (const file of old) await expect(readFile(join(dir, file))).rejects.toThrow(/ENOENT/);
    expect((await readShards()).every((text) => text.length > 0)).toBe(true);
  });

  it('the first query after a warm start waits for the snapshots, not for catching up, and finds what they hold', async () => {
    const articles = library(40);
    await indexedOnce(articles);
    const lib = store(articles);
    const index = await PersistentSearchIndex.open(dir);
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The library changed while the app was closed: one article needs reading, and that read is held.
    const changed = { ...articles[3]!, updatedAt: '2026-11-26T08:00:00.000Z' };
    const caughtUp = index.catchUp([...lib.summaries().filter((s) => s.id !== changed.id), { id: changed.id, updatedAt: changed.updatedAt }], async (id) => {
      await held;
      return id === changed.id ? changed : lib.load(id);
    });
    const first = await index.query('认证');
    expect(first.hits).toHaveLength(20);
    expect(first.indexed).toBe(40);
    expect(first.pending).toBe(1);
    release();
    await caughtUp;
    expect((await index.query('认证')).pending).toBe(0);
    await index.close();
  });

  it('a save is indexed on its own and appended to the log, the snapshot untouched', async () => {
    const articles = library(10);
    await indexedOnce(articles);
    const snapshotBefore = await readShards();
    const index = await PersistentSearchIndex.open(dir);
    await index.loaded();
    const edited = { ...articles[3]!, headline: '上海天气', updatedAt: '2026-11-26T08:00:00.000Z' };
    index.update([upsert(edited)]);
    expect(index.search('上海')).toEqual([edited.id]);
    await index.flushed();
    expect(await readShards()).toEqual(snapshotBefore);
    const log = (await readFile(join(dir, SEARCH_LOG_FILE), 'utf8')).trim().split('\n');
    expect(log).toHaveLength(2);
    expect(JSON.parse(log[1]!)).toMatchObject({ op: 'put', stamp: edited.updatedAt, doc: { id: edited.id, headline: '上海天气' } });
  });

  it('after a crash, saves since the snapshot come back from the log without reading the articles', async () => {
    const articles = library(10);
    await indexedOnce(articles);
    const crashed = await PersistentSearchIndex.open(dir);
    const edited = { ...articles[2]!, headline: 'Flood closes bridge', updatedAt: '2026-11-26T08:00:00.000Z' };
    const added = article(99, '北京暴雨', '暴雨', '2026-11-26T09:00:00.000Z');
    crashed.update([upsert(edited), upsert(added), { kind: 'remove', id: articles[4]!.id }]);
    await crashed.flushed();
    // No close(): the process died here.

    const now = [...articles.filter((a) => a.id !== articles[4]!.id && a.id !== edited.id), edited, added];
    const lib = store(now);
    const index = await PersistentSearchIndex.open(dir);
    await index.catchUp(lib.summaries(), lib.load);
    expect(lib.reads).toEqual([]);
    expect(index.search('flood')).toEqual([edited.id]);
    expect(index.search('暴雨')).toEqual([added.id]);
    expect(index.search('item4')).toEqual([]);
    expect(index.size).toBe(10);
  });

  it('a corrupt snapshot still lets search answer at once, says how many are waiting, and catches up', async () => {
    const articles = library(30);
    await indexedOnce(articles);
    for (const file of shardFiles) await writeFile(join(dir, file), '{"format":"dateline-search-index","version":1001,"stamps":{}}\n{torn');
    const gate: (() => void)[] = [];
    const lib = store(articles);
    const index = await PersistentSearchIndex.open(dir, { batchSize: 5 });
    const caughtUp = index.catchUp(lib.summaries(), async (id) => {
      await new Promise<void>((resolve) => gate.push(resolve));
      return lib.load(id);
    });
    await index.loaded();
    expect(index.search('council')).toEqual([]);
    expect(index.pending).toBe(30);
    while (index.pending > 0) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      gate.shift()?.();
    }
    await caughtUp;
    expect(index.search('council')).toHaveLength(15);
    expect(index.search('认证')).toHaveLength(15);
    await index.close();
    const reopened = await PersistentSearchIndex.open(dir);
    await reopened.loaded();
    expect(reopened.size).toBe(30);
  });

  it('a snapshot from another version (an upgrade) is caught up, not waited for', async () => {
    const articles = library(6);
    await indexedOnce(articles);
    for (const [k, text] of (await readShards()).entries()) {
      if (text) await writeFile(join(dir, shardFiles[k]!), text.replace(/"version":\d+/, '"version":1'));
    }
    const lib = store(articles);
    const index = await PersistentSearchIndex.open(dir);
    const caughtUp = index.catchUp(lib.summaries(), lib.load);
    await index.loaded();
    expect(index.size).toBe(0);
    expect(index.pending).toBe(6);
    await caughtUp;
    expect(index.pending).toBe(0);
    expect(index.search('council')).toHaveLength(3);
    await index.close();
  });

  it('catching up yields between small batches, so searches answer in between', async () => {
    const articles = library(50);
    const lib = store(articles);
    const index = await PersistentSearchIndex.open(dir, { batchSize: 10 });
    const caughtUp = index.catchUp(lib.summaries(), lib.load);
    await index.loaded();
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(index.pending).toBe(40);
    expect(index.search('council')).toHaveLength(5);
    await caughtUp;
    expect(index.search('council')).toHaveLength(25);
    await index.close();
  });

  it('a torn log keeps its whole lines, and later appends survive the next start', async () => {
    const articles = library(4);
    await indexedOnce(articles);
    const first = await PersistentSearchIndex.open(dir);
    const flood = { ...articles[0]!, headline: 'Flood', updatedAt: '2026-11-26T08:00:00.000Z' };
    first.update([upsert(flood)]);
    await first.flushed();
    await appendFile(join(dir, SEARCH_LOG_FILE), '{"op":"put","stamp":"2026-11-2');

    const second = await PersistentSearchIndex.open(dir);
    const now = [flood, ...articles.slice(1)];
    let lib = store(now);
    await second.catchUp(lib.summaries(), lib.load);
    expect(lib.reads).toEqual([]);
    expect(second.search('flood')).toEqual([flood.id]);
    const storm = { ...articles[1]!, headline: '台风', updatedAt: '2026-11-26T09:00:00.000Z' };
    second.update([upsert(storm)]);
    await second.flushed();

    const third = await PersistentSearchIndex.open(dir);
    lib = store([flood, storm, ...articles.slice(2)]);
    await third.catchUp(lib.summaries(), lib.load);
    expect(lib.reads).toEqual([]);
    expect(third.search('台风')).toEqual([storm.id]);
    expect(third.search('flood')).toEqual([flood.id]);
  });

  it('folds the log into a new snapshot once it grows', async () => {
    const articles = library(4);
    await indexedOnce(articles);
    const index = await PersistentSearchIndex.open(dir, { compactAfter: 3 });
    await index.loaded();
    const before = await readShards();
    index.update([upsert({ ...articles[0]!, headline: 'one', updatedAt: '2026-11-26T01:00:00.000Z' })]);
    index.update([upsert({ ...articles[0]!, headline: 'two', updatedAt: '2026-11-26T02:00:00.000Z' })]);
    await index.flushed();
    expect((await readFile(join(dir, SEARCH_LOG_FILE), 'utf8')).trim().split('\n')).toHaveLength(3);
    index.update([upsert({ ...articles[0]!, headline: 'three '.repeat(50), updatedAt: '2026-11-26T03:00:00.000Z' })]);
    await index.flushed();
    expect((await readFile(join(dir, SEARCH_LOG_FILE), 'utf8')).trim().split('\n')).toHaveLength(1);
    // Only the shard holding the changed article is rewritten.
    const after = await readShards();
    expect(after.map((text, k) => text !== before[k])).toEqual(shardFiles.map((_, k) => k === shardOf(articles[0]!.id)));
    const reopened = await PersistentSearchIndex.open(dir);
    await reopened.loaded();
    expect(reopened.search('three')).toEqual([articles[0]!.id]);
    expect(reopened.search('two')).toEqual([]);
  });

  it('a save that comes while the shards are still loading is not lost to the loading snapshot', async () => {
    const articles = library(8);
    await indexedOnce(articles);
    const index = await PersistentSearchIndex.open(dir, { compactAfter: 1 });
    const edited = { ...articles[5]!, headline: '深圳台风', updatedAt: '2026-11-26T08:00:00.000Z' };
    index.update([upsert(edited)]);
    await index.loaded();
    expect(index.search('台风')).toEqual([edited.id]);
    await index.flushed();

    const now = articles.map((a) => (a.id === edited.id ? edited : a));
    const lib = store(now);
    const reopened = await PersistentSearchIndex.open(dir);
    await reopened.catchUp(lib.summaries(), lib.load);
    expect(lib.reads).toEqual([]);
    expect(reopened.search('台风')).toEqual([edited.id]);
  });

  it('scores a match the same whichever shard holds it, as one index over every article would', async () => {
    // "ferry" is common in shard 0 and rare in shard 1: scored with each shard's own figures, the
    // older copy in shard 1 would outrank the newer, equal one in shard 0. The shards also meet
    // the words "fer" extends to in different orders, as a prefix search adds them up.
    const ids = Array.from({ length: 400 }, (_, n) => article(n, 'x', 'x').id);
    const inShard = (k: number) => ids.filter((id) => shardOf(id) === k);
    const stamp = (day: number) => `2026-11-${String(day).padStart(2, '0')}T08:00:00.000Z`;
    const common = inShard(0)
      .slice(1, 41)
      .map((id, n) => ({ ...article(0, `Ferry timetable ${n}`, `The ferry runs at ${n}, then the ferryman rests.`, stamp(2)), id }));
    const others = inShard(1)
      .slice(1, 41)
      .map((id, n) => ({ ...article(0, `Council item ${n}`, n === 0 ? 'Two ferries were sold.' : `The council met about ${n}.`, stamp(3)), id }));
    const text = 'The ferryman says the ferries and the ferry run late.';
    const newer = { ...article(0, 'Harbour ferry', text, stamp(20)), id: inShard(0)[0]! };
    const older = { ...article(0, 'Harbour ferry', text, stamp(10)), id: inShard(1)[0]! };
    const index = await PersistentSearchIndex.open(dir);
    await index.catchUp([], async () => {
      throw new Error('nothing to read');
    });
    const all = [...common, ...others, newer, older];
    index.update(all.map(upsert));
    const one = SearchIndex.empty();
    for (const a of all) one.add(a);
    for (const query of ['harbour ferry', 'harbour fer']) expect(index.search(query).slice(0, 2), query).toEqual([newer.id, older.id]);
    for (const query of ['ferry', 'harbour ferry', 'the', 'council', 'runs la', 'fer', 'harbour fer', 'the fe']) expect(index.search(query), query).toEqual(one.search(query));
    await index.close();
  });

  it('merges equally relevant articles from different shards newest first', async () => {
    // One article in each of two shards, the same words: the same statistics, so the same score.
    const ids = Array.from({ length: 64 }, (_, n) => article(n, 'x', 'x').id);
    const lower = ids.find((id) => shardOf(id) === 0)!;
    const higher = ids.find((id) => shardOf(id) === 1)!;
    const older = { ...article(0, 'Harbour ferry', 'The ferry runs late.', '2026-11-01T08:00:00.000Z'), id: lower };
    const newer = { ...article(0, 'Harbour ferry', 'The ferry runs late.', '2026-11-20T08:00:00.000Z'), id: higher };
    const index = await PersistentSearchIndex.open(dir);
    await index.catchUp([], async () => {
      throw new Error('nothing to read');
    });
    index.update([upsert(older), upsert(newer)]);
    expect(index.search('ferry')).toEqual([newer.id, older.id]);
    await index.close();
  });
});
