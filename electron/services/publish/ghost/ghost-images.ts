// Runs in: services. Puts an article's photos on a Ghost site once per target: a photo the media
// registry remembers is reused; anything else is uploaded under an ASCII name made from its content
// hash (Ghost mangles other names), with the media id as `ref`, so a reply about another upload is
// never taken for this one. Ghost has no media library to search, but it files an upload under
// `content/images/<year>/<month>/<name>` (adding "-1"… to a taken name): after an upload whose reply
// was lost, the retry looks there first and reuses a file whose bytes are the photo.
import { AppError } from '../../../../common/app-error';
import { articleFigures, type NumberedFigure } from '../../../../common/publish/article-figures';
import { hashMatches } from '../../media/photo-hash';
import type { PublishContext, RemoteMedia } from '../publish-target';
import type { GhostAdminClient } from './ghost-admin-client';

interface GhostImageReply {
  images?: { url?: unknown; ref?: unknown }[];
}

/** Names Ghost may have given copies of one upload name: the name, then "-1", "-2". */
const NAME_COPIES = 3;

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

export interface GhostUploadState {
  /** Photos whose upload was sent by an earlier attempt of this job (its reply may have been lost). */
  sent: readonly string[];
  /** Persists that an upload is about to be sent, before it is. */
  markSent(mediaId: string): Promise<void>;
}

export async function uploadGhostImages(client: GhostAdminClient, ctx: PublishContext, state: GhostUploadState, uploadTimeoutMs: number): Promise<Map<string, RemoteMedia>> {
  const figures = distinctFigures(ctx);
  const done = new Map<string, RemoteMedia>();
  ctx.reportProgress({ step: 'upload-media', mediaDone: 0, mediaTotal: figures.length });
  for (const figure of figures) {
    const known = await ctx.mediaRegistry.get(figure.mediaId);
    const found = known ?? (state.sent.includes(figure.mediaId) ? await earlierUpload(client, ctx, figure.mediaId) : null);
    if (found && !known) await ctx.mediaRegistry.set(figure.mediaId, found);
    done.set(figure.mediaId, found ?? (await upload(client, ctx, state, figure, uploadTimeoutMs)));
    ctx.reportProgress({ step: 'upload-media', mediaDone: done.size, mediaTotal: figures.length });
  }
  return done;
}

/** Where Ghost filed an upload sent this month or last month (a job may span the turn of a month). */
function candidatePaths(mediaId: string, now: Date): string[] {
  const name = ghostImageName(mediaId);
  const dot = name.lastIndexOf('.');
  const names = [name, ...Array.from({ length: NAME_COPIES - 1 }, (_, i) => `${name.slice(0, dot)}-${i + 1}${name.slice(dot)}`)];
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const folders = [now, lastMonth].map((d) => `content/images/${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  return folders.flatMap((folder) => names.map((n) => `${folder}/${n}`));
}

async function earlierUpload(client: GhostAdminClient, ctx: PublishContext, mediaId: string): Promise<RemoteMedia | null> {
  for (const path of candidatePaths(mediaId, new Date())) {
    const bytes = await client.siteFile(path, ctx.signal);
    if (bytes && hashMatches(mediaId, bytes)) {
      const url = await client.siteUrlOf(path, ctx.signal);
      return { remoteId: url, url };
    }
  }
  return null;
}

async function upload(client: GhostAdminClient, ctx: PublishContext, state: GhostUploadState, figure: NumberedFigure, uploadTimeoutMs: number): Promise<RemoteMedia> {
  const info = await ctx.mediaInfo(figure.mediaId);
  const bytes = await ctx.readMedia(figure.mediaId);
  const name = ghostImageName(figure.mediaId);
  const form = new FormData();
  form.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: info.mimeType }), name);
  form.set('purpose', 'image');
  form.set('ref', figure.mediaId);
  const label = info.originalName ? `the photo "${info.originalName}"` : `photo ${figure.number}`;
  await state.markSent(figure.mediaId);
  const reply = await client.request<GhostImageReply>('POST', 'images/upload/', { form, action: `upload ${label}`, signal: ctx.signal, timeoutMs: uploadTimeoutMs });
  const image = reply?.images?.[0];
  if (!image || typeof image.url !== 'string' || image.url.length === 0) {
    throw new AppError('remote-bad-response', `Ghost accepted ${label} but did not say where it put it`, { kind: 'upload-no-address', site: client.targetLabel });
  }
  if (image.ref !== figure.mediaId) {
    throw new AppError('remote-bad-response', `Ghost answered about another upload after Dateline sent ${label}; a proxy in between may have mixed up replies. Dateline will retry`, {
      kind: 'answer-mixed-up',
      retryable: true,
      mayHaveArrived: true,
    });
  }
  const remote: RemoteMedia = { remoteId: image.url, url: image.url };
  await ctx.mediaRegistry.set(figure.mediaId, remote);
  return remote;
}
