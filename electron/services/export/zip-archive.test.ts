// Runs in: vitest (Node). The archive opens in an independent reader (unzipper, which electron-builder
// brings in) with the same files, bytes and UTF-8 names, and refuses names that would escape the folder.
import { createRequire } from 'node:module';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zipArchive } from './zip-archive';

interface UnzipperDirectory {
  files: { path: string; crc32: number; buffer(): Promise<Buffer> }[];
}
const unzipper = createRequire(import.meta.url)('unzipper') as { Open: { buffer(data: Buffer): Promise<UnzipperDirectory> } };

describe('zipArchive', () => {
  it('writes files that another reader extracts with their names and bytes', async () => {
    const photo = new Uint8Array(3000).map((_, i) => (i * 37) % 256);
    const markdown = '# 港口火灾\n\n![](images/港口火灾-1.jpg)\n';
    const zip = zipArchive([
      { name: '港口火灾.md', data: Buffer.from(markdown) },
      { name: 'images/港口火灾-1.jpg', data: photo },
    ]);
    const directory = await unzipper.Open.buffer(zip);
    expect(directory.files.map((file) => file.path)).toEqual(['港口火灾.md', 'images/港口火灾-1.jpg']);
    const [text, image] = [await directory.files[0]!.buffer(), await directory.files[1]!.buffer()];
    expect(text.toString('utf8')).toBe(markdown);
    expect(new Uint8Array(image)).toEqual(photo);
    // unzipper does not check the CRC-32 itself: compare the directory's with the bytes read.
    expect(directory.files.map((file) => file.crc32)).toEqual([crc32(text), crc32(image)]);
  });

  it('refuses names that are absolute or climb out of the folder', () => {
    expect(() => zipArchive([{ name: '../evil.md', data: new Uint8Array() }])).toThrow(RangeError);
    expect(() => zipArchive([{ name: '/etc/evil', data: new Uint8Array() }])).toThrow(RangeError);
  });
});
