// Runs in: services. Puts an article's photos in the WordPress media library exactly once per
// target: reuse what the registry remembers (if it still exists), else find a copy a lost reply or
// the review hub left behind by its slug, else upload — a few photos at a time, reporting progress
// per photo. A copy found by slug is reused only once its original bytes hash to the photo: anyone
// who may upload to the site can give an attachment that slug, and it would go live in the story.
// Two copies of a library uploading the same photo at the same moment both upload: the later one
// finds the earlier copy right after its own upload and deletes its own.
import { AppError, isAppError } from '../../../common/app-error';
import type { DocNode } from '../../../common/article';
import { figureAttrsOf, type CheckedFigure } from '../../../common/serialize/figure-attrs';
import { hashMatches } from '../media/photo-hash';
import { isRetryableRemoteError } from '../publish/http/classify-http-failure';
import type { PublishContext, RemoteMedia } from '../publish/publish-target';
import { mapWithConcurrency } from '../../../common/async/map-with-concurrency';
import { captionText, wordpressCaption } from './wordpress-caption';
import type { WordPressClient } from './wordpress-client';
import { downloadPhoto, isOutsideSite, isWebPageInstead, originalImageUrl, PhotoOrigins } from './wordpress-photo-download';

interface WpMedia {
  id: number;
  source_url: string;
  slug: string;
  media_details?: { original_image?: string };
}

/** Copies a lookup by slug considers: the marker itself and the names WordPress gives later copies. */
const SLUG_COPIES = 5;

/** The slug (and file name stem) that finds a photo again: `dateline-<first 16 hex of its sha256>`. */
export function mediaMarker(mediaId: string): string {
  return `dateline-${mediaId.slice(0, 16)}`;
}

/** The slugs a copy of the photo can have: the marker, then "<marker>-2" … as WordPress names later uploads with a taken slug. */
export function markerSlugs(mediaId: string): string[] {
  const marker = mediaMarker(mediaId);
  return [marker, ...Array.from({ length: SLUG_COPIES - 1 }, (_, i) => `${marker}-${i + 2}`)];
}

/** The first figure for each distinct photo, in document order. */
export function distinctFigures(doc: DocNode): CheckedFigure[] {
  const seen = new Map<string, CheckedFigure>();
  const visit = (node: DocNode): void => {
    if (node.type === 'figure') {
      const figure = figureAttrsOf(node);
      if (figure && !seen.has(figure.mediaId)) seen.set(figure.mediaId, figure);
    }
    for (const child of node.content ?? []) visit(child);
  };
  visit(doc);
  return [...seen.values()];
}

export async function uploadFigures(
  client: WordPressClient,
  ctx: PublishContext,
  opts: { concurrency: number; uploadTimeoutMs: number; mediaOrigins?: readonly string[] },
): Promise<Map<string, RemoteMedia>> {
  const figures = distinctFigures(ctx.article.body);
  // A copy is checked only where the site keeps its photos: its origin and the origins the newsroom listed.
  const origins = new PhotoOrigins(client.siteUrl, { mediaOrigins: opts.mediaOrigins });
  const done = new Map<string, RemoteMedia>();
  ctx.reportProgress({ step: 'upload-media', mediaDone: 0, mediaTotal: figures.length });
  await mapWithConcurrency(figures, opts.concurrency, async (figure) => {
    const remote = await ensureUploaded(client, ctx, figure, opts.uploadTimeoutMs, origins);
    done.set(figure.mediaId, remote);
    ctx.reportProgress({ step: 'upload-media', mediaDone: done.size, mediaTotal: figures.length });
  });
  return done;
}

async function ensureUploaded(client: WordPressClient, ctx: PublishContext, figure: CheckedFigure, uploadTimeoutMs: number, origins: PhotoOrigins): Promise<RemoteMedia> {
  const known = await ctx.mediaRegistry.get(figure.mediaId);
  if (known && (await stillThere(client, known, ctx.signal))) return known;
  const marker = mediaMarker(figure.mediaId);
  // A reply lost after the server stored the photo, or the review hub, left a copy with our slug:
  // reuse the first whose bytes are this photo.
  const info = await ctx.mediaInfo(figure.mediaId);
  const label = photoLabel(info.originalName, captionText(figure.caption), marker);
  const check = { what: label, timeoutMs: uploadTimeoutMs, signal: ctx.signal, origins };
  const found = await copyOnSite(client, figure.mediaId, Number.POSITIVE_INFINITY, check);
  if (found) return remember(ctx, figure.mediaId, found);

  const bytes = await ctx.readMedia(figure.mediaId);
  const extension = figure.mediaId.slice(figure.mediaId.lastIndexOf('.') + 1);
  const form = new FormData();
  form.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: info.mimeType }), `${marker}.${extension}`);
  form.set('slug', marker);
  form.set('title', captionText(figure.caption).slice(0, 200) || info.originalName || marker);
  form.set('caption', wordpressCaption(figure.caption, figure.credit, ctx.article.meta.language));
  form.set('alt_text', figure.alt);
  const uploaded = await client
    .request<WpMedia>('POST', 'wp/v2/media', {
      body: form,
      purpose: { action: 'upload photos', needs: 'it needs the upload_files capability, e.g. the Author role', subject: label, upload: { bytes: bytes.byteLength } },
      signal: ctx.signal,
      timeoutMs: uploadTimeoutMs,
    })
    .catch(async (error: unknown) => {
      throw isAppError(error) && error.code === 'remote-too-large' ? await withSiteLimit(client, error, ctx.signal) : error;
    });
  if (typeof uploaded.id !== 'number') {
    throw new AppError('remote-bad-response', `WordPress accepted ${label} but did not say which media item it became`, { kind: 'upload-unacknowledged' });
  }
  if (!uploaded.slug.startsWith(marker)) {
    throw new AppError('remote-bad-response', `WordPress answered about the media item "${uploaded.slug}" after Dateline uploaded ${label}; a proxy in between may have mixed up replies. Dateline will look again and retry`, {
      kind: 'answer-mixed-up',
      retryable: true,
      mayHaveArrived: true,
    });
  }
  // Another copy of the library may have uploaded this photo at the same moment: the earlier item wins.
  const earlier = await copyOnSite(client, figure.mediaId, uploaded.id, check);
  if (!earlier) return remember(ctx, figure.mediaId, uploaded);
  await deleteOwnUpload(client, uploaded.id, ctx.signal);
  return remember(ctx, figure.mediaId, earlier);
}

