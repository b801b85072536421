// Runs in: main (pure Node, no electron import). Checks a downloaded update against its feed entry the
// way electron-updater does: the sha512 of the bytes, in base64, must match (and the size, when given).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { UpdateError } from './update-error';
import type { UpdateFile } from './update-feed';

/** No installer we ship comes near this. */
export const MAX_UPDATE_BYTES = 1024 * 1024 * 1024;

export async function verifyUpdateFile(path: string, file: Pick<UpdateFile, 'sha512' | 'size'>): Promise<void> {
  const info = await stat(path);
  if (info.size > MAX_UPDATE_BYTES) throw new UpdateError('too-large', `The downloaded update is larger than ${MAX_UPDATE_BYTES} bytes`);
  if (file.size !== null && info.size !== file.size) {
    throw new UpdateError('bad-checksum', `The downloaded update is ${info.size} bytes; the feed says ${file.size}`);
  }
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  const actual = hash.digest('base64');
  if (actual !== file.sha512) throw new UpdateError('bad-checksum', 'The downloaded update does not match the sha512 in the update feed');
}
