// Runs in: services, main and host (plain Node). Where a library photo lives on disk: the
// transports serve photos from here without asking the services process.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { mediaIdSchema } from '../../../common/article';

/** Absolute path of a library photo, or null when the id is malformed or the file is missing. */
export function libraryMediaPath(libraryRoot: string, id: string): string | null {
  if (!mediaIdSchema.safeParse(id).success) return null;
  const path = join(libraryRoot, 'media', id);
  return existsSync(path) ? path : null;
}

/** The library folder under a data folder (settings.json sits beside it). */
export function libraryRootOf(dataDir: string): string {
  return join(dataDir, 'library');
}
