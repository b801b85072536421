// Runs in: the benchmark script (Node). The first search after a cold and a warm start, each
// beside the same run's full rebuild of the search index (what the first search used to wait for).
import { formatMs as ms, formatRatio as ratio } from './format-ms';
import type { Cell, Table } from './print-table';
import { SEARCH_SHARDS } from '../../electron/services/search/persistent-search-index';
import type { SearchStartResult } from './search-start-bench';

export function searchStartRows(r: SearchStartResult): Cell[][] {
  const n = r.articles.toLocaleString('en');
  return [
    [`Full rebuild of the search index (read + index ${n} articles): the old first-search wait`, ms(r.fullRebuildMs), '—', ''],
    [
      `First search, cold start (no index on disk), ${r.cold.indexingAtFirstSearch.toLocaleString('en')} still indexing, ${r.cold.hitsAtFirstSearch} hits`,
      ms(r.cold.firstSearchMs),
      ms(r.fullRebuildMs),
      ratio(r.cold.firstSearchMs, r.fullRebuildMs),
    ],
    ['… of which the services start', ms(r.cold.servicesMs), '—', ''],
    ['Cold start until the background catch-up indexed everything', ms(r.coldCaughtUpMs), ms(r.fullRebuildMs), ratio(r.coldCaughtUpMs, r.fullRebuildMs)],
    [
      `First search, warm start, ${r.warm.indexingAtFirstSearch} still indexing, ${r.warm.hitsAtFirstSearch} hits`,
      ms(r.warm.firstSearchMs),
      ms(r.fullRebuildMs),
      ratio(r.warm.firstSearchMs, r.fullRebuildMs),
    ],
    ['… of which the services start', ms(r.warm.servicesMs), '—', ''],
    ['Warm start until every shard is loaded and searched (0 still indexing)', ms(r.warmCompleteMs), ms(r.fullRebuildMs), ratio(r.warmCompleteMs, r.fullRebuildMs)],
    ['Open the index in process (log + all shards) vs one-snapshot load (old format)', ms(r.openMs), ms(r.oldSnapshotLoadMs), ratio(r.openMs, r.oldSnapshotLoadMs)],
    ['Longest single shard load (the longest the event loop is held)', ms(r.longestShardMs), ms(r.oldSnapshotLoadMs), ratio(r.longestShardMs, r.oldSnapshotLoadMs)],
    ['Articles re-read by a warm start', String(r.warmReads), String(r.articles), ''],
    [`Search in process, 100 queries p50: ${SEARCH_SHARDS} shards merged vs one index`, ms(r.shardedSearch.median), ms(r.singleSearch.median), ratio(r.shardedSearch.median, r.singleSearch.median)],
    [`Search in process, 100 queries p95: ${SEARCH_SHARDS} shards merged vs one index`, ms(r.shardedSearch.p95), ms(r.singleSearch.p95), ratio(r.shardedSearch.p95, r.singleSearch.p95)],
  ];
}

export function searchStartTable(r: SearchStartResult): Table {
  return {
    title: `Search after start, ${r.articles.toLocaleString('en')} articles (in process)`,
    headers: ['Measure', 'Now', 'Baseline', 'Ratio'],
    rows: searchStartRows(r),
  };
}
