// Runs in: tests (node). Cuts a corpus into shards of at most `size` items, one test each, so no
// single test runs anywhere near its timeout on a busy machine; together they cover every item.
export interface CorpusShard<T> {
  /** 1-based, for the test title. */
  first: number;
  last: number;
  items: T[];
}

export function corpusShards<T>(items: readonly T[], size: number): CorpusShard<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`A shard holds at least one item, not ${size}.`);
  const shards: CorpusShard<T>[] = [];
  for (let start = 0; start < items.length; start += size) {
    const slice = items.slice(start, start + size);
    shards.push({ first: start + 1, last: start + slice.length, items: slice });
  }
  return shards;
}
