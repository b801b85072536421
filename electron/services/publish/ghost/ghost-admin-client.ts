// Runs in: services. A small client for Ghost's Admin API: signs every request with a fresh Admin
// API token, puts a deadline on it, reads every body under a cap, and turns every failure (HTTP,
// a web page instead of JSON, network, TLS, timeout, too large) into a specific AppError.
import { AppError } from '../../../../common/app-error';
import { MAX_MEDIA_BYTES } from '../../../../common/contract';
import { bodyExcerpt, looksLikeHtml } from '../http/body-excerpt';
import { exchangeWithDeadline } from '../http/exchange-with-deadline';
import { ERROR_BODY_MAX_BYTES, JSON_BODY_MAX_BYTES, readCappedBody, readCappedText } from '../http/read-capped-body';
import { remoteFailure } from '../http/remote-failure-table';
import { ghostAdminToken, parseGhostAdminKey, type GhostAdminKey } from './ghost-admin-token';
import { ghostHttpError } from './ghost-error';

export type FetchImpl = (input: string, init: RequestInit) => Promise<Response>;

export interface GhostAdminClientOptions {
  siteUrl: string;
  /** The `id:secret` Admin API key; null when none is stored. */
  adminKey: string | null;
  /** How the target is named in messages, e.g. "The Ghost site news.example.com". */
  targetLabel: string;
  fetchImpl?: FetchImpl;
  timeoutMs?: number;
}

export type QueryValue = string | number | boolean;

