// Runs in: the worker threads that read article files synchronously (the search index's, the
// library scan's) and tests. Reads an open file's text without ever reading past a bound.
import { readSync } from 'node:fs';

/**
 * The file's text, or null when it holds more than `maxBytes`. Sized by the stat, with one byte
 * more to tell that the file has not grown; a file that grew is read on, never past the bound.
 */
export function readBounded(fd: number, statSize: number, maxBytes: number): string | null {
  let buffer = Buffer.allocUnsafe(Math.min(statSize, maxBytes) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) return null;
      const grown = Buffer.allocUnsafe(Math.min(length * 2, maxBytes + 1));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const bytesRead = readSync(fd, buffer, length, buffer.length - length, length);
    if (bytesRead === 0) return buffer.toString('utf8', 0, length);
    length += bytesRead;
  }
}
