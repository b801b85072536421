// Runs in: renderer, only for a story shared through a newsroom server (imported on demand). The
// story's Yjs document for the editor: it starts from this machine's copy (collab.load), keeps every
// update through the services (collab.append, fsynced there) before anything else, and is kept in
// sync with the server by @hocuspocus/provider, which sends what the server lacks whenever it
// (re)connects: offline edits merge instead of conflicting. Every (re)connection authenticates with
// a fresh short-lived ticket for this story (collab.ticket); the account token stays in the services.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { Extension } from '@tiptap/core';
import * as Y from 'yjs';
import type { CollabSession } from '../../../common/collab/collab-contract';
import { storyStatusNoticeSchema } from '../../../common/collab/newsroom-server-protocol';
import { storyDocParts } from '../../../common/collab/story-doc';
import type { DatelineApi } from '../../../common/contract';
import { createStoryCollaboration } from './story-collaboration';

const FROM_DISK = Symbol('from-disk');
/** The largest stateless message read (a status notice is ~60 bytes). */
const MAX_NOTICE_CHARS = 1024;

export interface StorySessionOptions {
  api: DatelineApi;
  articleId: string;
  session: CollabSession;
  /** The caret colour shown to the others. */
  color: string;
  /** A failed disk write: the editor says so (the update stays in memory and goes to the server). */
  onPersistError(error: unknown): void;
  /** Tests in Node pass `ws`; a browser has WebSocket. */
  WebSocketPolyfill?: unknown;
}

/** The story's link to the server: in step with it, (re)connecting, or cut off (edits stay here). */
export type StoryConnectionState = 'synced' | 'connecting' | 'offline';

export interface StorySession {
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  /** Resolves once the document holds the story: from this machine's copy, or the first sync. */
  readonly ready: Promise<void>;
  collaboration(): Extension;
  connection(): StoryConnectionState;
  /** Calls `listener` on every change of connection(); returns the unsubscribe. */
  onConnection(listener: (state: StoryConnectionState) => void): () => void;
  /** The server lets this person read the story but not change it now (its status and their role). */
  readOnly(): boolean;
  onReadOnly(listener: (readOnly: boolean) => void): () => void;
  /** Resolves when every update so far is on disk. */
  flushed(): Promise<void>;
  destroy(): void;
}

export async function openStorySession(options: StorySessionOptions): Promise<StorySession> {
  const { api, articleId, session } = options;
  const doc = new Y.Doc();
  const { state } = await api.call('collab.load', { id: articleId });
  if (state) Y.applyUpdate(doc, base64ToBytes(state), FROM_DISK);
  let writes: Promise<unknown> = Promise.resolve();
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === FROM_DISK) return;
    writes = writes.then(() => api.call('collab.append', { id: articleId, update: bytesToBase64(update) })).catch(options.onPersistError);
  });
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: session.collabUrl,
    ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill as typeof WebSocket } : {}),
  });
  let markSynced: () => void = () => undefined;
  const synced = new Promise<void>((resolve) => (markSynced = resolve));
  let connection: StoryConnectionState = 'connecting';
  const listeners = new Set<(state: StoryConnectionState) => void>();
  let readOnly = false;
  const readOnlyListeners = new Set<(readOnly: boolean) => void>();
  const setReadOnly = (next: boolean) => {
    if (next === readOnly) return;
    readOnly = next;
    for (const listener of readOnlyListeners) listener(next);
  };
  const setConnection = (next: StoryConnectionState) => {
    if (next === connection) return;
    connection = next;
    for (const listener of listeners) listener(next);
  };
  const provider = new HocuspocusProvider({
    websocketProvider,
    name: session.documentName,
    document: doc,
    // Asked at every (re)connection. When no ticket comes (the server's API is unreachable, the
    // token is refused), the socket is closed so the provider reconnects with its back-off and asks again.
    token: async () => {
      try {
        return (await api.call('collab.ticket', { id: articleId })).ticket;
      } catch (error) {
        websocketProvider.webSocket?.close();
        throw error;
      }
    },
    onSynced: ({ state: isSynced }) => {
      if (!isSynced) return;
      markSynced();
      setConnection('synced');
    },
    // The server says at every connection, and again when the story's status changes, whether this
    // person may edit: the editor follows, so nothing is typed that the server would not take.
    onAuthenticated: ({ scope }) => setReadOnly(scope === 'readonly'),
    onStateless: ({ payload }) => {
      if (payload.length > MAX_NOTICE_CHARS) return;
      try {
        const notice = storyStatusNoticeSchema.safeParse(JSON.parse(payload));
        if (notice.success) setReadOnly(notice.data.readOnly);
      } catch {
        // Not a notice of ours.
      }
    },
    onStatus: ({ status }) => {
      if (status === 'disconnected') setConnection('offline');
      else if (status === 'connecting' && connection !== 'offline') setConnection('connecting');
    },
  });
  provider.attach();
  const ready = state ? Promise.resolve() : synced;
  return {
    doc,
    provider,
    ready,
    collaboration: () =>
      createStoryCollaboration({
        fragment: storyDocParts(doc).body,
        awareness: provider.awareness,
        user: { name: session.user.name || '?', color: options.color },
        readOnly: { current: () => readOnly, subscribe: (listener) => subscribe(readOnlyListeners, listener) },
      }),
    connection: () => connection,
    onConnection: (listener) => subscribe(listeners, listener),
    readOnly: () => readOnly,
    onReadOnly: (listener) => subscribe(readOnlyListeners, listener),
    async flushed() {
      let seen: Promise<unknown>;
      do {
        seen = writes;
        await seen;
      } while (seen !== writes);
    },
    destroy() {
      listeners.clear();
      readOnlyListeners.clear();
      provider.destroy();
      websocketProvider.destroy();
      doc.destroy();
    },
  };
}

function subscribe<T>(listeners: Set<(value: T) => void>, listener: (value: T) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
