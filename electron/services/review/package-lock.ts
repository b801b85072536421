// Runs in: services. An exclusive lock file beside a review package (`open(path, 'wx')` is an atomic
// create-if-absent, also over SMB and NFSv3+), so two machines never check-and-rename at once.
// A lock whose holder crashed is broken once it is older than `staleMs`.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { AppError } from '../../../common/app-error';
import { errnoCode, fsAppError } from '../store/fs-app-error';

export interface LockOptions {
  /** A lock older than this is taken to be left by a crashed app and is broken. */
  staleMs: number;
  /** How long to wait for a live lock before giving up with 'conflict'. */
  maxWaitMs: number;
  /** What the lock protects, for messages, e.g. the article's headline in quotes. */
  label: string;
  /** Recorded in the lock so a stuck lock says who holds it. */
  holder: string;
  log: (message: string) => void;
  now?: () => number;
}

export interface HeldLock {
  /** True while the lock file on disk is still ours (nobody broke it as stale). */
  stillHeld(): Promise<boolean>;
  release(): Promise<void>;
}

interface LockContent {
  token: string;
  holder: string;
  host: string;
  pid: number;
  at: string;
}

const RETRY_MIN_MS = 10;
const RETRY_MAX_MS = 60;

export async function acquireLock(path: string, options: LockOptions): Promise<HeldLock> {
  const now = options.now ?? Date.now;
  const started = now();
  const content: LockContent = {
    token: randomBytes(12).toString('hex'),
    holder: options.holder,
    host: hostname(),
    pid: process.pid,
    at: new Date(now()).toISOString(),
  };
  for (;;) {
    if (await tryCreate(path, content)) return heldLock(path, content.token, options.log);
    const existing = await inspect(path, now);
    if (existing === null) continue; // released between our attempt and our look: try again at once
    if (existing.ageMs > options.staleMs) {
      await breakStale(path, existing, options.log);
      continue;
    }
    if (now() - started > options.maxWaitMs) {
      const who = existing.content ? `${existing.content.holder} on ${existing.content.host}` : 'another app';
      throw new AppError('conflict', `${options.label} is being saved to the review hub by ${who} right now; try again in a moment`, {
        kind: 'hub-busy',
        headline: options.label,
        holder: existing.content?.holder ?? null,
        hubRevision: null,
      });
    }
    await sleep(RETRY_MIN_MS + Math.floor(Math.random() * (RETRY_MAX_MS - RETRY_MIN_MS)));
  }
}

async function tryCreate(path: string, content: LockContent): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx', 0o644);
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return false;
    throw fsAppError(error, path, 'lock');
  }
  try {
    await handle.writeFile(JSON.stringify(content));
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

interface Observed {
  content: LockContent | null;
  /** Raw text, to break only the very lock we judged stale. */
  text: string;
  ageMs: number;
}

/** The lock as it is now, or null when it is gone. Age counts from the newer of its mtime and its own timestamp. */
async function inspect(path: string, now: () => number): Promise<Observed | null> {
  try {
    const [info, text] = await Promise.all([stat(path), readFile(path, 'utf8')]);
    const content = parseContent(text);
    const written = Math.max(info.mtimeMs, content ? Date.parse(content.at) || 0 : 0);
    return { content, text, ageMs: now() - written };
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw fsAppError(error, path, 'read');
  }
}

async function breakStale(path: string, observed: Observed, log: (message: string) => void): Promise<void> {
  // Re-read right before unlinking: if the holder changed meanwhile, the lock is live again.
  const again = await readFile(path, 'utf8').catch(() => null);
  if (again !== observed.text) return;
  const who = observed.content ? `${observed.content.holder} on ${observed.content.host} (pid ${observed.content.pid})` : 'an unknown app';
  log(`[review-hub] breaking a stale lock ${path} left by ${who} ${Math.round(observed.ageMs / 1000)} s ago; it probably crashed mid-save`);
  await unlink(path).catch((error: unknown) => {
    if (errnoCode(error) !== 'ENOENT') throw fsAppError(error, path, 'remove');
  });
}

function heldLock(path: string, token: string, log: (message: string) => void): HeldLock {
  const stillHeld = async () => parseContent((await readFile(path, 'utf8').catch(() => '')) ?? '')?.token === token;
  return {
    stillHeld,
    async release() {
      if (!(await stillHeld())) {
        log(`[review-hub] the lock ${path} was broken by another app while this one held it; leaving theirs in place`);
        return;
      }
      await unlink(path).catch(() => undefined);
    },
  };
}

function parseContent(text: string): LockContent | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const v = value as Record<string, unknown>;
    if (typeof v.token !== 'string' || typeof v.at !== 'string') return null;
    return {
      token: v.token,
      at: v.at,
      holder: typeof v.holder === 'string' ? v.holder : '',
      host: typeof v.host === 'string' ? v.host : '',
      pid: typeof v.pid === 'number' ? v.pid : 0,
    };
  } catch {
    return null;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
