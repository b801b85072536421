// Runs in: the hub package worker (node:worker_threads), and in tests. Reads, bounds and validates
// one untrusted review package: a folder hub's package.json or a WordPress hub's post meta. Every
// step is bounded before the next one runs: the file's size before it is read, the body's parts,
// depth and text before the schema checks it node by node (articleSchema does that itself).
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { decodePackage, type WordPressPackage } from './wordpress-hub-package';
import { hubEntryOf } from './hub-entry';
import { reviewPackageSchema, type HubEntry, type ReviewPackage } from './review-package';
import { errnoCode } from '../store/fs-app-error';

export type HubPackageTask =
  /** A folder hub's package file, refused above maxBytes; with entryOnly, only its review queue line comes back. */
  | { kind: 'file'; path: string; maxBytes: number; entryOnly?: boolean }
  /** A WordPress hub's post meta value (base64 of the package's JSON). */
  | { kind: 'meta'; encoded: string };

/** What a task gives back: the validated package, or why it was refused; never a thrown error. */
export type HubPackageResult =
  | { kind: 'ok'; value: ReviewPackage | WordPressPackage }
  | { kind: 'entry'; entry: HubEntry }
  | { kind: 'missing' }
  | { kind: 'unreadable'; reason: string }
  /** The file system refused (permissions, a vanished share): the caller words it as for any file. */
  | { kind: 'io-error'; errno: string | undefined; message: string };

export async function runHubPackageTask(task: HubPackageTask): Promise<HubPackageResult> {
  if (task.kind === 'meta') {
    const decoded = withStackGuard(() => decodePackage(task.encoded));
    return decoded.ok ? { kind: 'ok', value: decoded.value } : { kind: 'unreadable', reason: decoded.reason };
  }
  let text: string;
  try {
    const read = await readBounded(task.path, task.maxBytes);
    if (typeof read !== 'string') return read;
    text = read;
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return { kind: 'missing' };
    if (errnoCode(error) === 'ELOOP') return { kind: 'unreadable', reason: 'it is a link, not a file' };
    return { kind: 'io-error', errno: errnoCode(error), message: error instanceof Error ? error.message : String(error) };
  }
  if (text.trim().length === 0) return { kind: 'unreadable', reason: 'the file is empty' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { kind: 'unreadable', reason: `it is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = withStackGuard(() => {
    const result = reviewPackageSchema.safeParse(json);
    if (result.success) return { ok: true as const, value: result.data };
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return { ok: false as const, reason: `it does not match the expected format${where}: ${issue?.message ?? 'invalid'}` };
  });
  if (!parsed.ok) return { kind: 'unreadable', reason: parsed.reason };
  return task.entryOnly ? { kind: 'entry', entry: hubEntryOf(parsed.value) } : { kind: 'ok', value: parsed.value };
}

/**
 * The file's text, read through a descriptor that refuses links and never waits on a FIFO; a file
 * larger than maxBytes (declared, or growing while read) is refused without reading the rest.
 */
async function readBounded(path: string, maxBytes: number): Promise<string | HubPackageResult> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { kind: 'unreadable', reason: 'it is not a regular file' };
    if (info.size > maxBytes) return { kind: 'unreadable', reason: tooLarge(info.size, maxBytes) };
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, info.size + 64 * 1024));
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) return { kind: 'unreadable', reason: tooLarge(length, maxBytes) };
      if (length === buffer.length) return { kind: 'unreadable', reason: 'it grew while Dateline was reading it' };
    }
    return new TextDecoder('utf-8').decode(buffer.subarray(0, length));
  } finally {
    await handle.close();
  }
}

function tooLarge(bytes: number, maxBytes: number): string {
  return `it is ${Math.ceil(bytes / 1_048_576)} MB, more than the ${Math.round(maxBytes / 1_048_576)} MB Dateline accepts`;
}

/** A structure nested deeper than the stack reached the schema after all: refused, not a crash. */
function withStackGuard<T>(run: () => { ok: true; value: T } | { ok: false; reason: string }): { ok: true; value: T } | { ok: false; reason: string } {
  try {
    return run();
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, reason: 'it is nested too deeply to be a review package' };
    throw error;
  }
}
