// Runs in: services. Puts an article's photos in the WordPress media library exactly once per
// target: reuse what the registry remembers (if it still exists), else find a copy a lost reply
// left behind by its slug, else upload — a few photos at a time, reporting progress per photo.
import { AppError } from '../../../../common/app-error';
import type { DocNode } from '../../../../common/article';
import { figureAttrsOf, type CheckedFigure } from '../../../../common/serialize/figure-attrs';
import type { PublishContext, RemoteMedia } from '../publish-target';
import { mapWithConcurrency } from './map-with-concurrency';
import { captionText, wordpressCaption } from './wordpress-caption';
import type { WordPressClient } from './wordpress-client';

interface WpMedia {
  id: number;
  source_url: string;
  slug: string;
}

/** The slug (and file name stem) that finds a photo again: `dateline-<first 16 hex of its sha256>`. */
export function mediaMarker(mediaId: string): string {
  return `dateline-${mediaId.slice(0, 16)}`;
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
  opts: { concurrency: number; uploadTimeoutMs: number },
): Promise<Map<string, RemoteMedia>> {
  const figures = distinctFigures(ctx.article.body);
  const done = new Map<string, RemoteMedia>();
  ctx.reportProgress({ step: 'upload-media', mediaDone: 0, mediaTotal: figures.length });
  await mapWithConcurrency(figures, opts.concurrency, async (figure) => {
    const remote = await ensureUploaded(client, ctx, figure, opts.uploadTimeoutMs);
    done.set(figure.mediaId, remote);
    ctx.reportProgress({ step: 'upload-media', mediaDone: done.size, mediaTotal: figures.length });
  });
  return done;
}

async function ensureUploaded(client: WordPressClient, ctx: PublishContext, figure: CheckedFigure, uploadTimeoutMs: number): Promise<RemoteMedia> {
  const known = await ctx.mediaRegistry.get(figure.mediaId);
  if (known && (await stillThere(client, known, ctx.signal))) return known;
  const marker = mediaMarker(figure.mediaId);
  // A reply lost after the server stored the photo leaves a copy with our slug: adopt it.
  const found = await client.request<WpMedia[]>('GET', 'wp/v2/media', {
    query: { slug: marker, per_page: 10 },
    purpose: { action: 'look up photos in the media library' },
    signal: ctx.signal,
  });
  const existing = found.find((item) => item.slug === marker) ?? found[0];
  if (existing) return remember(ctx, figure.mediaId, existing);

  const info = await ctx.mediaInfo(figure.mediaId);
  const bytes = await ctx.readMedia(figure.mediaId);
  const extension = figure.mediaId.slice(figure.mediaId.lastIndexOf('.') + 1);
  const label = info.originalName ? `the photo "${info.originalName}"` : `the photo ${marker}`;
  const form = new FormData();
  form.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: info.mimeType }), `${marker}.${extension}`);
  form.set('slug', marker);
  form.set('title', captionText(figure.caption).slice(0, 200) || info.originalName || marker);
  form.set('caption', wordpressCaption(figure.caption, figure.credit, ctx.article.meta.language));
  form.set('alt_text', figure.alt);
  const uploaded = await client.request<WpMedia>('POST', 'wp/v2/media', {
    body: form,
    purpose: { action: 'upload photos (it needs the upload_files capability, e.g. the Author role)', subject: label },
    signal: ctx.signal,
    timeoutMs: uploadTimeoutMs,
  });
  if (typeof uploaded.id !== 'number') {
    throw new AppError('remote-bad-response', `WordPress accepted ${label} but did not say which media item it became`, { reply: uploaded });
  }
  if (!uploaded.slug.startsWith(marker)) {
    throw new AppError('remote-bad-response', `WordPress answered about the media item "${uploaded.slug}" after Dateline uploaded ${label}; a proxy in between may have mixed up replies. Dateline will look again and retry`, {
      retryable: true,
      mayHaveArrived: true,
    });
  }
  return remember(ctx, figure.mediaId, uploaded);
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
