// Runs in: a worker thread of the services (node:worker_threads), started by library-folder-reader.ts
// for a start's scan. Checks and reads article folders synchronously, away from the services' event
// loop: at 100,000 folders the stats alone take a second or more, a file read through the thread
// pool costs several times the read itself, and parsing and checking each article.json would
// otherwise hold up every other call.
import { parentPort } from 'node:worker_threads';
import { join } from 'node:path';
import { folderMatches } from './folder-matches';
import type { IndexEntry } from './library-index-cache';
import { readFolderEntry } from './read-folder-entry';

export type LibraryReadRequest =
  /** Which of these folders no longer match their stats (three numbers per id: dirMtimeMs, mtimeMs, size). */
  | { kind: 'check'; id: number; libraryRoot: string; ids: string[]; stats: Float64Array }
  /** These folders' cache entries, read. */
  | { kind: 'read'; id: number; libraryRoot: string; ids: string[] };

export type LibraryReadReply =
  | { kind: 'check'; id: number; changed: string[] }
  /** The folders read in the plain case (the others are left to the store), and how long that took. */
  | { kind: 'read'; id: number; entries: [string, IndexEntry][]; elapsedMs: number };

const port = parentPort;
if (port) {
  port.on('message', (request: LibraryReadRequest) => {
    if (request.kind === 'check') {
      const changed: string[] = [];
      request.ids.forEach((id, i) => {
        const [dirMtimeMs, mtimeMs, size] = request.stats.subarray(i * 3, i * 3 + 3);
        if (!folderMatches(join(request.libraryRoot, 'articles', id), { dirMtimeMs: dirMtimeMs!, mtimeMs: mtimeMs!, size: size! })) changed.push(id);
      });
      port.postMessage({ kind: 'check', id: request.id, changed } satisfies LibraryReadReply);
      return;
    }
    const started = performance.now();
    const entries: [string, IndexEntry][] = [];
    for (const id of request.ids) {
      const entry = readFolderEntry(request.libraryRoot, id);
      if (entry) entries.push([id, entry]);
    }
    port.postMessage({ kind: 'read', id: request.id, entries, elapsedMs: performance.now() - started } satisfies LibraryReadReply);
  });
}
