// Runs in: services. A shared story that works offline first: its Yjs document starts from what this
// machine kept (StoryUpdateLog), every update to it (typed here or received) is kept on disk before
// anything else, and the server connection, when there is one, merges both ways as it comes and
// goes: the provider sends what the server lacks on every (re)connection, so nothing typed offline
// is lost and nothing the others wrote meanwhile is dropped.
import * as Y from 'yjs';
import type { StoryConnection } from './story-connection';
import type { StoryUpdateLog } from './story-update-log';

/** The origin of updates read back from disk: they are not written again. */
const FROM_DISK = Symbol('from-disk');

export interface OfflineStoryOptions {
  articleId: string;
  log: StoryUpdateLog;
  /** Connects the document to the server (connectStoryDoc); it keeps reconnecting while offline. */
  connect(doc: Y.Doc): StoryConnection;
  /** A failed disk write: the caller tells the user; the update stays in memory. */
  onPersistError?(error: unknown): void;
}

export interface OfflineStory {
  readonly doc: Y.Doc;
  readonly connection: StoryConnection;
  /** Resolves once every update so far is on disk. */
  flushed(): Promise<void>;
  /** Flushes, then disconnects. */
  close(): Promise<void>;
}

export async function openOfflineStory(options: OfflineStoryOptions): Promise<OfflineStory> {
  const doc = new Y.Doc();
  const kept = await options.log.load(options.articleId);
  if (kept) Y.applyUpdate(doc, kept, FROM_DISK);
  let writes: Promise<void> = Promise.resolve();
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === FROM_DISK) return;
    writes = writes.then(() => options.log.append(options.articleId, update)).catch((error: unknown) => options.onPersistError?.(error));
  });
  const connection = options.connect(doc);
  const flushed = async (): Promise<void> => {
    let seen: Promise<void>;
    do {
      seen = writes;
      await seen;
    } while (seen !== writes);
  };
  return {
    doc,
    connection,
    flushed,
    async close() {
      await flushed();
      connection.close();
      doc.destroy();
    },
  };
}
