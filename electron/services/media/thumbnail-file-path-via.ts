// Runs in: services, main and host (plain Node). What the transports serve at THUMBNAIL_PREFIX: they
// ask the services for the thumbnail (made on first ask) and find the file on disk.
import { mediaIdSchema } from '../../../common/article';
import type { OperationHandlers } from '../../../common/contract';
import { libraryThumbnailPath } from './library-thumbnail-path';

/** Absolute path of a photo's thumbnail, or null when the id is malformed or no thumbnail can be made. */
export async function thumbnailFilePathVia(handlers: Pick<OperationHandlers, 'media.thumbnail'>, libraryRoot: string, id: string): Promise<string | null> {
  if (!mediaIdSchema.safeParse(id).success) return null;
  try {
    const { thumbnailId } = await handlers['media.thumbnail']({ id });
    return libraryThumbnailPath(libraryRoot, thumbnailId);
  } catch {
    return null;
  }
}