/** The first media item under the photo's marker slugs (with an id below `below`) whose bytes are the photo. */
async function copyOnSite(client: WordPressClient, mediaId: string, below: number, check: { what: string; timeoutMs: number; signal: AbortSignal; origins: PhotoOrigins }): Promise<WpMedia | null> {
  const slugs = markerSlugs(mediaId);
  const found = await client.request<WpMedia[]>('GET', 'wp/v2/media', {
    query: { slug: slugs.join(','), per_page: 20, orderby: 'id', order: 'asc' },
    purpose: { action: 'look up photos in the media library' },
    signal: check.signal,
  });
  for (const item of Array.isArray(found) ? found : []) {
    if (typeof item.id !== 'number' || item.id >= below || typeof item.source_url !== 'string' || !slugs.includes(item.slug)) continue;
    if (await holdsPhoto(client, item, mediaId, check)) return item;
  }
  return null;
}

/** Deletes a media item this job has just uploaded and nobody uses yet; one already gone is fine. */
async function deleteOwnUpload(client: WordPressClient, id: number, signal: AbortSignal): Promise<void> {
  try {
    await client.request<unknown>('DELETE', `wp/v2/media/${id}`, {
      query: { force: true },
      purpose: { action: 'delete its own duplicate photo', subject: `media item ${id}` },
      signal,
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'remote-not-found') return;
    throw error;
  }
}

/** Whether a media item's original bytes are the photo; a file gone, or kept off the site, is not. */
async function holdsPhoto(client: WordPressClient, item: WpMedia, mediaId: string, o: { what: string; timeoutMs: number; signal: AbortSignal; origins: PhotoOrigins }): Promise<boolean> {
  try {
    const bytes = await downloadPhoto(originalImageUrl(item), { fetchImpl: client.fetchImpl, timeoutMs: o.timeoutMs, targetLabel: client.targetLabel, origins: o.origins, what: o.what, signal: o.signal });
    return hashMatches(mediaId, bytes);
  } catch (error) {
    // A cancelled job stops here.
    if (o.signal.aborted) throw error;
    // A copy that cannot be checked (gone, forbidden, too large, kept off the site, behind a login
    // page) is not reused: the photo is uploaded again. A passing failure (timeout, 5xx, offline) is retried.
    if (isOutsideSite(error) || isWebPageInstead(error) || (isAppError(error) && error.code.startsWith('remote-') && !isRetryableRemoteError(error))) return false;
    if (isAppError(error) && error.code === 'media-too-large') return false;
    throw error;
  }
}

/** How messages name a photo: its file name and the start of its caption, e.g. `the photo "harbour.jpg" (“Cranes at dawn”)`. */
export function photoLabel(originalName: string | null | undefined, caption: string, marker: string): string {
  const name = originalName ? `"${originalName}"` : marker;
  const shortCaption = caption.length > 60 ? `${caption.slice(0, 60)}…` : caption;
  return shortCaption ? `the photo ${name} (“${shortCaption}”)` : `the photo ${name}`;
}

/** A too-large error with the site's upload limit added, when the companion plugin says it. */
async function withSiteLimit(client: WordPressClient, error: AppError, signal: AbortSignal): Promise<AppError> {
  const limit = await client
    .request<{ maxUploadBytes?: unknown }>('GET', 'dateline/v1/companion', { purpose: { action: 'read the site’s upload limit' }, signal })
    .then((reply) => (typeof reply.maxUploadBytes === 'number' && reply.maxUploadBytes > 0 ? reply.maxUploadBytes : null))
    .catch(() => null);
  const { failure } = error;
  if (limit === null || failure.code !== 'remote-too-large' || !failure.details || !('retryable' in failure.details)) return error;
  const megabytes = (limit / 1_048_576).toFixed(1).replace(/\.0$/, '');
  return new AppError('remote-too-large', `${error.message}. The site accepts at most ${megabytes} MB per file`, { ...failure.details, maxMegabytes: Number(megabytes) });
}

async function stillThere(client: WordPressClient, known: RemoteMedia, signal: AbortSignal): Promise<boolean> {
  try {
    await client.request<WpMedia>('GET', `wp/v2/media/${known.remoteId}`, {
      purpose: { action: 'read the media library', subject: `media item ${known.remoteId}` },
      signal,
    });
    return true;
  } catch (error) {
    // Deleted in WordPress since we uploaded it: upload it again.
    if (error instanceof AppError && error.code === 'remote-not-found') return false;
    throw error;
  }
}

async function remember(ctx: PublishContext, mediaId: string, item: WpMedia): Promise<RemoteMedia> {
  const remote: RemoteMedia = { remoteId: String(item.id), url: item.source_url };
  await ctx.mediaRegistry.set(mediaId, remote);
  return remote;
}
