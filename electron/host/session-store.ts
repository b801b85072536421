// Runs in: host (Node). The browser sessions one loopback host has opened, by random session id.
import { createHash, randomBytes } from 'node:crypto';

export interface SessionStore {
  /** Opens a session and returns its id: the value of the session cookie. */
  open(): string;
  has(sessionId: string | null): boolean;
}

/** @default 64: opening more forgets the oldest, so a leaked launch link cannot grow memory. */
export const MAX_SESSIONS = 64;

/** Kept as digests: a Map lookup by a digest leaks nothing useful about a session id through timing. */
function digest(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('base64url');
}

export function createSessionStore(maxSessions: number = MAX_SESSIONS): SessionStore {
  const sessions = new Set<string>();
  return {
    open() {
      const sessionId = randomBytes(32).toString('base64url');
      sessions.add(digest(sessionId));
      while (sessions.size > maxSessions) {
        const oldest = sessions.values().next().value;
        if (oldest === undefined) break;
        sessions.delete(oldest);
      }
      return sessionId;
    },
    has(sessionId) {
      return typeof sessionId === 'string' && sessionId !== '' && sessionId.length <= 200 && sessions.has(digest(sessionId));
    },
  };
}
