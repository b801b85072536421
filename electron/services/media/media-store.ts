// Runs in: services. The photo library: media/<sha256>.<ext> with its MediaInfo beside it as
// media/<id>.json; content-addressed, so the same photo imported twice is stored once.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { mediaIdSchema } from '../../../common/article';
import { AppError } from '../../../common/app-error';
import { MAX_MEDIA_BYTES, type MediaInfo } from '../../../common/contract';
import { atomicWriteFile, TEMP_FILE_PATTERN } from '../store/atomic-write';
import { errnoCode, fsAppError } from '../store/fs-app-error';
import { readJsonFile } from '../store/read-json-file';
import { imageDimensions } from './image-dimensions';
import { isCompleteImage } from './image-complete';
import { readPhotoMetadata } from './photo-metadata';
import { MIME_TYPES, sniffImageType } from './sniff-image-type';

const mediaInfoSchema = z.object({
  id: mediaIdSchema,
  mimeType: z.string(),
  bytes: z.number().int().nonnegative(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  caption: z.string(),
  credit: z.string(),
  copyright: z.string(),
  originalName: z.string(),
});

export class MediaStore {
  constructor(private readonly libraryRoot: string) {}

  private get dir(): string {
    return join(this.libraryRoot, 'media');
  }

  /** Creates media/ and removes temp files a crash left behind. */
  async open(): Promise<void> {
    await mkdir(this.dir, { recursive: true }).catch((error: unknown) => {
      throw fsAppError(error, this.dir, 'create');
    });
    for (const name of await readdir(this.dir)) {
      if (TEMP_FILE_PATTERN.test(name)) await unlink(join(this.dir, name)).catch(() => undefined);
    }
  }

  async import(fileName: string, data: Uint8Array): Promise<MediaInfo> {
    const info = await describe(fileName, data, { wholeFile: true });
    await mkdir(this.dir, { recursive: true }).catch((error: unknown) => {
      throw fsAppError(error, this.dir, 'create');
    });
    const filePath = join(this.dir, info.id);
    const existing = await stat(filePath).catch(() => null);
    if (existing?.size !== data.byteLength) await atomicWriteFile(filePath, data);
    const stored = await readJsonFile(`${filePath}.json`, mediaInfoSchema).catch(() => null);
    if (stored?.kind === 'ok') return { ...stored.value, originalName: fileName };
    await atomicWriteFile(`${filePath}.json`, JSON.stringify(info, null, 2));
    return info;
  }

  async info(id: string): Promise<MediaInfo> {
    const filePath = this.checkedPath(id);
    const stored = await readJsonFile(`${filePath}.json`, mediaInfoSchema);
    if (stored.kind === 'ok') return stored.value;
    // The sidecar is only derived data: rebuild it from the photo itself.
    const data = await this.read(id);
    const info = await describe(id, data);
    await atomicWriteFile(`${filePath}.json`, JSON.stringify(info, null, 2)).catch(() => undefined);
    return info;
  }

  /** Absolute path of a stored photo, or null when the id is malformed or the photo is missing. */
  async path(id: string): Promise<string | null> {
    if (!mediaIdSchema.safeParse(id).success) return null;
    const filePath = join(this.dir, id);
    const info = await stat(filePath).catch(() => null);
    return info?.isFile() ? filePath : null;
  }

  async read(id: string): Promise<Uint8Array> {
    const filePath = this.checkedPath(id);
    try {
      return new Uint8Array(await readFile(filePath));
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') throw new AppError('not-found', `The photo ${id} is not in the library`, { kind: 'photo-missing', id });
      throw fsAppError(error, filePath, 'read');
    }
  }

  private checkedPath(id: string): string {
    if (!mediaIdSchema.safeParse(id).success) throw new AppError('not-found', `"${id}" is not a photo id`, { kind: 'photo-missing', id });
    return join(this.dir, id);
  }
}

/**
 * Checks the bytes really are a usable photo and reads what the library records about it. Only a
 * photo being added must be whole (`wholeFile`): one already in stories is described as it is.
 */
async function describe(fileName: string, data: Uint8Array, { wholeFile = false }: { wholeFile?: boolean } = {}): Promise<MediaInfo> {
  if (data.byteLength > MAX_MEDIA_BYTES) {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
    throw new AppError('media-too-large', `"${fileName}" is ${mb(data.byteLength)} MB; photos can be at most ${mb(MAX_MEDIA_BYTES)} MB`, {
      kind: 'photo-too-large',
      fileName,
      megabytes: Number(mb(data.byteLength)),
      maxMegabytes: Number(mb(MAX_MEDIA_BYTES)),
    });
  }
  if (data.byteLength === 0) throw new AppError('media-corrupt', `"${fileName}" is empty (0 bytes)`, { kind: 'photo-empty', fileName });
  const type = sniffImageType(data);
  if (!type) throw new AppError('media-not-image', `"${fileName}" is not a photo Dateline can use (JPEG, PNG, GIF, WebP or AVIF)`, { kind: 'not-image', fileName });
  const dims = imageDimensions(type, data);
  // A file cut off part-way still has its header and size: it would show (and publish) as an empty box.
  if (!dims || (wholeFile && !isCompleteImage(type, data))) {
    throw new AppError('media-corrupt', `"${fileName}" looks like a ${type.toUpperCase()} photo but is damaged or incomplete`, { kind: 'photo-damaged', fileName });
  }
  const meta = await readPhotoMetadata(data);
  // Orientations 5-8 turn the picture a quarter: browsers rotate it (image-orientation: from-image), so report the displayed size.
  const rotated = meta.orientation >= 5;
  return {
    id: `${createHash('sha256').update(data).digest('hex')}.${type}`,
    mimeType: MIME_TYPES[type],
    bytes: data.byteLength,
    width: rotated ? dims.height : dims.width,
    height: rotated ? dims.width : dims.height,
    caption: meta.caption,
    credit: meta.credit,
    copyright: meta.copyright,
    originalName: fileName,
  };
}
