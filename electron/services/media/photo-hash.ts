// Runs in: services. Whether some bytes are the photo a media id names: ids are `<sha256>.<ext>`
// (media-store.ts), so a copy from a hub or a WordPress media library can be checked before use.
import { createHash } from 'node:crypto';

export function hashMatches(mediaId: string, bytes: Uint8Array): boolean {
  return mediaId.startsWith(`${createHash('sha256').update(bytes).digest('hex')}.`);
}
