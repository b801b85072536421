// Runs in: the newsroom server. The Hocuspocus instance: story access and read-only rules, the
// story state in the database (merged on every store), and Redis when several nodes serve as one.
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Hocuspocus, type Extension } from '@hocuspocus/server';
import { parseStoryDocumentName } from '../../common/collab/story-name';
import type { SqlDatabase } from '../db/sql-database';
import { fetchStoryState, storeStoryState } from '../stories/story-store';
import type { CollabContext } from './collab-context';
import { storyAccessExtension } from './story-access-extension';

export interface CollabOptions {
  db: SqlDatabase;
  redisUrl: string | null;
  /** This node's name, also its id on the Redis channel. */
  nodeName: string;
  /** How long after the last change a story is stored. @default 2000 */
  debounceMs?: number;
  /** The longest a changing story goes unstored. @default 10000 */
  maxDebounceMs?: number;
}

function storyIdOf(documentName: string): string {
  const id = parseStoryDocumentName(documentName);
  if (id === null) throw new Error(`not a story: ${documentName}`);
  return id;
}

export function redisExtension(redisUrl: string, nodeName: string): Redis {
  const url = new URL(redisUrl);
  return new Redis({
    host: url.hostname,
    port: Number(url.port || 6379),
    identifier: `${nodeName}-${process.pid}-${Date.now()}`,
    prefix: 'dateline',
    options: { password: url.password ? decodeURIComponent(url.password) : undefined, db: Number(url.pathname.slice(1) || 0) },
  });
}

export function createCollab(options: CollabOptions): Hocuspocus<CollabContext> {
  const { db } = options;
  const extensions: Extension[] = [
    storyAccessExtension(db),
    new Database({
      fetch: ({ documentName }) => fetchStoryState(db, storyIdOf(documentName)),
      store: ({ documentName, state }) => storeStoryState(db, storyIdOf(documentName), state),
    }),
  ];
  if (options.redisUrl) extensions.push(redisExtension(options.redisUrl, options.nodeName));
  return new Hocuspocus<CollabContext>({
    name: options.nodeName,
    quiet: true,
    debounce: options.debounceMs ?? 2000,
    maxDebounce: options.maxDebounceMs ?? 10_000,
    extensions,
  });
}
