// Runs in: services. Moves an article's photos between a machine's photo library and a WordPress
// media library for review. Each photo goes up once (the package remembers media id → attachment,
// and the slug `dateline-<first 16 hex>` finds a copy another submission or a publish stored), but
// an attachment is reused only once its bytes are shown to hash to the media id — anyone who may
// upload can give an attachment that slug. Coming down, photos are read by attachment id through
// the REST API (never from an address in the package) and checked against the sha256 in their media
// id. With the companion plugin a Contributor may send photos too; without it core WordPress needs
// upload_files.
import { AppError, isAppError } from '../../../common/app-error';
import type { Article } from '../../../common/article';
import type { NumberedFigure } from '../../../common/publish/article-figures';
import { captionText, markerSlugs, mediaMarker, originalImageUrl, type WordPressClient } from '../wordpress';
import { hashMatches } from '../media/photo-hash';
import { describePhoto, distinctFigures, type HubMedia } from './hub-photos';
import { articleTitle } from './hub-input';
import type { RemotePhoto } from './wordpress-hub-package';

export interface WpMediaItem {
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

/** The attachment as WordPress reports it when its bytes are exactly the photo a media id names (they hash to it); else null. */
export type HoldsPhoto = (mediaId: string, photo: RemotePhoto, what: string) => Promise<RemotePhoto | null>;

export interface UploadOptions {
  client: WordPressClient;
  media: HubMedia;
  /** The companion plugin answers on this site. */
  companion: boolean;
  /** What the package already knows was uploaded for this article. */
  known: Record<string, RemotePhoto>;
  uploadTimeoutMs: number;
  holds: HoldsPhoto;
}

/** Puts every photo the body shows in the media library once; returns media id → attachment for exactly those photos. */
export async function uploadReviewPhotos(article: Article, options: UploadOptions): Promise<Record<string, RemotePhoto>> {
  const uploaded: Record<string, RemotePhoto> = {};
  for (const figure of distinctFigures(article)) {
    const known = options.known[figure.mediaId];
    const checked = known ? await options.holds(figure.mediaId, known, describePhoto(figure)) : null;
    if (checked) {
      uploaded[figure.mediaId] = checked;
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
        `${describePhoto(figure)} is not in your photo library, so "${articleTitle(article)}" cannot be sent to WordPress for review; insert the photo again and retry`,
        { kind: 'hub-photo-not-in-library', headline: articleTitle(article), photo: figure.number },
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
    purpose: { action: 'send photos for review', subject: describePhoto(figure), upload: { bytes: bytes.byteLength } },
  });
  // A copy the plugin could not reuse (its bytes were not this photo) makes it store another, named "<marker>-2".
  if (typeof reply.id !== 'number' || typeof reply.slug !== 'string' || !isMarkerSlug(reply.slug, mediaMarker(figure.mediaId)) || typeof reply.source_url !== 'string') {
    throw new AppError('remote-bad-response', `WordPress did not say where it stored ${describePhoto(figure)}; a proxy in between may have changed the reply. Try again`, { kind: 'upload-unacknowledged' });
  }
  return { id: reply.id, url: reply.source_url, originalUrl: reply.original_url || reply.source_url };
}

async function uploadToMediaLibrary(article: Article, figure: NumberedFigure, options: UploadOptions): Promise<RemotePhoto> {
  const marker = mediaMarker(figure.mediaId);
  const slugs = markerSlugs(figure.mediaId);
  const found = await options.client.request<WpMediaItem[]>('GET', 'wp/v2/media', {
    query: { slug: slugs.join(','), per_page: 20, orderby: 'id', order: 'asc' },
    purpose: { action: 'look up photos in the media library' },
  });
  for (const item of found.filter((i) => typeof i.id === 'number' && typeof i.source_url === 'string' && slugs.includes(i.slug))) {
    const checked = await options.holds(figure.mediaId, remotePhotoOf(item), describePhoto(figure));
    if (checked) return checked;
  }
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
      upload: { bytes: bytes.byteLength },
      forbiddenHint: `This WordPress account may not upload photos, and the site does not have the Dateline Companion plugin that lets any writer send photos for review: ask the site's administrator to install resources/wordpress/dateline-companion.php, or send "${articleTitle(article)}" without photos`,
    },
  });
  if (typeof uploaded.id !== 'number' || typeof uploaded.slug !== 'string' || !uploaded.slug.startsWith(marker)) {
    throw new AppError('remote-bad-response', `WordPress answered about another media item after Dateline uploaded ${describePhoto(figure)}; try again`, {
      kind: 'answer-mixed-up',
      retryable: true,
      mayHaveArrived: true,
    });
  }
  return remotePhotoOf(uploaded);
}

/** Where an attachment's display copy and its original bytes are (WordPress scales photos above 2560 px). */
export function remotePhotoOf(item: WpMediaItem): RemotePhoto {
  return { id: item.id, url: item.source_url, originalUrl: originalImageUrl(item) };
}

/** An attachment's bytes and where they came from, read by attachment id; null when the attachment is gone. */
export type FetchAttachment = (attachmentId: number, what: string) => Promise<{ bytes: Uint8Array; remote: RemotePhoto } | null>;

/** Downloads and imports every photo the body shows that this library lacks, each checked against its hash; returns those imported. */
export async function importReviewPhotos(
  article: Article,
  remote: Record<string, RemotePhoto>,
  media: HubMedia,
  fetchAttachment: FetchAttachment,
  sender: string,
): Promise<Record<string, RemotePhoto>> {
  const imported: Record<string, RemotePhoto> = {};
  for (const figure of distinctFigures(article)) {
    const present = await media.read(figure.mediaId).then(
      (bytes) => bytes.byteLength > 0,
      () => false,
    );
    if (present) continue;
    const where = remote[figure.mediaId];
    const missing = () =>
      new AppError('not-found', `${describePhoto(figure)} of "${articleTitle(article)}" is missing from the WordPress media library; ask ${sender} to submit the article again`, {
        kind: 'hub-photo-missing',
        headline: articleTitle(article),
        photo: figure.number,
        sender,
      });
    if (!where) throw missing();
    let found: Awaited<ReturnType<FetchAttachment>>;
    try {
      found = await fetchAttachment(where.id, describePhoto(figure));
    } catch (error) {
      if (isAppError(error) && (error.code === 'remote-not-found' || (error.details as { status?: number } | undefined)?.status === 404)) throw missing();
      throw error;
    }
    if (!found) throw missing();
    if (!hashMatches(figure.mediaId, found.bytes)) {
      throw new AppError(
        'media-corrupt',
        `${describePhoto(figure)} of "${articleTitle(article)}" is not the photo ${sender} sent: the copy in WordPress (${found.remote.originalUrl}) was replaced or damaged. Ask ${sender} to submit the article again`,
        { kind: 'hub-photo-mismatch', headline: articleTitle(article), photo: figure.number, sender },
      );
    }
    await media.import(figure.mediaId, found.bytes);
    imported[figure.mediaId] = found.remote;
  }
  return imported;
}

/** The marker slug itself, or a later copy WordPress named "<marker>-<n>". */
function isMarkerSlug(slug: string, marker: string): boolean {
  return slug === marker || new RegExp(`^${marker}-(?:[2-9]|[1-9][0-9]+)$`).test(slug);
}
