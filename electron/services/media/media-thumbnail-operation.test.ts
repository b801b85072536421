// Runs in: tests (node). The editor's thumbnails through the services, as the transports ask for them:
// `media.thumbnail` makes the file once, `thumbnailFilePath` finds it, a damaged photo has none.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { eventually, servicesCaller } from '../../../tests/support/services-caller';
import { createServices, type Services } from '../create-services';
import { libraryRootOf } from './library-media-path';

let root: string;
let services: Services | null = null;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-thumb-op-'));
  services = await createServices({ dataDir: join(root, 'data'), transport: 'http', version: 'test', systemLocale: 'en', documentsDir: join(root, 'docs') });
});
afterEach(async () => {
  await services?.close();
  services = null;
  await rm(root, { recursive: true, force: true });
});

it('a reporter imports a photo; the editor gets its thumbnail, made once, and the original stays as imported', async () => {
  const call = servicesCaller(services!);
  const original = new Uint8Array(await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#884422' } }).jpeg().toBuffer());
  const photo = await call('media.import', { fileName: 'market.jpg', data: original });
  const first = await call('media.thumbnail', { id: photo.id });
  expect(first).toEqual({ thumbnailId: `${photo.id.slice(0, 64)}.thumb.webp` });
  const path = await services!.thumbnailFilePath(photo.id);
  expect(path).toBe(join(libraryRootOf(join(root, 'data')), 'media', first.thumbnailId));
  expect((await sharp(path!).metadata()).width).toBe(800);
  expect(services!.mediaFilePath(photo.id)).not.toBe(path);
  expect(Buffer.from(original).equals(await readFile(services!.mediaFilePath(photo.id)!))).toBe(true);
});

it('an imported photo gets its thumbnail in the background, before the editor asks', async () => {
  const call = servicesCaller(services!);
  const photo = await call('media.import', {
    fileName: 'harbour.jpg',
    data: new Uint8Array(await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#335577' } }).jpeg().toBuffer()),
  });
  const thumbnail = join(libraryRootOf(join(root, 'data')), 'media', `${photo.id.slice(0, 64)}.thumb.webp`);
  const made = await eventually(
    () => stat(thumbnail).then(() => true, () => false),
    (exists) => exists,
  );
  expect(made).toBe(true);
  const before = (await stat(thumbnail)).mtimeMs;
  await call('media.thumbnail', { id: photo.id });
  expect((await stat(thumbnail)).mtimeMs).toBe(before);
});

it('a damaged photo gets a clear error and no thumbnail for the transports to serve', async () => {
  const call = servicesCaller(services!);
  // A photo that went bad on disk (or came damaged from a shared folder): its header is intact, its body is not.
  const bytes = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#224488' } }).jpeg().toBuffer();
  bytes.fill(0x55, 300);
  const id = `${createHash('sha256').update(bytes).digest('hex')}.jpg`;
  await writeFile(join(libraryRootOf(join(root, 'data')), 'media', id), bytes);
  await expect(call('media.thumbnail', { id })).rejects.toMatchObject({ code: 'media-corrupt', message: `The photo ${id} is damaged: no thumbnail could be made` });
  expect(await services!.thumbnailFilePath(id)).toBeNull();
  expect(await services!.thumbnailFilePath('../../secrets.bin')).toBeNull();
});
