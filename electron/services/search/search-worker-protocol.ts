// Runs in: services and the search index worker. The messages between worker-search-index.ts and
// search-index-worker.ts, in the order they are sent (the worker handles them in that order).
import type { IndexedSummary, SearchChange } from './persistent-search-index';
import type { SearchAnswer, SearchPage } from './search-page';

export type SearchWorkerRequest =
  /** Opens the index in the library folder; every later request waits for it. */
  | { op: 'open'; libraryRoot: string }
  | { op: 'update'; changes: SearchChange[] }
  /** The worker reads changed articles from the library folder itself. */
  | { op: 'catch-up'; library: IndexedSummary[] }
  | { op: 'query'; id: number; query: string; page?: SearchPage }
  | { op: 'close' };

export type SearchWorkerReply =
  /** `indexed`: how many articles the index holds (the schedule's estimate before catching up). */
  | ({ op: 'answer'; id: number } & SearchAnswer)
  | { op: 'caught-up' }
  | { op: 'closed' }
  /** The index could not be opened or caught up: the services take over. */
  | { op: 'failed'; message: string };
