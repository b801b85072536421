// Runs in: services (plain Node). The names of the photos inside an export: the story's name and the
// photo's order in it (`<name>-1.jpg`, `<name>-2.png`), never the library's content hash.
const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
};

/** Media id → file name, numbered by first appearance; `mimes` holds each photo's checked type. */
export function exportPhotoNames(baseName: string, mediaIds: readonly string[], mimes: ReadonlyMap<string, string>): Map<string, string> {
  const names = new Map<string, string>();
  for (const id of mediaIds) {
    if (names.has(id)) continue;
    const extension = EXTENSIONS[mimes.get(id) ?? ''] ?? 'jpg';
    names.set(id, `${baseName}-${names.size + 1}.${extension}`);
  }
  return names;
}
