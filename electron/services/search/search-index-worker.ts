// Runs in: a worker thread of the services (node:worker_threads), started by worker-search-index.ts.
// Holds the search index (persistent-search-index.ts) away from the services' event loop: loading
// its snapshots, catching up with the library (reading article files itself), updates and queries.
import { parentPort } from 'node:worker_threads';
import { readIndexableArticle } from './indexable-article-file';
import { PersistentSearchIndex } from './persistent-search-index';
import type { SearchWorkerReply, SearchWorkerRequest } from './search-worker-protocol';

const port = parentPort;
if (port) {
  const reply = (message: SearchWorkerReply): void => port.postMessage(message);
  const failed = (error: unknown): void => reply({ op: 'failed', message: error instanceof Error ? error.message : String(error) });
  let libraryRoot = '';
  let index: Promise<PersistentSearchIndex> | null = null;
  // Each request runs after the one before it: an update always precedes a later query.
  const withIndex = (work: (ready: PersistentSearchIndex) => Promise<void> | void): void => {
    if (!index) return failed(new Error('the search index was used before it was opened'));
    void index.then(work).catch(failed);
  };
  port.on('message', (request: SearchWorkerRequest) => {
    switch (request.op) {
      case 'open':
        libraryRoot = request.libraryRoot;
        // The worker reads articles synchronously: nothing to read ahead.
        index = PersistentSearchIndex.open(libraryRoot, { readAhead: 0 });
        index.catch(failed);
        return;
      case 'update':
        return withIndex((ready) => ready.update(request.changes));
      case 'catch-up':
        return withIndex((ready) => {
          void ready
            .catchUp(request.library, async (id) => readIndexableArticle(libraryRoot, id))
            .then(() => reply({ op: 'caught-up' }))
            .catch(failed);
        });
      case 'query':
        return withIndex(async (ready) => reply({ op: 'answer', id: request.id, ...(await ready.query(request.query, request.page)) }));
      case 'close':
        return withIndex(async (ready) => {
          await ready.close();
          reply({ op: 'closed' });
        });
    }
  });
}
