// Runs in: tests (node). A photo editor imports pictures into the library.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../common/app-error';
import { MAX_MEDIA_BYTES } from '../../../common/contract';
import { MediaStore } from './media-store';
import { exiftool, makeJpeg, makePng } from '../../../tests/support/test-photos';

let root: string;
let media: MediaStore;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-media-'));
  media = new MediaStore(root);
  await media.open();
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function stamped(args: string[], width = 16, height = 8): Promise<Uint8Array> {
  const file = join(root, `photo-${Math.random().toString(36).slice(2)}.jpg`);
  await writeFile(file, makeJpeg(width, height));
  exiftool(file, args);
  return new Uint8Array(await readFile(file));
}

async function importError(fileName: string, data: Uint8Array): Promise<AppError> {
  const error = await media.import(fileName, data).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('MediaStore', () => {
  it('imports a press photo with Chinese IPTC caption, byline and credit, turned by EXIF orientation', async () => {
    const data = await stamped([
      '-codedcharacterset=utf8',
      '-IPTC:Caption-Abstract=市长在新闻发布会上讲话',
      '-IPTC:Credit=City Press Office',
      '-IPTC:By-line=Jane Doe',
      '-IPTC:CopyrightNotice=© 2026 City of Springfield',
      '-EXIF:Orientation#=6',
    ]);
    const info = await media.import('mayor.jpg', data);
    expect(info).toMatchObject({
      mimeType: 'image/jpeg',
      bytes: data.byteLength,
      width: 8,
      height: 16,
      caption: '市长在新闻发布会上讲话',
      credit: 'Jane Doe / City Press Office',
      copyright: '© 2026 City of Springfield',
      originalName: 'mayor.jpg',
    });
    expect(info.id).toMatch(/^[0-9a-f]{64}\.jpg$/);
    expect(await media.info(info.id)).toEqual(info);
    expect(await media.read(info.id)).toEqual(data);
    expect(await media.path(info.id)).toBe(join(root, 'media', info.id));
  });

  it('falls back to XMP and EXIF fields when IPTC is absent', async () => {
    const data = await stamped(['-XMP-dc:Description=Flood in the valley', '-XMP-dc:Creator=Li Wei', '-EXIF:Copyright=Xinhua']);
    const info = await media.import('flood.jpg', data);
    expect(info).toMatchObject({ caption: 'Flood in the valley', credit: 'Li Wei', copyright: 'Xinhua', width: 16, height: 8 });
    const exifOnly = await media.import('exif.jpg', await stamped(['-EXIF:ImageDescription=Harbour at dawn', '-EXIF:Artist=Ann Lee']));
    expect(exifOnly).toMatchObject({ caption: 'Harbour at dawn', credit: 'Ann Lee', copyright: '' });
  });

  it('imports a PNG with its size and empty metadata', async () => {
    const info = await media.import('chart.png', makePng(30, 20));
    expect(info).toMatchObject({ mimeType: 'image/png', width: 30, height: 20, caption: '', credit: '', copyright: '' });
    expect(info.id.endsWith('.png')).toBe(true);
  });

  it('names the real type even when the extension lies', async () => {
    const info = await media.import('actually-a-png.jpg', makePng(2, 2));
    expect(info.id.endsWith('.png')).toBe(true);
  });

  it('refuses a PDF renamed .jpg', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
    const error = await importError('scan.jpg', pdf);
    expect(error.code).toBe('media-not-image');
    expect(error.message).toBe('"scan.jpg" is not a photo Dateline can use (JPEG, PNG, GIF, WebP or AVIF)');
    expect(await readdir(join(root, 'media'))).toEqual([]);
  });

  it('refuses empty and truncated photos as corrupt', async () => {
    expect((await importError('empty.jpg', new Uint8Array())).code).toBe('media-corrupt');
    const truncated = makeJpeg(16, 16).subarray(0, 30);
    expect((await importError('cut.jpg', truncated)).code).toBe('media-corrupt');
    expect((await importError('cut.png', makePng(4, 4).subarray(0, 12))).code).toBe('media-corrupt');
  });

  it('refuses a photo cut off after its header (an interrupted copy), and stores nothing of it', async () => {
    const whole = makeJpeg(64, 64);
    // Header, size and the start of the picture are all there; the end is not.
    const cut = whole.subarray(0, whole.length - 2);
    const error = await importError('cut-off.jpg', cut);
    expect(error.code).toBe('media-corrupt');
    expect(error.details).toMatchObject({ kind: 'photo-damaged', fileName: 'cut-off.jpg' });
    expect((await readdir(join(root, 'media')).catch(() => [])).filter((name) => !name.startsWith('.'))).toEqual([]);
  });

  it('describes a photo already in the library as it is, cut off or not, when its sidecar is rebuilt', async () => {
    const whole = makeJpeg(64, 64);
    const cut = whole.subarray(0, whole.length - 2);
    const id = `${createHash('sha256').update(cut).digest('hex')}.jpg`;
    await mkdir(join(root, 'media'), { recursive: true });
    await writeFile(join(root, 'media', id), cut);
    // Stories already show it: losing its sidecar must not turn it into an error.
    expect(await media.info(id)).toMatchObject({ id, width: 64, height: 64 });
  });

  it('refuses a photo over the size limit, saying how big it is', async () => {
    const big = new Uint8Array(MAX_MEDIA_BYTES + 1024 * 1024);
    big.set(makeJpeg(8, 8));
    const error = await importError('huge.jpg', big);
    expect(error.code).toBe('media-too-large');
    expect(error.message).toContain('41.0 MB');
  });

  it('stores the same photo once, whatever it is called', async () => {
    const data = makeJpeg(8, 8);
    const first = await media.import('a.jpg', data);
    const before = await stat(join(root, 'media', first.id));
    const second = await media.import('b.jpg', data);
    expect(second.id).toBe(first.id);
    expect(second.originalName).toBe('b.jpg');
    expect((await stat(join(root, 'media', first.id))).mtimeMs).toBe(before.mtimeMs);
    expect((await readdir(join(root, 'media'))).sort()).toEqual([first.id, `${first.id}.json`]);
  });

  it('rebuilds a lost sidecar and rejects malformed ids', async () => {
    const info = await media.import('a.jpg', makeJpeg(8, 8));
    await writeFile(join(root, 'media', `${info.id}.json`), 'garbage');
    expect(await media.info(info.id)).toMatchObject({ id: info.id, width: 8, height: 8 });
    expect(await media.path('../../etc/passwd')).toBeNull();
    expect(await media.path(`${'0'.repeat(64)}.jpg`)).toBeNull();
    await expect(media.read('../secret.jpg')).rejects.toMatchObject({ code: 'not-found' });
    await expect(media.info(`${'0'.repeat(64)}.png`)).rejects.toMatchObject({ code: 'not-found' });
  });
});
