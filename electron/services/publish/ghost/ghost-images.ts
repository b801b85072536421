// Runs in: services. Puts an article's photos on a Ghost site once per target: a photo the media
// registry remembers is reused; anything else is uploaded under an ASCII name made from its content
// hash (Ghost mangles other names), with the media id as `ref`, so a reply about another upload is
// never taken for this one.
import { AppError } from '../../../../common/app-error';
import { articleFigures, type NumberedFigure } from '../../../../common/publish/article-figures';
import type { PublishContext, RemoteMedia } from '../publish-target';
import type { GhostAdminClient } from './ghost-admin-client';

interface GhostImageReply {
  images?: { url?: unknown; ref?: unknown }[];
}

/** The file name a photo is uploaded under: `dateline-<first 16 hex of its sha256>.<ext>`. */
export function ghostImageName(mediaId: string): string {
  return `dateline-${mediaId.slice(0, 16)}${mediaId.slice(mediaId.lastIndexOf('.'))}`;
}

/** The first figure for each distinct photo, in reading order. */
function distinctFigures(ctx: PublishContext): NumberedFigure[] {
  const seen = new Map<string, NumberedFigure>();
  for (const figure of articleFigures(ctx.article)) if (!seen.has(figure.mediaId)) seen.set(figure.mediaId, figure);
  return [...seen.values()];
}

export async function uploadGhostImages(client: GhostAdminClient, ctx: PublishContext, uploadTimeoutMs: number): Promise<Map<string, RemoteMedia>> {
  const figures = distinctFigures(ctx);
  const done = new Map<string, RemoteMedia>();
  ctx.reportProgress({ step: 'upload-media', mediaDone: 0, mediaTotal: figures.length });
  for (const figure of figures) {
    const known = await ctx.mediaRegistry.get(figure.mediaId);
    done.set(figure.mediaId, known ?? (await upload(client, ctx, figure, uploadTimeoutMs)));
    ctx.reportProgress({ step: 'upload-media', mediaDone: done.size, mediaTotal: figures.length });
  }
  return done;
}

async function upload(client: GhostAdminClient, ctx: PublishContext, figure: NumberedFigure, uploadTimeoutMs: number): Promise<RemoteMedia> {
  const info = await ctx.mediaInfo(figure.mediaId);
  const bytes = await ctx.readMedia(figure.mediaId);
  const name = ghostImageName(figure.mediaId);
  const form = new FormData();
  form.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: info.mimeType }), name);
  form.set('purpose', 'image');
  form.set('ref', figure.mediaId);
  const label = info.originalName ? `the photo "${info.originalName}"` : `photo ${figure.number}`;
  const reply = await client.request<GhostImageReply>('POST', 'images/upload/', { form, action: `upload ${label}`, signal: ctx.signal, timeoutMs: uploadTimeoutMs });
  const image = reply?.images?.[0];
  if (!image || typeof image.url !== 'string' || image.url.length === 0) {
    throw new AppError('remote-bad-response', `Ghost accepted ${label} but did not say where it put it`, { reply });
  }
  if (image.ref !== figure.mediaId) {
    throw new AppError('remote-bad-response', `Ghost answered about another upload after Dateline sent ${label}; a proxy in between may have mixed up replies. Dateline will retry`, {
      retryable: true,
      mayHaveArrived: true,
    });
  }
  const remote: RemoteMedia = { remoteId: image.url, url: image.url };
  await ctx.mediaRegistry.set(figure.mediaId, remote);
  return remote;
}
