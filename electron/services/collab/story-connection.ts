// Runs in: services. One story's Yjs document kept in sync with the newsroom server by
// @hocuspocus/provider over `ws`: the account token as the Hocuspocus token, the server's status
// notices (story.status) passed on, and a promise that settles once the first sync is done or the
// server refuses the token.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { storyStatusNoticeSchema, type StoryStatusNotice } from '../../../common/collab/newsroom-server-protocol';
import { storyDocumentName } from '../../../common/collab/story-name';
import { newsroomError } from '../review/newsroom-api';

export interface StoryConnectionOptions {
  /** ws(s)://host:port/collab, or a function asked on every (re)connection (a server that moved). */
  collabUrl: string | (() => string);
  articleId: string;
  token: string;
  doc?: Y.Doc;
  /** A CA certificate for a server with a self-signed certificate. */
  ca?: string;
  onStatus?: (notice: StoryStatusNotice) => void;
}

export interface StoryConnection {
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  /** Resolves once authenticated and synced; rejects when the server refuses the token or the story. */
  readonly synced: Promise<void>;
  close(): void;
}

/** The largest stateless message read (a status notice is ~60 bytes). */
const MAX_NOTICE_CHARS = 4096;

export function connectStoryDoc(options: StoryConnectionOptions): StoryConnection {
  const ca = options.ca;
  const urlNow = typeof options.collabUrl === 'function' ? options.collabUrl : () => options.collabUrl as string;
  class NodeWebSocket extends WebSocket {
    constructor(_url: string) {
      super(urlNow(), ca ? { ca } : {});
      // A socket closed while still connecting (offline, then closed) reports an error after the
      // provider let go of it; the provider learns of failures from 'close'.
      this.on('error', () => undefined);
    }
  }
  const doc = options.doc ?? new Y.Doc();
  const websocketProvider = new HocuspocusProviderWebsocket({ url: urlNow(), WebSocketPolyfill: NodeWebSocket, maxDelay: 5000 });
  let settle: { resolve: () => void; reject: (error: Error) => void } | null = null;
  const synced = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // Nobody may be waiting (a background connection): a refusal is still reported through `synced`.
  synced.catch(() => undefined);
  let authenticated = false;
  const provider = new HocuspocusProvider({
    websocketProvider,
    name: storyDocumentName(options.articleId),
    document: doc,
    token: options.token,
    onAuthenticationFailed: ({ reason }) =>
      settle?.reject(newsroomError('permission-denied', 'forbidden', `The newsroom server refused to open story ${options.articleId}: ${reason}`)),
    onAuthenticated: () => {
      authenticated = true;
    },
    onSynced: ({ state }) => {
      if (state && authenticated) settle?.resolve();
    },
    onStateless: ({ payload }) => {
      if (payload.length > MAX_NOTICE_CHARS) return;
      try {
        const notice = storyStatusNoticeSchema.safeParse(JSON.parse(payload));
        if (notice.success) options.onStatus?.(notice.data);
      } catch {
        // Not a notice of ours.
      }
    },
  });
  provider.attach();
  return {
    doc,
    provider,
    synced,
    close() {
      provider.destroy();
      websocketProvider.destroy();
    },
  };
}
