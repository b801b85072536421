// Runs in: test processes and the server benchmark. A Node client of the newsroom server: a Yjs
// document kept in sync by @hocuspocus/provider over `ws`, the status notices the server sends,
// the refusals it answers, and failover: each (re)connection goes to the next URL of `urls` that
// `pickUrl` chooses, as a load balancer would.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { storyStatusNoticeSchema, type StoryStatusNotice } from '../../../common/collab/newsroom-server-protocol';

/** Hocuspocus's SyncStatus message type: the server says whether it applied an update. */
const SYNC_STATUS = 8;

export interface StoryClientOptions {
  /** ws://…/collab, or a function that picks the URL for each (re)connection. */
  url: string | (() => string);
  name: string;
  token: string | null;
  /** A CA certificate for wss with a self-signed certificate. */
  ca?: string;
  doc?: Y.Doc;
}

export interface StoryClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  notices: StoryStatusNotice[];
  /** Updates the server said it did not apply (read-only). */
  refusedUpdates(): number;
  /** Resolves when authenticated and synced; rejects with the server's reason when refused. */
  ready: Promise<void>;
  destroy(): void;
}

function decodeSyncStatus(data: unknown): boolean | null {
  if (!(data instanceof ArrayBuffer) && !ArrayBuffer.isView(data)) return null;
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  try {
    const decoder = decoding.createDecoder(bytes);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== SYNC_STATUS) return null;
    return decoding.readVarInt(decoder) === 1;
  } catch {
    return null;
  }
}

export function connectStory(options: StoryClientOptions): StoryClient {
  const pick = typeof options.url === 'function' ? options.url : () => options.url as string;
  const ca = options.ca;
  class PickingWebSocket extends WebSocket {
    constructor(_url: string) {
      super(pick(), ca ? { ca } : {});
    }
  }
  const doc = options.doc ?? new Y.Doc();
  const notices: StoryStatusNotice[] = [];
  let refused = 0;
  const websocketProvider = new HocuspocusProviderWebsocket({ url: pick(), WebSocketPolyfill: PickingWebSocket, delay: 100, factor: 1.5, maxDelay: 1000, minDelay: 50 });
  let settle: { resolve: () => void; reject: (error: Error) => void } | null = null;
  const ready = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  let authenticated = false;
  const provider = new HocuspocusProvider({
    websocketProvider,
    name: options.name,
    document: doc,
    token: options.token ?? '',
    onAuthenticationFailed: ({ reason }) => settle?.reject(new Error(reason)),
    onAuthenticated: () => {
      authenticated = true;
    },
    onSynced: ({ state }) => {
      if (state && authenticated) settle?.resolve();
    },
    onStateless: ({ payload }) => {
      try {
        const notice = storyStatusNoticeSchema.safeParse(JSON.parse(payload));
        if (notice.success) notices.push(notice.data);
      } catch {
        // Not ours.
      }
    },
    onMessage: ({ event }) => {
      if (decodeSyncStatus(event.data) === false) refused++;
    },
  });
  provider.attach();
  return {
    doc,
    provider,
    notices,
    refusedUpdates: () => refused,
    ready,
    destroy() {
      provider.destroy();
      websocketProvider.destroy();
    },
  };
}
