// Runs in: services. The review hub's photos in the site's media library: bytes come down only
// from the site (and the media origins the newsroom listed), read by attachment id; an attachment
// is reused for a write only once its bytes hash to the media id (remembered per hub).
import { AppError, isAppError } from '../../../common/app-error';
import { hashMatches } from '../media/photo-hash';
import { downloadPhoto, isOutsideSite } from '../wordpress';
import type { HubContext } from './wordpress-hub-context';
import type { RemotePhoto } from './wordpress-hub-package';
import { remotePhotoOf, type WpMediaItem } from './wordpress-hub-photos';

export function fallbackOptions(ctx: HubContext) {
  return {
    media: ctx.options.media,
    siteUrl: ctx.options.siteUrl,
    fetchAttachment: (id: number, what: string) => fetchAttachment(ctx, id, what),
    download: (url: string, what: string) => download(ctx, url, what),
  };
}

/** Bytes from the site (or a media origin the newsroom listed); anything else is refused before any request. */
function download(ctx: HubContext, url: string, what: string): Promise<Uint8Array> {
  return downloadPhoto(url, { fetchImpl: ctx.options.fetchImpl, timeoutMs: ctx.uploadTimeoutMs, targetLabel: ctx.options.targetLabel, origins: ctx.origins, what });
}

/** A media library item read by id through the REST API, and its original bytes; null when it is gone. */
export async function fetchAttachment(ctx: HubContext, attachmentId: number, what: string): Promise<{ bytes: Uint8Array; remote: RemotePhoto } | null> {
  let item: WpMediaItem;
  try {
    item = await ctx.client.request<WpMediaItem>('GET', `wp/v2/media/${attachmentId}`, {
      purpose: { action: 'read the media library', subject: what },
    });
  } catch (error) {
    if (isAppError(error) && error.code === 'remote-not-found') return null;
    throw error;
  }
  if (item.id !== attachmentId || typeof item.source_url !== 'string') {
    throw new AppError('remote-bad-response', `WordPress answered about another media item when Dateline asked for ${what} (media item ${attachmentId}); try again`, { kind: 'answer-mixed-up', retryable: true, mayHaveArrived: true });
  }
  const remote = remotePhotoOf(item);
  return { bytes: await download(ctx, remote.originalUrl, what), remote };
}

/** The attachment as WordPress reports it when it holds the photo a media id names (downloaded by id and hashed, once per hub); else null. */
export async function holds(ctx: HubContext, mediaId: string, photo: RemotePhoto, what: string): Promise<RemotePhoto | null> {
  const key = `${mediaId}#${photo.id}`;
  const known = ctx.verified.get(key);
  if (known) return known;
  let found: Awaited<ReturnType<typeof fetchAttachment>>;
  try {
    found = await fetchAttachment(ctx, photo.id, what);
  } catch (error) {
    if (isOutsideSite(error)) return null;
    throw error;
  }
  if (!found || !hashMatches(mediaId, found.bytes)) return null;
  ctx.verified.set(key, found.remote);
  return found.remote;
}

export function markVerified(ctx: HubContext, media: Record<string, RemotePhoto>): void {
  for (const [mediaId, photo] of Object.entries(media)) ctx.verified.set(`${mediaId}#${photo.id}`, photo);
}
