// Runs in: a worker thread of the services (node:worker_threads), started by library-folder-reader.ts
// for a start's scan. Reads article folders synchronously, away from the services' event loop: a
// file read through the thread pool costs several times the read itself at 100,000 folders, and
// parsing and checking each article.json would otherwise hold up every other call.
import { parentPort } from 'node:worker_threads';
import type { IndexEntry } from './library-index-cache';
import { readFolderEntry } from './read-folder-entry';

export interface LibraryReadRequest {
  id: number;
  libraryRoot: string;
  ids: string[];
}

export interface LibraryReadReply {
  id: number;
  /** The folders read in the plain case; the others are left to the store. */
  entries: [string, IndexEntry][];
}

const port = parentPort;
if (port) {
  port.on('message', (request: LibraryReadRequest) => {
    const entries: [string, IndexEntry][] = [];
    for (const id of request.ids) {
      const entry = readFolderEntry(request.libraryRoot, id);
      if (entry) entries.push([id, entry]);
    }
    port.postMessage({ id: request.id, entries } satisfies LibraryReadReply);
  });
}
