// Runs in: main, services, host and renderer. The operations the editor uses for a story shared
// through a newsroom server: where and as whom to connect, a short-lived ticket to connect with
// (the account token never leaves the services), and this machine's copy of the story's
// Yjs updates (kept by the services, so the story opens and is edited offline).
import { z } from 'zod';
import { articleIdSchema } from '../article';
import type { ServerRole } from './story-access';

/** The largest single update the editor hands over (base64); bigger edits are split by Yjs anyway. */
export const MAX_COLLAB_UPDATE_BASE64 = 12 * 1024 * 1024;

export const collabOperations = {
  /** null: the story is not shared through a newsroom server (it stays single-writer). */
  'collab.session': z.object({ id: articleIdSchema }),
  /** A fresh ticket for the story's document, fetched from the server with the account token. */
  'collab.ticket': z.object({ id: articleIdSchema }),
  /** Everything this machine kept of the story, merged (base64), or null. */
  'collab.load': z.object({ id: articleIdSchema }),
  /** Keeps one update on disk; resolves once it is fsynced. */
  'collab.append': z.object({ id: articleIdSchema, update: z.string().min(1).max(MAX_COLLAB_UPDATE_BASE64).regex(/^[A-Za-z0-9+/]+=*$/) }),
} as const;

export interface CollabSession {
  /** ws(s)://host:port/collab */
  collabUrl: string;
  documentName: string;
  user: { name: string; role: ServerRole | null };
}

export interface CollabOperationResults {
  'collab.session': CollabSession | null;
  /** The ticket is good for this story only, until expiresAt (ISO). */
  'collab.ticket': { ticket: string; expiresAt: string };
  'collab.load': { state: string | null };
  'collab.append': { ok: true };
}
