// Runs in: services (plain Node, no electron import). Writes an article to a new folder as a
// standalone HTML page (photos inlined, and copied to images/) or as Markdown with its photos.
// Never overwrites: an existing folder gets a -2, -3... sibling. A failed export leaves nothing.
import { mkdir, rm } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { AppError, isAppError } from '../../../common/app-error';
import type { Article } from '../../../common/article';
import type { ExportResult } from '../../../common/contract';
import { articleToHtmlPage } from '../../../common/serialize/article-to-html-page';
import { articleToMarkdown } from '../../../common/serialize/article-to-markdown';
import { figureMediaIds } from '../../../common/serialize/figure-attrs';
import { atomicWriteFile } from '../store/atomic-write';
import { errnoCode, fsAppError } from '../store/fs-app-error';
import { isReservedFileName } from '../store/is-reserved-file-name';
import { exportFolderName } from './export-folder-name';
import { exportPhotoNames } from './export-photo-names';
import { zipArchive, type ZipEntry } from './zip-archive';

export type ExportFormat = 'html' | 'markdown';

export interface ExportOptions {
  readMedia: (mediaId: string) => Promise<Uint8Array>;
  mimeOf: (mediaId: string) => string;
  /** The folder exports go into; created if missing. */
  outRoot: string;
  /** A folder path chosen in a Save dialog: the export is created there (a -2 sibling if it exists). */
  destination?: string;
}

const IMAGE_MIME_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif']);
const MAX_SUFFIX = 999;

export async function exportArticle(article: Article, format: ExportFormat, opts: ExportOptions): Promise<ExportResult> {
  if (format !== 'html' && format !== 'markdown') throw new AppError('invalid-input', `Unknown export format: ${String(format)}`, { kind: 'export-format' });
  const baseName = exportFolderName(article);
  const chosen = opts.destination === undefined ? null : chosenFolder(opts.destination, baseName);
  if (!chosen && opts.outRoot.trim().length === 0) throw new AppError('invalid-input', 'Choose a folder to export to first', { kind: 'export-folder-missing' });
  const root = chosen ? chosen.root : resolve(opts.outRoot);
  const mediaIds = figureMediaIds(article.body);

  // Every photo is read before anything is written, so a missing one leaves no half export behind.
  const photos = new Map<string, Uint8Array>();
  for (const id of mediaIds) photos.set(id, await readPhoto(id, opts));
  const mimes = new Map(mediaIds.map((id) => [id, checkedMime(id, opts.mimeOf(id))]));
  const photoNames = exportPhotoNames(baseName, mediaIds, mimes);

  try {
    await mkdir(root, { recursive: true });
  } catch (error) {
    throw fsAppError(error, root, 'create the export folder');
  }
  const folder = await claimFolder(root, chosen ? chosen.name : baseName);
  try {
    const files: string[] = [];
    if (photos.size > 0) await mkdir(join(folder, 'images'));
    for (const [id, bytes] of photos) {
      const path = join(folder, 'images', photoNames.get(id) ?? id);
      await atomicWriteFile(path, bytes);
      files.push(path);
    }
    let file: string;
    if (format === 'html') {
      const mediaSrc = (id: string) => `data:${mimes.get(id) ?? 'image/jpeg'};base64,${Buffer.from(photos.get(id) ?? new Uint8Array()).toString('base64')}`;
      file = join(folder, 'index.html');
      await atomicWriteFile(file, articleToHtmlPage(article, { mediaSrc }));
    } else {
      file = join(folder, `${baseName}.md`);
      await atomicWriteFile(file, articleToMarkdown(article, { mediaSrc: (id) => `images/${photoNames.get(id) ?? id}` }));
    }
    return { folder, file, files: [file, ...files] };
  } catch (error) {
    // The folder is ours (just created, never existing before): remove the partial export.
    await rm(folder, { recursive: true, force: true }).catch(() => undefined);
    throw fsAppError(error, folder, 'write the export');
  }
}

/** A Save dialog's path → the folder to create and its parent; an unusable name falls back to the story's. */
function chosenFolder(destination: string, fallback: string): { root: string; name: string } {
  if (!isAbsolute(destination) || destination.includes('\u0000')) throw new AppError('invalid-input', 'Choose where to save the export', { kind: 'export-destination' });
  const path = resolve(destination);
  const name = basename(path).replace(/\.(html?|md|markdown)$/i, '').trim();
  const usable = name.length > 0 && name.length <= 120 && !isReservedFileName(name) && name !== '.' && name !== '..';
  return { root: dirname(path), name: usable ? name : fallback };
}

/** A browser's download can hold at most this much page (photos inlined). */
export const MAX_DOWNLOAD_PAGE_BYTES = 64 * 1024 * 1024;

