// Runs in: vitest (node). The search index follows typing in batches: an article is indexed once
// writing goes quiet (or a deadline passes), at once when someone searches, and changes made before
// the index opened are not lost.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../../common/article';
import { makeArticle } from '../../../tests/fixtures/sample-article';
import { consoleLogger } from '../log/logger';
import type { SearchChange } from './persistent-search-index';
import { createSearchIndexSchedule, type ScheduledIndex } from './search-index-schedule';

const QUIET = 4_000;
const MAX_WAIT = 20_000;

/** An index holding `indexed` articles (by default as many as any library these tests count). */
function fakeIndex(indexed = 10) {
  const batches: string[][] = [];
  let caughtUp: () => void = () => undefined;
  const index: ScheduledIndex = {
    update: (changes: Iterable<SearchChange>) => void batches.push([...changes].map((c) => (c.kind === 'upsert' ? `${c.article.id}@${c.article.revision}` : `-${c.id}`))),
    query: async () => ({ hits: ['hit'], pending: 0, indexed }),
    catchUp: () => new Promise<void>((resolve) => (caughtUp = resolve)),
    close: async () => undefined,
  };
  return { index, batches, finishCatchUp: () => caughtUp() };
}

const saved = (id: string, revision: number): SearchChange => ({ kind: 'upsert', article: { ...makeArticle({}), id, revision } as Article });
const library = { list: () => [], get: async (): Promise<Article> => makeArticle({}) };

describe('search index schedule', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  async function opened(onIndexed = () => undefined) {
    const fake = fakeIndex();
    const schedule = createSearchIndexSchedule({ logger: consoleLogger, onIndexed, quietMs: QUIET, maxWaitMs: MAX_WAIT });
    schedule.open(async () => fake.index, library);
    await schedule.search('', () => 0);
    return { ...fake, schedule };
  }

  it('indexes a run of autosaves once, with the latest version, after writing goes quiet', async () => {
    const { schedule, batches } = await opened();
    schedule.changed(saved('a', 1));
    vi.advanceTimersByTime(QUIET - 1);
    schedule.changed(saved('a', 2));
    schedule.changed({ kind: 'remove', id: 'b' });
    vi.advanceTimersByTime(QUIET - 1);
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(batches).toEqual([['a@2', '-b']]);
  });

  it('never waits longer than the deadline while someone keeps typing', async () => {
    const { schedule, batches } = await opened();
    for (let revision = 1; revision <= MAX_WAIT / 1_000; revision++) {
      schedule.changed(saved('a', revision));
      vi.advanceTimersByTime(1_000);
    }
    expect(batches).toEqual([['a@20']]);
  });

  it('indexes what waits at once when someone searches', async () => {
    const { schedule, batches } = await opened();
    schedule.changed(saved('a', 1));
    expect(await schedule.search('harbour', () => 1)).toEqual({ hits: ['hit'], indexing: 0 });
    expect(batches).toEqual([['a@1']]);
  });

  it('keeps changes made before the index opened, and says when it has caught up', async () => {
    const fake = fakeIndex();
    const indexed = vi.fn();
    const schedule = createSearchIndexSchedule({ logger: consoleLogger, onIndexed: indexed, quietMs: QUIET, maxWaitMs: MAX_WAIT });
    schedule.changed(saved('early', 1));
    schedule.open(async () => fake.index, library);
    await schedule.search('', () => 0);
    expect(fake.batches).toEqual([['early@1']]);
    expect(indexed).not.toHaveBeenCalled();
    fake.finishCatchUp();
    await vi.waitFor(() => expect(indexed).toHaveBeenCalledOnce());
  });

  it('finds nothing, and counts the whole library as not yet searchable, when the index cannot be opened', async () => {
    const logger = { ...consoleLogger, warn: vi.fn() };
    const schedule = createSearchIndexSchedule({ logger, onIndexed: () => undefined });
    schedule.open(() => Promise.reject(new Error('disk full')), library);
    expect(await schedule.search('harbour', () => 7)).toEqual({ hits: [], indexing: 7 });
    expect(logger.warn).toHaveBeenCalledWith('[services] could not open the search index:', expect.any(Error));
  });

  it('answers from the opened index at once, and catches up only once the library is all listed', async () => {
    const fake = fakeIndex();
    const catchUp = vi.spyOn(fake.index, 'catchUp');
    let listed: (complete: boolean) => void = () => undefined;
    const schedule = createSearchIndexSchedule({ logger: consoleLogger, onIndexed: () => undefined, quietMs: QUIET, maxWaitMs: MAX_WAIT });
    schedule.open(async () => fake.index, library, new Promise<boolean>((resolve) => (listed = resolve)));
    expect(await schedule.search('flood', () => 10)).toEqual({ hits: ['hit'], indexing: 0 });
    expect(catchUp).not.toHaveBeenCalled();
    listed(true);
    await vi.waitFor(() => expect(catchUp).toHaveBeenCalledTimes(1));
  });

  it('never catches up with a list cut short (closing during the scan)', async () => {
    const fake = fakeIndex();
    const catchUp = vi.spyOn(fake.index, 'catchUp');
    const schedule = createSearchIndexSchedule({ logger: consoleLogger, onIndexed: () => undefined, quietMs: QUIET, maxWaitMs: MAX_WAIT });
    schedule.open(async () => fake.index, library, Promise.resolve(false));
    await schedule.search('flood', () => 10);
    await schedule.close();
    expect(catchUp).not.toHaveBeenCalled();
  });

  it('until it has caught up, counts what the library has beyond what the index holds (an emptied index after an upgrade)', async () => {
    const fake = fakeIndex(0);
    const indexed = vi.fn();
    const schedule = createSearchIndexSchedule({ logger: consoleLogger, onIndexed: indexed, quietMs: QUIET, maxWaitMs: MAX_WAIT });
    schedule.open(async () => fake.index, library);
    expect(await schedule.search('flood', () => 7)).toEqual({ hits: ['hit'], indexing: 7 });
    fake.finishCatchUp();
    await vi.waitFor(() => expect(indexed).toHaveBeenCalledOnce());
    // Caught up, the index's own count is the truth (the library may hold articles it never indexes).
    expect(await schedule.search('flood', () => 7)).toEqual({ hits: ['hit'], indexing: 0 });
  });

  it('before catching up, keeps the index\'s own count when it is the larger', async () => {
    const fake = fakeIndex(5);
    vi.spyOn(fake.index, 'query').mockResolvedValue({ hits: [], pending: 4, indexed: 5 });
    const schedule = createSearchIndexSchedule({ logger: consoleLogger, onIndexed: () => undefined, quietMs: QUIET, maxWaitMs: MAX_WAIT });
    schedule.open(async () => fake.index, library);
    expect(await schedule.search('flood', () => 7)).toEqual({ hits: [], indexing: 4 });
  });
});
