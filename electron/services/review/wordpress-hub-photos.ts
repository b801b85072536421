// Runs in: services. Moves an article's photos between a machine's photo library and a WordPress
// media library for review. Each photo goes up once (the package remembers media id → attachment,
// and the slug `dateline-<first 16 hex>` finds a copy another submission or a publish stored);
// coming down, every photo is checked against the sha256 in its media id. With the companion
// plugin a Contributor may send photos too; without it core WordPress needs upload_files.
import { createHash } from 'node:crypto';
import { AppError, isAppError } from '../../../common/app-error';
import type { Article } from '../../../common/article';
import { articleFigures, type NumberedFigure } from '../../../common/publish/article-figures';
import { classifyHttpStatus, classifyNetworkError } from '../publish/http/classify-http-failure';
import { captionText } from '../publish/wordpress/wordpress-caption';
import type { FetchImpl, WordPressClient } from '../publish/wordpress/wordpress-client';
import { mediaMarker } from '../publish/wordpress/wordpress-media';
import type { HubMedia } from './hub-photos';
import type { RemotePhoto } from './wordpress-hub-package';

interface WpMediaItem {
  id: number;
  slug: string;
  source_url: string;
  media_details?: { original_image?: string };
}

interface CompanionPhoto {
  id: number;
  slug: string;
  source_url: string;
  original_url: string;
}

const MIME_BY_EXTENSION: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif' };
/** No photo a newsroom sends is larger; a bigger reply is not a photo. */
const MAX_DOWNLOAD_BYTES = 200 * 1024 * 1024;

export interface UploadOptions {
  client: WordPressClient;
  media: HubMedia;
  /** The companion plugin answers on this site. */
  companion: boolean;
  /** What the package already knows was uploaded for this article. */
  known: Record<string, RemotePhoto>;
  uploadTimeoutMs: number;
}

/** Puts every photo the body shows in the media library once; returns media id → attachment for exactly those photos. */
export async function uploadReviewPhotos(article: Article, options: UploadOptions): Promise<Record<string, RemotePhoto>> {
  const uploaded: Record<string, RemotePhoto> = {};
  for (const figure of distinctFigures(article)) {
    const known = options.known[figure.mediaId];
    if (known) {
      uploaded[figure.mediaId] = known;
      continue;
    }
    uploaded[figure.mediaId] = options.companion ? await uploadThroughCompanion(article, figure, options) : await uploadToMediaLibrary(article, figure, options);
  }
  return uploaded;
}

async function readPhoto(article: Article, figure: NumberedFigure, media: HubMedia): Promise<Uint8Array> {
  try {
    return await media.read(figure.mediaId);
  } catch (error) {
    if (isAppError(error) && error.code === 'not-found') {
      throw new AppError(
        'not-found',
        `${describePhoto(figure)} is not in your photo library, so "${title(article)}" cannot be sent to WordPress for review; insert the photo again and retry`,
        { mediaId: figure.mediaId, photo: figure.number },
      );
    }
    throw error;
  }
}

async function uploadThroughCompanion(article: Article, figure: NumberedFigure, options: UploadOptions): Promise<RemotePhoto> {
  const bytes = await readPhoto(article, figure, options.media);
  const reply = await options.client.request<CompanionPhoto>('POST', 'dateline/v1/photos', {
    query: { media_id: figure.mediaId, alt: figure.alt, title: (figure.captionText || figure.alt).slice(0, 200) },
    body: bytes,
    headers: { 'Content-Type': 'application/octet-stream' },
    timeoutMs: options.uploadTimeoutMs,
    purpose: { action: 'send photos for review', subject: describePhoto(figure) },
  });
  if (typeof reply.id !== 'number' || reply.slug !== mediaMarker(figure.mediaId) || typeof reply.source_url !== 'string') {
    throw new AppError('remote-bad-response', `WordPress did not say where it stored ${describePhoto(figure)}; a proxy in between may have changed the reply. Try again`, { reply });
  }
  return { id: reply.id, url: reply.source_url, originalUrl: reply.original_url || reply.source_url };
}

async function uploadToMediaLibrary(article: Article, figure: NumberedFigure, options: UploadOptions): Promise<RemotePhoto> {
  const marker = mediaMarker(figure.mediaId);
  const found = await options.client.request<WpMediaItem[]>('GET', 'wp/v2/media', {
    query: { slug: marker, per_page: 10 },
    purpose: { action: 'look up photos in the media library' },
  });
  const existing = found.find((item) => item.slug === marker);
  if (existing) return remotePhotoOf(existing);
  const bytes = await readPhoto(article, figure, options.media);
  const extension = figure.mediaId.slice(figure.mediaId.lastIndexOf('.') + 1);
  const form = new FormData();
  form.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: MIME_BY_EXTENSION[extension] ?? 'application/octet-stream' }), `${marker}.${extension}`);
  form.set('slug', marker);
  form.set('title', captionText(figure.caption).slice(0, 200) || marker);
  form.set('alt_text', figure.alt);
  const uploaded = await options.client.request<WpMediaItem>('POST', 'wp/v2/media', {
    body: form,
    timeoutMs: options.uploadTimeoutMs,
    purpose: {
      action: 'upload photos',
      subject: describePhoto(figure),
      forbiddenHint: `This WordPress account may not upload photos, and the site does not have the Dateline Companion plugin that lets any writer send photos for review: ask the site's administrator to install resources/wordpress/dateline-companion.php, or send "${title(article)}" without photos`,
    },
  });
  if (typeof uploaded.id !== 'number' || !uploaded.slug.startsWith(marker)) {
    throw new AppError('remote-bad-response', `WordPress answered about another media item after Dateline uploaded ${describePhoto(figure)}; try again`, { reply: uploaded });
  }
  return remotePhotoOf(uploaded);
}

