// Runs in: services. A small WordPress REST client: finds the REST root from the site address,
// authenticates with an application password, puts a timeout on every request and turns every
// failure (HTTP, HTML instead of JSON, network, TLS, timeout) into a specific AppError.
import { AppError } from '../../../common/app-error';
import { bodyExcerpt, looksLikeHtml } from '../publish/http/body-excerpt';
import { exchangeWithDeadline } from '../publish/http/exchange-with-deadline';
import { ERROR_BODY_MAX_BYTES, JSON_BODY_MAX_BYTES, readCappedText } from '../publish/http/read-capped-body';
import { remoteFailure } from '../publish/http/remote-failure-table';
import { rebaseOnto, restRootFromLinkHeader, restUrl, siteBase, type QueryValue } from './rest-url';
import { wordpressHttpError, type RequestPurpose } from './wordpress-error';

export type FetchImpl = (input: string, init: RequestInit) => Promise<Response>;

export interface WordPressClientOptions {
  siteUrl: string;
  username: string;
  password: string | null;
  /** How the target is named in messages, e.g. "Newsroom WordPress (https://news.example.com)". */
  targetLabel: string;
  fetchImpl?: FetchImpl;
  timeoutMs?: number;
}

export interface RequestOptions {
  purpose: RequestPurpose;
  query?: Record<string, QueryValue>;
  json?: unknown;
  body?: Uint8Array | FormData;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Longer than the default for uploads of big photos. */
  timeoutMs?: number;
}

