// Runs in: the benchmark script (Node). Search requests through a running host, timed against the
// same run's list request without words: as the search box asks (the first page) and with every
// match in one answer. Queries come from the generator's vocabulary, so they need no articles in
// memory (the 100k bench does not keep them): Latin words and 3–4-letter prefixes, Chinese
// two-character words and single characters.
import type { HostClient } from '../support/host-client';
import { LIBRARY_PAGE_SIZE } from '../../renderer/stores/library-store';
import { BENCH_VOCABULARY as V } from './bench-vocabulary';
import { seededRandom } from './seeded-random';
import { stats, type Stats } from './stats';

export interface SearchApiTiming {
  /** Hits over all queries (every match), so a table shows the queries found something. */
  hits: number;
  queries: number;
  latinPage: Stats;
  chinesePage: Stats;
  latinAll: Stats;
  chineseAll: Stats;
  /** The list's first page with no words: the request every search request is compared with. */
  listPage: Stats;
}

export function vocabularyQueries(): { query: string; chinese: boolean }[] {
  const r = seededRandom(99);
  const words = V.englishWords.filter((w) => w.length >= 4);
  const chineseWords = V.chineseWords.filter((w) => [...w].length >= 2);
  const out: { query: string; chinese: boolean }[] = [];
  for (let i = 0; i < 30; i++) out.push({ query: r.pick(words), chinese: false });
  for (let i = 0; i < 20; i++) out.push({ query: r.pick(words).slice(0, r.int(3, 4)), chinese: false });
  for (let i = 0; i < 35; i++) out.push({ query: [...r.pick(chineseWords)].slice(0, 2).join(''), chinese: true });
  for (let i = 0; i < 15; i++) out.push({ query: [...r.pick(chineseWords)][0]!, chinese: true });
  return out;
}

export async function timeSearchApi(client: HostClient): Promise<SearchApiTiming> {
  const queries = vocabularyQueries();
  for (const { query } of queries.slice(0, 10)) await client.call('library.list', { query, limit: LIBRARY_PAGE_SIZE });
  const times = { latinPage: [] as number[], chinesePage: [] as number[], latinAll: [] as number[], chineseAll: [] as number[], listPage: [] as number[] };
  let hits = 0;
  const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const t = performance.now();
    const value = await work();
    return [value, performance.now() - t];
  };
  for (const { query, chinese } of queries) {
    const [, listMs] = await timed(() => client.call('library.list', { limit: LIBRARY_PAGE_SIZE }));
    const [, pageMs] = await timed(() => client.call('library.list', { query, limit: LIBRARY_PAGE_SIZE }));
    const [all, allMs] = await timed(() => client.call('library.list', { query }));
    hits += all.items.length;
    times.listPage.push(listMs);
    (chinese ? times.chinesePage : times.latinPage).push(pageMs);
    (chinese ? times.chineseAll : times.latinAll).push(allMs);
  }
  return {
    hits,
    queries: queries.length,
    latinPage: stats(times.latinPage),
    chinesePage: stats(times.chinesePage),
    latinAll: stats(times.latinAll),
    chineseAll: stats(times.chineseAll),
    listPage: stats(times.listPage),
  };
}