/** Where an attachment's display copy and its original bytes are (WordPress scales photos above 2560 px). */
export function remotePhotoOf(item: WpMediaItem): RemotePhoto {
  const original = item.media_details?.original_image;
  const originalUrl = original && !/[/\\]/.test(original) ? item.source_url.replace(/[^/]*$/, encodeURIComponent(original)) : item.source_url;
  return { id: item.id, url: item.source_url, originalUrl };
}

export interface DownloadOptions {
  fetchImpl?: FetchImpl;
  timeoutMs: number;
  /** Names the site in messages. */
  targetLabel: string;
}

/** The bytes at an http(s) address, with the same errors publishing gives for every failure. */
export async function downloadBytes(url: string, options: DownloadOptions): Promise<Uint8Array> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError('remote-bad-response', `${options.targetLabel} gave a photo address that is not a web address (${url.slice(0, 200)})`, { url });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new AppError('remote-bad-response', `${options.targetLabel} gave a photo address Dateline does not download from (${url.slice(0, 200)})`, { url });
  }
  const fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));
  const timeout = AbortSignal.timeout(options.timeoutMs);
  try {
    const response = await fetchImpl(parsed.href, { method: 'GET', redirect: 'follow', signal: timeout, headers: { Accept: 'image/*' } });
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      throw classifyHttpStatus(response.status, { url: parsed.href, bodySnippet: text.slice(0, 300), targetLabel: options.targetLabel });
    }
    const length = Number(response.headers.get('content-length') ?? '0');
    if (length > MAX_DOWNLOAD_BYTES) throw new AppError('media-too-large', `The photo at ${parsed.href} is larger than any photo Dateline accepts`, { url: parsed.href, bytes: length });
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > MAX_DOWNLOAD_BYTES) throw new AppError('media-too-large', `The photo at ${parsed.href} is larger than any photo Dateline accepts`, { url: parsed.href });
    return bytes;
  } catch (error) {
    if (isAppError(error)) throw error;
    if (timeout.aborted) {
      throw new AppError('remote-timeout', `${options.targetLabel} did not send the photo ${parsed.href} within ${Math.round(options.timeoutMs / 1000)} s; try again`, { url: parsed.href });
    }
    throw classifyNetworkError(error, { url: parsed.href, targetLabel: options.targetLabel });
  }
}

/** Downloads and imports every photo the body shows that this library lacks, each checked against its hash. */
export async function importReviewPhotos(
  article: Article,
  remote: Record<string, RemotePhoto>,
  media: HubMedia,
  download: (url: string) => Promise<Uint8Array>,
  sender: string,
): Promise<number> {
  let imported = 0;
  for (const figure of distinctFigures(article)) {
    const present = await media.read(figure.mediaId).then(
      (bytes) => bytes.byteLength > 0,
      () => false,
    );
    if (present) continue;
    const where = remote[figure.mediaId];
    const missing = () =>
      new AppError('not-found', `${describePhoto(figure)} of "${title(article)}" is missing from the WordPress media library; ask ${sender} to submit the article again`, {
        mediaId: figure.mediaId,
        photo: figure.number,
      });
    if (!where) throw missing();
    let data: Uint8Array;
    try {
      data = await download(where.originalUrl);
    } catch (error) {
      if (isAppError(error) && (error.code === 'remote-not-found' || (error.details as { status?: number } | undefined)?.status === 404)) throw missing();
      throw error;
    }
    const hash = createHash('sha256').update(data).digest('hex');
    if (!figure.mediaId.startsWith(`${hash}.`)) {
      throw new AppError(
        'media-corrupt',
        `${describePhoto(figure)} of "${title(article)}" is not the photo ${sender} sent: the copy in WordPress (${where.originalUrl}) was replaced or damaged. Ask ${sender} to submit the article again`,
        { mediaId: figure.mediaId, photo: figure.number, url: where.originalUrl },
      );
    }
    await media.import(figure.mediaId, data);
    imported++;
  }
  return imported;
}

function distinctFigures(article: Article): NumberedFigure[] {
  const seen = new Set<string>();
  return articleFigures(article).filter((f) => !seen.has(f.mediaId) && seen.add(f.mediaId));
}

/** "Photo 2 (“Flooded street”, 3f9a…e1.jpg)": what a person can find in the article. */
function describePhoto(figure: NumberedFigure): string {
  const label = figure.captionText || figure.alt;
  const what = label ? `“${label.length > 60 ? `${label.slice(0, 57)}…` : label}”, ${figure.mediaId}` : figure.mediaId;
  return `Photo ${figure.number} (${what})`;
}

function title(article: Article): string {
  return article.headline.trim() || article.id;
}