export interface GhostRequest {
  /** Completes "could not …" in messages, e.g. "create the post". */
  action: string;
  query?: Record<string, QueryValue>;
  json?: unknown;
  form?: FormData;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface GhostSiteInfo {
  title: string;
  version: string;
  url: string;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
/** The Admin API version Dateline speaks. */
const ACCEPT_VERSION = 'v6.0';

export class GhostAdminClient {
  private readonly fetchImpl: FetchImpl;
  private readonly timeoutMs: number;
  private readonly key: GhostAdminKey | null;

  constructor(private readonly options: GhostAdminClientOptions) {
    this.fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.key = options.adminKey === null ? null : parseGhostAdminKey(options.adminKey);
  }

  get targetLabel(): string {
    return this.options.targetLabel;
  }

  /** The address of a path below the site as Ghost itself names it in image URLs (its configured url, which a proxy may hide). */
  async siteUrlOf(path: string, signal?: AbortSignal): Promise<string> {
    const own = (await this.siteInfo(signal)).url || this.options.siteUrl;
    return `${own.trim().replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  }

  /** `<site>/ghost/api/admin/<path>` with the query. */
  apiUrl(path: string, query: Record<string, QueryValue> = {}): string {
    const base = this.options.siteUrl.trim().replace(/\/+$/, '');
    const url = new URL(`${base}/ghost/api/admin/${path.replace(/^\/+/, '')}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, String(value));
    return url.href;
  }

  /** Ghost's public site endpoint (no key needed): proves that a Ghost site answers at the address. */
  async siteInfo(signal?: AbortSignal): Promise<GhostSiteInfo> {
    const url = this.apiUrl('site/');
    const { status, text } = await this.send(url, { method: 'GET', headers: { Accept: 'application/json', 'Accept-Version': ACCEPT_VERSION } }, signal, this.timeoutMs);
    if (status >= 500) throw ghostHttpError(status, text, { url, targetLabel: this.options.targetLabel, action: 'say which site it is' });
    const site = status === 200 ? parseSite(text) : null;
    if (!site) {
      throw new AppError(
        'remote-not-ghost',
        `No Ghost site answers at ${this.options.siteUrl} (Dateline asked ${url} and got ${status === 200 ? 'something else than Ghost’s answer' : `HTTP ${status}`}): check the address, it should be the site's home page`,
        { kind: 'not-ghost', site: this.options.siteUrl },
      );
    }
    return site;
  }

  /**
   * A file the site serves below its address (e.g. `content/images/2026/12/x.jpg`), unsigned, at
   * most MAX_MEDIA_BYTES; null when the site has no such file.
   */
  async siteFile(path: string, signal?: AbortSignal): Promise<Uint8Array | null> {
    const url = `${this.options.siteUrl.trim().replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
    const exchange = { url, targetLabel: this.options.targetLabel, timeoutMs: this.timeoutMs, signal, afterTimeout: 'Dateline will try again' };
    return exchangeWithDeadline(exchange, async (deadline) => {
      const response = await this.fetchImpl(url, { method: 'GET', redirect: 'manual', signal: deadline });
      if (response.status === 404) {
        await response.body?.cancel().catch(() => undefined);
        return null;
      }
      if (response.status !== 200) {
        const text = await readCappedText(response, ERROR_BODY_MAX_BYTES, 'truncate');
        throw ghostHttpError(response.status, text, { url, targetLabel: this.options.targetLabel, action: 'look for a photo it uploaded before' });
      }
      return (await readCappedBody(response, MAX_MEDIA_BYTES)).bytes;
    });
  }

  async request<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, req: GhostRequest): Promise<T> {
    const key = this.requireKey();
    const url = this.apiUrl(path, req.query);
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Version': ACCEPT_VERSION,
      Authorization: `Ghost ${ghostAdminToken(key)}`,
    };
    let body: BodyInit | undefined;
    if (req.json !== undefined) {
      headers['Content-Type'] = 'application/json; charset=utf-8';
      body = JSON.stringify(req.json);
    } else if (req.form) {
      body = req.form;
    }
    const { status, text } = await this.send(url, { method, headers, body }, req.signal, req.timeoutMs ?? this.timeoutMs);
    if (status < 200 || status >= 300) throw ghostHttpError(status, text, { url, targetLabel: this.options.targetLabel, action: req.action });
    if (status === 204 || text.length === 0) return null as T;
    return parseJsonReply<T>(text, url, this.options.targetLabel);
  }

  private requireKey(): GhostAdminKey {
    if (this.options.adminKey === null || this.options.adminKey.trim() === '') {
      throw new AppError('remote-auth', `No Admin API key is saved for ${this.options.targetLabel}: add a custom integration in Ghost's Settings → Integrations and save its Admin API key with this target`, {
        kind: 'ghost-key-missing',
        site: this.options.siteUrl,
      });
    }
    if (!this.key) {
      throw new AppError(
        'remote-auth',
        `The Admin API key saved for ${this.options.targetLabel} is not shaped like one (an id, a colon, then the secret, as Ghost shows it under Settings → Integrations): copy it again`,
        { kind: 'ghost-key-malformed', site: this.options.siteUrl },
      );
    }
    return this.key;
  }

  /**
   * One HTTP exchange under a deadline; the body is read inside it, under a cap: a 2xx answer above
   * JSON_BODY_MAX_BYTES fails as too large, an error answer is cut at ERROR_BODY_MAX_BYTES.
   */
  private async send(url: string, init: RequestInit, signal: AbortSignal | undefined, timeoutMs: number): Promise<{ status: number; text: string }> {
    const exchange = { url, targetLabel: this.options.targetLabel, timeoutMs, signal, afterTimeout: 'Dateline will check whether it arrived and try again' };
    return exchangeWithDeadline(exchange, async (deadline) => {
      // Redirects are not followed: a signed request must not travel on to another address.
      const response = await this.fetchImpl(url, { ...init, redirect: 'manual', signal: deadline });
      const ok = response.status >= 200 && response.status <= 299;
      const text = await readCappedText(response, ok ? JSON_BODY_MAX_BYTES : ERROR_BODY_MAX_BYTES, ok ? 'fail' : 'truncate');
      return { status: response.status, text };
    });
  }
}

function parseSite(text: string): GhostSiteInfo | null {
  try {
    const json: unknown = JSON.parse(text);
    const site: unknown = typeof json === 'object' && json !== null ? (json as { site?: unknown }).site : null;
    if (typeof site !== 'object' || site === null) return null;
    const { title, version, url } = site as { title?: unknown; version?: unknown; url?: unknown };
    if (typeof version !== 'string' || version.length === 0) return null;
    return { title: typeof title === 'string' ? title : '', version, url: typeof url === 'string' ? url : '' };
  } catch {
    return null;
  }
}

function parseJsonReply<T>(text: string, url: string, targetLabel: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    if (looksLikeHtml(text)) {
      const page = bodyExcerpt(text);
      throw remoteFailure('html-instead-of-json', `${targetLabel} answered with ${page} where Ghost's Admin API should answer with JSON (${url}): a proxy or a maintenance page may be in the way`, {
        url,
        bodySnippet: page,
      });
    }
    throw remoteFailure('bad-json', `${targetLabel} sent a reply that is not valid JSON (${url}); it may have been cut off`, { url, bodySnippet: bodyExcerpt(text) });
  }
}
