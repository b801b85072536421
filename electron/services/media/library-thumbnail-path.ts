// Runs in: services, main and host (plain Node). Where a photo's thumbnail lives: beside the photo,
// named after the photo's content hash, so each photo gets one thumbnail whatever its file name.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { mediaIdSchema } from '../../../common/article';

/** `media/<sha256>.thumb.webp`: the file name of a photo's thumbnail. */
export const THUMBNAIL_ID_PATTERN = /^[0-9a-f]{64}\.thumb\.webp$/;

/** The thumbnail's file name for a photo id, or null when the id is malformed. */
export function thumbnailIdFor(mediaId: string): string | null {
  if (!mediaIdSchema.safeParse(mediaId).success) return null;
  return `${mediaId.slice(0, 64)}.thumb.webp`;
}

/** Absolute path of an existing thumbnail, or null when the name is malformed or the file is missing. */
export function libraryThumbnailPath(libraryRoot: string, thumbnailId: string): string | null {
  if (!THUMBNAIL_ID_PATTERN.test(thumbnailId)) return null;
  const path = join(libraryRoot, 'media', thumbnailId);
  return existsSync(path) ? path : null;
}