/** The standalone page (photos inlined) and its file name from the slug: what a browser downloads. */
export async function exportPageForDownload(article: Article, opts: Pick<ExportOptions, 'readMedia' | 'mimeOf'>): Promise<{ fileName: string; html: string }> {
  const mediaIds = figureMediaIds(article.body);
  const photos = new Map<string, Uint8Array>();
  let bytes = 0;
  for (const id of mediaIds) {
    const photo = await readPhoto(id, opts);
    bytes += Math.ceil(photo.byteLength / 3) * 4;
    if (bytes > MAX_DOWNLOAD_PAGE_BYTES) throw new AppError('media-too-large', 'The photos are too large to download in one page; export from the desktop app instead', { kind: 'download-page-too-large' });
    photos.set(id, photo);
  }
  const mimes = new Map(mediaIds.map((id) => [id, checkedMime(id, opts.mimeOf(id))]));
  const mediaSrc = (id: string) => `data:${mimes.get(id) ?? 'image/jpeg'};base64,${Buffer.from(photos.get(id) ?? new Uint8Array()).toString('base64')}`;
  return { fileName: `${exportFolderName(article)}.html`, html: articleToHtmlPage(article, { mediaSrc }) };
}

/** A browser download: the file's name, its type and its bytes in base64 (the HTTP transport carries JSON). */
export interface DownloadFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

/**
 * Markdown for a browser to download, named after the slug: `<slug>.md` alone, or with photos a
 * `<slug>.zip` holding `<slug>.md` and `images/<slug>-1.jpg`… (the same layout as the desktop's export folder).
 */
export async function exportMarkdownForDownload(article: Article, opts: Pick<ExportOptions, 'readMedia' | 'mimeOf'>): Promise<DownloadFile> {
  const baseName = exportFolderName(article);
  const mediaIds = figureMediaIds(article.body);
  const photos = new Map<string, Uint8Array>();
  let bytes = 0;
  for (const id of mediaIds) {
    const photo = await readPhoto(id, opts);
    bytes += photo.byteLength;
    if (bytes > MAX_DOWNLOAD_PAGE_BYTES) throw new AppError('media-too-large', 'The photos are too large to download at once; export from the desktop app instead');
    photos.set(id, photo);
  }
  const mimes = new Map(mediaIds.map((id) => [id, checkedMime(id, opts.mimeOf(id))]));
  const photoNames = exportPhotoNames(baseName, mediaIds, mimes);
  const markdown = Buffer.from(articleToMarkdown(article, { mediaSrc: (id) => `images/${photoNames.get(id) ?? id}` }), 'utf8');
  if (photos.size === 0) return { fileName: `${baseName}.md`, mimeType: 'text/markdown;charset=utf-8', base64: markdown.toString('base64') };
  const entries: ZipEntry[] = [{ name: `${baseName}.md`, data: markdown }];
  for (const [id, photo] of photos) entries.push({ name: `images/${photoNames.get(id) ?? id}`, data: photo });
  return { fileName: `${baseName}.zip`, mimeType: 'application/zip', base64: zipArchive(entries).toString('base64') };
}

async function readPhoto(id: string, opts: Pick<ExportOptions, 'readMedia'>): Promise<Uint8Array> {
  try {
    return await opts.readMedia(id);
  } catch (error) {
    const missing = errnoCode(error) === 'ENOENT' || (isAppError(error) && error.code === 'not-found');
    if (missing) throw new AppError('not-found', `Photo ${id} is missing from the library; put it back or remove it from the article, then export again`, { kind: 'photo-missing', id });
    throw isAppError(error) ? error : fsAppError(error, id, 'read the photo');
  }
}

function checkedMime(id: string, mime: string): string {
  if (!IMAGE_MIME_TYPES.has(mime)) throw new AppError('media-not-image', `Photo ${id} is not a JPEG, PNG, GIF, WebP or AVIF image (${mime})`, { kind: 'export-not-image', mediaId: id });
  return mime;
}

/** Creates `<root>/<name>`, or the first free `<name>-2`, `<name>-3`...; mkdir is the atomic claim. */
async function claimFolder(root: string, name: string): Promise<string> {
  for (let n = 1; n <= MAX_SUFFIX; n++) {
    const folder = join(root, n === 1 ? name : `${name}-${n}`);
    try {
      await mkdir(folder);
      return folder;
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') throw fsAppError(error, folder, 'create the export folder');
    }
  }
  throw new AppError('conflict', `There are already ${MAX_SUFFIX} exports named ${name} in ${root}; move some away and export again`, { kind: 'name-taken', name, max: MAX_SUFFIX });
}
