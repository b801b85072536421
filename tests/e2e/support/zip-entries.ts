// Runs in: Playwright's Node side. The files of a downloaded .zip, by path, read with an independent
// reader (unzipper, which electron-builder brings in); each entry's CRC-32 is checked here.
import { createRequire } from 'node:module';
import { crc32 } from 'node:zlib';

interface UnzipperDirectory {
  files: { path: string; type: string; crc32: number; buffer(): Promise<Buffer> }[];
}
const unzipper = createRequire(import.meta.url)('unzipper') as { Open: { buffer(data: Buffer): Promise<UnzipperDirectory> } };

export async function zipEntries(zip: Buffer): Promise<Map<string, Buffer>> {
  const directory = await unzipper.Open.buffer(zip);
  const files = new Map<string, Buffer>();
  for (const entry of directory.files) {
    const bytes = await entry.buffer();
    if (crc32(bytes) !== entry.crc32) throw new Error(`${entry.path}: CRC-32 does not match`);
    files.set(entry.path, bytes);
  }
  return files;
}