export interface RestIndex {
  root: string;
  name: string;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export class WordPressClient {
  /** The account's role once known, for 403 messages. */
  role: string | null = null;
  private discovery: Promise<RestIndex> | null = null;
  /** How requests are sent (downloads of the site's photos go the same way). */
  readonly fetchImpl: FetchImpl;
  private readonly timeoutMs: number;

  constructor(private readonly options: WordPressClientOptions) {
    this.fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  get siteUrl(): string {
    return this.options.siteUrl;
  }

  get targetLabel(): string {
    return this.options.targetLabel;
  }

  /** Finds (once) where the REST API lives: Link header first, then /wp-json/, then ?rest_route=/. */
  discover(signal?: AbortSignal): Promise<RestIndex> {
    if (!this.discovery) {
      this.discovery = this.findRestRoot(signal);
      this.discovery.catch(() => {
        this.discovery = null;
      });
    }
    return this.discovery;
  }

  async request<T>(method: 'GET' | 'POST' | 'DELETE', route: string, opts: RequestOptions): Promise<T> {
    if (this.options.password === null || this.options.password.length === 0) {
      throw new AppError(
        'remote-auth',
        `No application password is saved for ${this.options.username} on ${this.options.targetLabel}: create one in WordPress under Users → Profile → Application Passwords and add it to this target in Settings`,
        { kind: 'no-password', target: this.options.siteUrl },
      );
    }
    const { root } = await this.discover(opts.signal);
    const url = restUrl(root, route, opts.query);
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: `Basic ${Buffer.from(`${this.options.username}:${this.options.password}`).toString('base64')}`,
      ...opts.headers,
    };
    let body: BodyInit | undefined;
    if (opts.json !== undefined) {
      headers['Content-Type'] = 'application/json; charset=utf-8';
      body = JSON.stringify(opts.json);
    } else if (opts.body instanceof FormData) {
      body = opts.body;
    } else if (opts.body) {
      body = new Blob([opts.body as Uint8Array<ArrayBuffer>]);
    }
    const { status, text } = await this.send(url, { method, headers, body }, opts.signal, opts.timeoutMs);
    if (status < 200 || status >= 300) {
      throw wordpressHttpError(status, text, opts.purpose, {
        url,
        targetLabel: this.options.targetLabel,
        username: this.options.username,
        role: this.role,
      });
    }
    return parseJsonReply<T>(text, url, this.options.targetLabel);
  }

  private async findRestRoot(signal?: AbortSignal): Promise<RestIndex> {
    const base = siteBase(this.options.siteUrl);
    // Only the home page's status and Link header count: its body is not read.
    const home = await this.send(this.options.siteUrl, { method: 'GET', headers: { Accept: 'text/html,application/json' } }, signal, this.timeoutMs, false);
    const candidates: string[] = [];
    const announced = restRootFromLinkHeader(home.link);
    if (announced) candidates.push(rebaseOnto(new URL(announced, home.finalUrl).href, this.options.siteUrl));
    candidates.push(`${base}/wp-json/`, `${base}/?rest_route=/`);
    // "Not WordPress" is a verdict only when every candidate answered cleanly; a dropped connection,
    // a timeout or a 5xx on the way means "try again later", never a permanent failure.
    let transient: unknown = null;
    for (const candidate of [...new Set(candidates)]) {
      const index = await this.send(candidate, { method: 'GET', headers: { Accept: 'application/json' } }, signal).catch((error: unknown) => {
        if (signal?.aborted) throw error;
        transient ??= error;
        return null;
      });
      if (index && index.status >= 500) {
        transient ??= remoteFailure('http-5xx', `${this.options.targetLabel} answered HTTP ${index.status} at ${candidate} while Dateline looked for its REST API; Dateline will try again`, {
          url: candidate,
          status: index.status,
        });
      }
      if (!index || index.status !== 200) continue;
      const parsed = parseRestIndex(index.text);
      if (parsed) return { root: candidate, name: parsed.name };
    }
    if (transient) throw transient;
    throw new AppError(
      'remote-not-wordpress',
      `No WordPress site answers at ${this.options.siteUrl}: check the address (it should be the site's home page) and that the site's REST API is switched on`,
      { kind: 'not-wordpress', site: this.options.siteUrl },
    );
  }

  /**
   * One HTTP exchange with a timeout; the body is read inside the timeout too (a reply can die
   * halfway), streamed under a cap: a 2xx answer above JSON_BODY_MAX_BYTES fails as too large, an
   * error answer is cut at ERROR_BODY_MAX_BYTES (only its start is ever quoted).
   */
  private async send(
    url: string,
    init: RequestInit,
    signal?: AbortSignal,
    timeoutMs = this.timeoutMs,
    readBody = true,
  ): Promise<{ status: number; text: string; link: string | null; finalUrl: string }> {
    const exchange = { url, targetLabel: this.options.targetLabel, timeoutMs, signal, afterTimeout: 'Dateline will try again' };
    return exchangeWithDeadline(exchange, async (deadline) => {
      const response = await this.fetchImpl(url, { ...init, redirect: 'follow', signal: deadline });
      const ok = response.status >= 200 && response.status <= 299;
      let text = '';
      if (!readBody) await response.body?.cancel().catch(() => undefined);
      else text = await readCappedText(response, ok ? JSON_BODY_MAX_BYTES : ERROR_BODY_MAX_BYTES, ok ? 'fail' : 'truncate');
      return { status: response.status, text, link: response.headers.get('link'), finalUrl: response.url || url };
    });
  }
}

function parseRestIndex(text: string): { name: string } | null {
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json !== 'object' || json === null) return null;
    const { namespaces, name } = json as { namespaces?: unknown; name?: unknown };
    if (!Array.isArray(namespaces) || !namespaces.includes('wp/v2')) return null;
    return { name: typeof name === 'string' ? name : '' };
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
      throw remoteFailure(
        'html-instead-of-json',
        `${targetLabel} answered with ${page} where WordPress's REST API should answer with JSON (${url}): a security plugin, a maintenance page or a proxy may be in the way`,
        { url, bodySnippet: page },
      );
    }
    throw remoteFailure('bad-json', `${targetLabel} sent a reply that is not valid JSON (${url}); it may have been cut off`, { url, bodySnippet: bodyExcerpt(text) });
  }
}
