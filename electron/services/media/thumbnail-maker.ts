// Runs in: services. Makes the editor's thumbnail of a library photo once (media/<sha256>.thumb.webp,
// at most THUMBNAIL_WIDTH wide), so opening a story never decodes full-size photos in the renderer.
// The original stays untouched: it is what gets published and exported.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { AppError } from '../../../common/app-error';
import { MAX_MEDIA_BYTES } from '../../../common/contract';
import { atomicWriteFile } from '../store/atomic-write';
import { thumbnailIdFor } from './library-thumbnail-path';

export const THUMBNAIL_WIDTH = 800;
/** Decoding more pixels than this is refused: a 24-megapixel photo passes, a decompression bomb does not. */
export const MAX_THUMBNAIL_INPUT_PIXELS = 100_000_000;

export interface ThumbnailMakerOptions {
  /** @default MAX_MEDIA_BYTES */
  maxInputBytes?: number;
  /** @default MAX_THUMBNAIL_INPUT_PIXELS */
  maxInputPixels?: number;
}

export interface ThumbnailResult {
  /** The thumbnail's file name in media/. */
  thumbnailId: string;
  /** False when an existing thumbnail was reused. */
  made: boolean;
}

export class ThumbnailMaker {
  private readonly inFlight = new Map<string, Promise<ThumbnailResult>>();
  private readonly maxInputBytes: number;
  private readonly maxInputPixels: number;

  constructor(
    private readonly libraryRoot: string,
    options: ThumbnailMakerOptions = {},
  ) {
    this.maxInputBytes = options.maxInputBytes ?? MAX_MEDIA_BYTES;
    this.maxInputPixels = options.maxInputPixels ?? MAX_THUMBNAIL_INPUT_PIXELS;
  }

  /** The thumbnail of a photo, made on first use; concurrent asks for one photo share one job. */
  thumbnail(mediaId: string): Promise<ThumbnailResult> {
    const thumbnailId = thumbnailIdFor(mediaId);
    if (thumbnailId === null) return Promise.reject(new AppError('not-found', `"${mediaId}" is not a photo id`, { kind: 'photo-missing', id: mediaId }));
    const running = this.inFlight.get(thumbnailId);
    if (running) return running;
    const job = this.make(mediaId, thumbnailId).finally(() => this.inFlight.delete(thumbnailId));
    this.inFlight.set(thumbnailId, job);
    return job;
  }

  private async make(mediaId: string, thumbnailId: string): Promise<ThumbnailResult> {
    const dir = join(this.libraryRoot, 'media');
    const target = join(dir, thumbnailId);
    const existing = await stat(target).catch(() => null);
    if (existing?.isFile() && existing.size > 0) return { thumbnailId, made: false };
    const source = join(dir, mediaId);
    const original = await stat(source).catch(() => null);
    if (!original?.isFile()) throw new AppError('not-found', `The photo ${mediaId} is not in the library`, { kind: 'photo-missing', id: mediaId });
    if (original.size > this.maxInputBytes) {
      throw new AppError('media-too-large', `The photo ${mediaId} is too large for a thumbnail`, { kind: 'thumbnail-source-too-large' });
    }
    let bytes: Buffer;
    try {
      bytes = await sharp(source, { limitInputPixels: this.maxInputPixels, failOn: 'error' })
        .rotate()
        .resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer();
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      if (/pixel limit/i.test(detail)) {
        throw new AppError('media-too-large', `The photo ${mediaId} has more than ${this.maxInputPixels} pixels`, { kind: 'thumbnail-source-too-large' });
      }
      throw new AppError('media-corrupt', `The photo ${mediaId} is damaged: no thumbnail could be made`, { kind: 'thumbnail-failed' });
    }
    await atomicWriteFile(target, bytes);
    return { thumbnailId, made: true };
  }
}
