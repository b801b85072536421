// Runs in: services and the library read worker. trashed.json in an article folder: when it was
// trashed. A line of JSON; anything bigger is not one (the file's time then stands for when).
import { z } from 'zod';

export const trashMarkerSchema = z.object({ trashedAt: z.string() });
export const MAX_TRASH_MARKER_BYTES = 64 * 1024;
