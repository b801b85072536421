// Runs in: services. Reads and validates one JSON file, telling "missing" apart from "unreadable".
// The file is opened without waiting and checked before it is read: a FIFO or device in its place
// (a hostile shared or synced folder) is unreadable rather than a read that never ends, and a file
// larger than the bound is unreadable rather than read into memory whole.
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { z } from 'zod';
import { errnoCode, fsAppError } from './fs-app-error';
import { parseJsonText } from './parse-json-text';

export type JsonFileResult<T> = { kind: 'ok'; value: T } | { kind: 'missing' } | { kind: 'unreadable'; reason: string };

/** Above any JSON file Dateline writes (a 100,000-word article with marks is about 20 MB). */
export const MAX_JSON_FILE_BYTES = 256 * 1024 * 1024;

export async function readJsonFile<S extends z.ZodType>(path: string, schema: S, maxBytes = MAX_JSON_FILE_BYTES): Promise<JsonFileResult<z.output<S>>> {
  let text: string;
  try {
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const info = await handle.stat();
      if (info.isDirectory()) return { kind: 'unreadable', reason: 'it is a folder, not a file' };
      if (!info.isFile()) return { kind: 'unreadable', reason: 'it is not a regular file' };
      const read = await readUpTo(handle, info.size, maxBytes);
      if (read === null) return { kind: 'unreadable', reason: `it is larger than the ${sizeText(maxBytes)} Dateline reads` };
      text = read;
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return { kind: 'missing' };
    if (errnoCode(error) === 'EISDIR') return { kind: 'unreadable', reason: 'it is a folder, not a file' };
    throw fsAppError(error, path, 'read');
  }
  if (text.trim().length === 0) return { kind: 'unreadable', reason: 'the file is empty' };
  return parseJsonText(text, schema);
}

/**
 * The file's text in as few requests as the stat allows (one read, asking a byte more to see the
 * end), or null once it holds more than `maxBytes`, even if it grows while read. A file that
 * shrank is read to its end.
 */
async function readUpTo(handle: FileHandle, statSize: number, maxBytes: number): Promise<string | null> {
  if (statSize > maxBytes) return null;
  let buffer = Buffer.allocUnsafe(statSize + 1);
  let length = 0;
  for (;;) {
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
    length += bytesRead;
    // The end: nothing more, or all the stat promised and not the byte more (a short read before that reads on).
    if (bytesRead === 0 || (length === statSize && length < buffer.length)) return buffer.toString('utf8', 0, length);
    if (length < buffer.length) continue;
    if (length > maxBytes) return null;
    const grown = Buffer.allocUnsafe(Math.min(length * 2, maxBytes + 1));
    buffer.copy(grown, 0, 0, length);
    buffer = grown;
  }
}

function sizeText(bytes: number): string {
  return bytes >= 1_048_576 ? `${Math.round(bytes / 1_048_576)} MB` : `${Math.round(bytes / 1024)} KB`;
}
