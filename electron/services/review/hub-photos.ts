// Runs in: services. Moves an article's photos between a machine's photo library and the hub's
// articles/<id>/media/ folder. Photos are content-addressed (sha256 in the id), so a photo already
// in the hub is never copied again, and a damaged copy is recognised by its hash.
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, isAppError } from '../../../common/app-error';
import type { Article } from '../../../common/article';
import type { MediaInfo } from '../../../common/contract';
import { articleFigures, type NumberedFigure } from '../../../common/publish/article-figures';
import { hashMatches } from '../media/photo-hash';
import { atomicWriteFile } from '../store/atomic-write';
import { guardHubFile, MAX_HUB_PHOTO_BYTES } from './hub-file-guard';
import { articleTitle } from './hub-input';
import { errnoCode, fsAppError } from '../store/fs-app-error';

/** The part of the photo library the hub needs. MediaStore satisfies it. */
export interface HubMedia {
  read(id: string): Promise<Uint8Array>;
  import(fileName: string, data: Uint8Array): Promise<MediaInfo>;
}

/** Copies every photo the body shows into mediaDir, skipping those already there; returns how many were copied. */
export async function copyPhotosToHub(article: Article, media: HubMedia, mediaDir: string, verified: Map<string, string> = new Map()): Promise<number> {
  let copied = 0;
  for (const figure of distinctFigures(article)) {
    const target = join(mediaDir, figure.mediaId);
    // A copy already in the hub is kept only when its bytes still match its name; a damaged one is replaced.
    if (await intactCopy(target, figure.mediaId, verified)) continue;
    let data: Uint8Array;
    try {
      data = await media.read(figure.mediaId);
    } catch (error) {
      if (isAppError(error) && error.code === 'not-found') {
        throw new AppError(
          'not-found',
          `${describePhoto(figure)} is not in your photo library, so "${articleTitle(article)}" cannot be sent to the review hub; insert the photo again and retry`,
          { kind: 'hub-photo-not-in-library', headline: articleTitle(article), photo: figure.number },
        );
      }
      throw error;
    }
    await atomicWriteFile(target, data);
    copied++;
  }
  return copied;
}

/** Imports every photo the body shows from mediaDir into the local library, checking each against its hash. */
export async function importPhotosFromHub(article: Article, media: HubMedia, mediaDir: string, sender: string): Promise<number> {
  let imported = 0;
  for (const figure of distinctFigures(article)) {
    const source = join(mediaDir, figure.mediaId);
    let data: Uint8Array;
    try {
      if ((await guardHubFile(source, MAX_HUB_PHOTO_BYTES, describePhoto(figure))) === 'missing') throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      data = new Uint8Array(await readFile(source));
    } catch (error) {
      if (isAppError(error)) throw error;
      if (errnoCode(error) === 'ENOENT') {
        throw new AppError(
          'not-found',
          `${describePhoto(figure)} of "${articleTitle(article)}" is missing from the review hub (${source}); ask ${sender} to submit the article again`,
          { kind: 'hub-photo-missing', headline: articleTitle(article), photo: figure.number, sender },
        );
      }
      throw fsAppError(error, source, 'read');
    }
    if (!hashMatches(figure.mediaId, data)) {
      throw new AppError('media-corrupt', `${describePhoto(figure)} of "${articleTitle(article)}" is damaged in the review hub (${source}); ask ${sender} to submit the article again`, {
        kind: 'hub-photo-damaged',
        headline: articleTitle(article),
        photo: figure.number,
        sender,
      });
    }
    await media.import(figure.mediaId, data);
    imported++;
  }
  return imported;
}

/** `verified` remembers copies already hashed (by size and modification time), so a comment does not re-read every photo over the share. */
async function intactCopy(path: string, mediaId: string, verified: Map<string, string>): Promise<boolean> {
  const info = await lstat(path).catch(() => null);
  if (!info?.isFile() || info.size === 0 || info.size > MAX_HUB_PHOTO_BYTES) return false;
  const stamp = `${info.size}:${info.mtimeMs}`;
  if (verified.get(path) === stamp) return true;
  const data = await readFile(path).catch(() => null);
  const intact = data !== null && hashMatches(mediaId, data);
  if (intact) verified.set(path, stamp);
  else verified.delete(path);
  return intact;
}

/** Each photo of the article once, numbered as readers count them. */
export function distinctFigures(article: Article): NumberedFigure[] {
  const seen = new Set<string>();
  return articleFigures(article).filter((f) => !seen.has(f.mediaId) && seen.add(f.mediaId));
}

/** "Photo 2 (“Flooded street”, 3f9a…e1.jpg)": what a person can find in the article. */
export function describePhoto(figure: NumberedFigure): string {
  const label = figure.captionText || figure.alt;
  const what = label ? `“${label.length > 60 ? `${label.slice(0, 57)}…` : label}”, ${figure.mediaId}` : figure.mediaId;
  return `Photo ${figure.number} (${what})`;
}

