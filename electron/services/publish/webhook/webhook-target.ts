// Runs in: services. Publishes an article by POSTing it as IPTC ninjs 2.2 to a newsroom's webhook,
// signed (see webhook-signature.ts) and with the job id as Idempotency-Key, so a receiver can drop
// the repeats that retries after a lost reply produce. The payload is JSON:
//   { "ninjs": {...}, "media": [{ "name", "fileName", "mimeType", "base64" }] }
// where `media` is present only when photos go inline: `name` is the ninjs association name
// ("featureimage", "picture1"...), and `fileName` is the <img src> the HTML body uses.
// In "urls" mode photos are not sent: renditions point at `${mediaBaseUrl}/${mediaId}`.
// A receiver answers 2xx, optionally with JSON { "url": "https://..." } naming the live page.
// What the receiver already holds is not sent again: the same document (leaving out its time) to the
// same address with the same status ends the job as unchanged.
import { withDeadline } from '../http/with-deadline';
import { createHash } from 'node:crypto';
import { AppError } from '../../../../common/app-error';
import { remoteFailure } from '../http/remote-failure-table';
import { ninjsArticleUri, ninjsPublishStatus } from '../../../../common/publish/ninjs-publish-status';
import type { PublicationRecord } from '../../../../common/publish/publish-job';
import type { ConnectionReport, WebhookTargetConfig } from '../../../../common/publish/publish-target-config';
import { articleToNinjs, pictureAssociationNames, type NinjsDocument, type NinjsMediaInput } from '../../../../common/serialize/article-to-ninjs';
import { figureMediaIds } from '../../../../common/serialize/figure-attrs';
import { classifyHttpStatus, classifyNetworkError, isRetryableRemoteError } from '../http/classify-http-failure';
import { ERROR_BODY_MAX_BYTES, readCappedText } from '../http/read-capped-body';
import { alreadyOnTarget, type PublishContext, type PublishTarget, type UnchangedOnTarget } from '../publish-target';
import { EVENT_HEADER, IDEMPOTENCY_HEADER, signWebhookBody, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './webhook-signature';

export interface WebhookMedia {
  name: string;
  fileName: string;
  mimeType: string;
  base64: string;
}

export interface WebhookPayload {
  ninjs: NinjsDocument;
  media?: WebhookMedia[];
}

export interface WebhookTargetOptions {
  config: WebhookTargetConfig;
  /** The signing key from the keychain; null when none is stored. */
  secret: string | null;
  fetchImpl?: typeof fetch;
  /** Tries per publish call before handing the job back to the outbox. @default 4 */
  maxAttempts?: number;
  /** First backoff step; doubles each retry, with jitter. @default 500 */
  retryBaseMs?: number;
  now?: () => Date;
}

const MAX_BACKOFF_MS = 8_000;
// A receiver asking for a longer pause is better served by the outbox's own later retry.
const MAX_RETRY_AFTER_MS = 30_000;
const LABEL = 'The webhook receiver';
/** What is read of a receiver's answer: `{ "url": … }` fits many times over. */
const REPLY_MAX_BYTES = ERROR_BODY_MAX_BYTES;

export class WebhookTarget implements PublishTarget {
  readonly config: WebhookTargetConfig;
  private readonly secret: string | null;
  private readonly fetchImpl: typeof fetch;
  private readonly maxAttempts: number;
  private readonly retryBaseMs: number;
  private readonly now: () => Date;

  constructor(options: WebhookTargetOptions) {
    this.config = options.config;
    this.secret = options.secret;
    this.fetchImpl = options.fetchImpl ?? fetch;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 4);
    this.retryBaseMs = Math.max(0, options.retryBaseMs ?? 500);
    this.now = options.now ?? (() => new Date());
  }

  async testConnection(signal?: AbortSignal): Promise<ConnectionReport> {
    const secret = this.requireSecret();
    await this.post(JSON.stringify({ ping: true }), { event: 'ping', secret, signal: signal ?? new AbortController().signal, idempotencyKey: null });
    const host = new URL(this.config.url).host;
    return {
      ok: true,
      siteName: host,
      account: '',
      roles: [],
      allowedStatuses: ['published', 'draft', 'submitted', 'scheduled'],
      canUploadMedia: true,
      canCreateTags: true,
      canCreateCategories: true,
      notes: [
        `${host} accepted a signed test message.`,
        this.config.mediaMode === 'inline' ? 'Photos are sent inside each message.' : `Photos are referenced at ${this.config.mediaBaseUrl || '(no media address set)'}.`,
      ],
    };
  }

  async publish(ctx: PublishContext): Promise<PublicationRecord | UnchangedOnTarget> {
    const secret = this.requireSecret();
    const { article } = ctx;
    const mediaIds = figureMediaIds(article.body);
    ctx.reportProgress({ step: 'prepare', mediaDone: 0, mediaTotal: mediaIds.length });
    // The first attempt's time is kept, so every retry of this job sends the same document.
    let versionCreated = typeof ctx.checkpoint.versionCreated === 'string' ? ctx.checkpoint.versionCreated : '';
    if (!versionCreated) {
      versionCreated = this.now().toISOString();
      await ctx.saveCheckpoint({ ...ctx.checkpoint, versionCreated });
    }

    const { inputs, inline } = await this.collectMedia(ctx, mediaIds);
    const status = ninjsPublishStatus(ctx.options);
    const payloadAt = (at: string): WebhookPayload => {
      const ninjs = articleToNinjs(article, {
        uri: ninjsArticleUri(article.id),
        versionCreated: at,
        firstCreated: article.createdAt,
        media: inputs,
        pubStatus: status.pubStatus,
        ...(status.embargoed ? { embargoed: status.embargoed } : {}),
      });
      return inline ? { ninjs, media: inline } : { ninjs };
    };
    // What is sent, and where, without the time it is sent at: the same story twice hashes the same.
    const contentHash = createHash('sha256')
      .update(JSON.stringify({ to: this.config.url, payload: payloadAt('') }))
      .digest('hex');
    if (ctx.previous && alreadyOnTarget(ctx, contentHash)) {
      ctx.reportProgress({ step: 'done', mediaDone: mediaIds.length, mediaTotal: mediaIds.length });
      return { unchanged: ctx.previous };
    }
    const body = JSON.stringify(payloadAt(versionCreated));
    ctx.reportProgress({ step: 'create-post', mediaDone: mediaIds.length, mediaTotal: mediaIds.length });

    const response = await this.post(body, { event: 'publish', secret, signal: ctx.signal, idempotencyKey: ctx.jobId });
    ctx.reportProgress({ step: 'done', mediaDone: mediaIds.length, mediaTotal: mediaIds.length });
    return {
      targetId: this.config.id,
      targetKind: 'webhook',
      remoteId: ctx.jobId,
      url: liveUrlFrom(response.text),
      status: ctx.options.status,
      contentHash,
      remoteModified: this.now().toISOString(),
      publishedAt: this.now().toISOString(),
      articleRevision: article.revision,
    };
  }

  private requireSecret(): string {
    if (!this.secret) throw new AppError('secrets-unavailable', `Set the signing key for the webhook “${this.config.name}” in Settings`, { kind: 'signing-key-missing', target: this.config.name });
    return this.secret;
  }

  private async collectMedia(ctx: PublishContext, mediaIds: string[]): Promise<{ inputs: NinjsMediaInput[]; inline: WebhookMedia[] | null }> {
    const names = pictureAssociationNames(ctx.article);
    const base = this.config.mediaBaseUrl.trim().replace(/\/+$/, '');
    if (this.config.mediaMode === 'urls' && !/^https?:\/\/[^/]/i.test(base)) {
      throw new AppError(
        'invalid-input',
        `The webhook “${this.config.name}” sends photos as addresses but has no media address (an http:// or https:// URL) set. Set it in Settings, or switch to sending photos inline.`,
        { kind: 'webhook-media-address', target: this.config.name },
      );
    }
    const inputs: NinjsMediaInput[] = [];
    const inline: WebhookMedia[] = [];
    for (const [index, mediaId] of mediaIds.entries()) {
      ctx.signal.throwIfAborted();
      const info = await ctx.mediaInfo(mediaId);
      const input: NinjsMediaInput = { mediaId, mimeType: info.mimeType, width: info.width, height: info.height, bytes: info.bytes };
      if (this.config.mediaMode === 'urls') {
        input.href = `${base}/${mediaId}`;
      } else {
        const bytes = await ctx.readMedia(mediaId);
        inline.push({ name: names.get(mediaId) ?? mediaId, fileName: mediaId, mimeType: info.mimeType, base64: Buffer.from(bytes).toString('base64') });
      }
      inputs.push(input);
      ctx.reportProgress({ step: 'upload-media', mediaDone: index + 1, mediaTotal: mediaIds.length });
    }
    return { inputs, inline: this.config.mediaMode === 'inline' ? inline : null };
  }

  /** POSTs `body`, retrying what the failure table says may pass (5xx, 408, 429, timeouts, connection failures) with backoff; throws the last failure as AppError. */
  private async post(
    body: string,
    opts: { event: 'publish' | 'ping'; secret: string; signal: AbortSignal; idempotencyKey: string | null },
  ): Promise<{ status: number; text: string }> {
    const url = this.config.url;
    let lastError: AppError | null = null;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      opts.signal.throwIfAborted();
      let waitMs = this.backoff(attempt);
      try {
        const timestamp = Math.floor(this.now().getTime() / 1000);
        const headers: Record<string, string> = {
          'Content-Type': 'application/json',
          [EVENT_HEADER]: opts.event,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhookBody(body, opts.secret, timestamp),
          'User-Agent': 'Dateline',
        };
        if (opts.idempotencyKey) headers[IDEMPOTENCY_HEADER] = opts.idempotencyKey;
        const { response, text } = await withDeadline(this.config.timeoutMs, opts.signal, async ({ signal }) => {
          const reply = await this.fetchImpl(url, { method: 'POST', headers, body, signal, redirect: 'manual' });
          // Only the start of any answer is used (the live URL, or the error's first words): the
          // rest is not read, so a receiver cannot make Dateline buffer an endless reply.
          return { response: reply, text: await readCappedText(reply, REPLY_MAX_BYTES, 'truncate') };
        });
        if (response.ok) return { status: response.status, text };
        lastError = classifyHttpStatus(response.status, { url, bodySnippet: text, targetLabel: LABEL });
        if (!isRetryableRemoteError(lastError)) throw lastError;
        const retryAfter = retryAfterMs(response.headers.get('retry-after'), this.now().getTime());
        if (retryAfter !== null) waitMs = retryAfter;
      } catch (error) {
        if (opts.signal.aborted) throw opts.signal.reason;
        if (error === lastError) throw error;
        lastError = classifyNetworkError(error, { url, targetLabel: LABEL });
        if (!isRetryableRemoteError(lastError)) throw lastError;
      }
      if (attempt < this.maxAttempts) await sleep(waitMs, opts.signal);
    }
    throw lastError ?? remoteFailure('network-other', `Could not reach ${url}`, { url });
  }

  /** Exponential backoff with full jitter: a random wait up to base * 2^(attempt-1), capped. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(MAX_BACKOFF_MS, this.retryBaseMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
  }
}

/** Retry-After as seconds or an HTTP date, in ms, capped; null when absent or unreadable. */
export function retryAfterMs(value: string | null, nowMs: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - nowMs;
  if (Number.isNaN(ms)) return null;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}

/** The live page the receiver names in its JSON reply, if it names an http(s) one. */
function liveUrlFrom(text: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    const url = typeof parsed === 'object' && parsed !== null ? (parsed as { url?: unknown }).url : undefined;
    if (typeof url === 'string' && /^https?:\/\/[^/\s]/i.test(url)) return url;
  } catch {
    // Not JSON: the receiver named no page.
  }
  return '';
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
