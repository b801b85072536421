// Runs in: services. Downloads a photo of a WordPress site (for a review hub, or for publishing to
// check a copy before reusing it), and only from where that site keeps its photos: the site's own
// origin, plus the origins the newsroom lists in the target's settings (a CDN). Addresses that the
// REST API, a post or a review package name elsewhere are never followed, so a writer cannot make
// the reviewing machine fetch addresses on its own network. A listed origin whose name leads to
// this computer or a private network is refused too, unless the site itself is at that address.
// Redirects are followed by hand, each hop checked the same way; the reply is streamed and cut off
// above the library's limit.
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { AppError, isAppError } from '../../../common/app-error';
import { MAX_MEDIA_BYTES } from '../../../common/contract';
import { classifyHttpStatus, classifyNetworkError } from '../publish/http/classify-http-failure';
import { isPrivateAddress } from '../publish/http/private-address';
import { hostOf, remoteFailure } from '../publish/http/remote-failure-table';
import { sniffImageType } from '../media/sniff-image-type';
import { BodyTooLargeError, ERROR_BODY_MAX_BYTES, readCappedBody, readCappedText } from '../publish/http/read-capped-body';
import { withDeadline } from '../publish/http/with-deadline';
import type { FetchImpl } from './wordpress-client';

const MAX_REDIRECTS = 5;

/** The addresses a host name resolves to. */
export type HostLookup = (hostname: string) => Promise<string[]>;

const systemLookup: HostLookup = async (hostname) => (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

export interface PhotoOriginsOptions {
  /** Origins the newsroom listed for the target (WordpressTargetConfig.mediaOrigins). */
  mediaOrigins?: readonly string[];
  /** @default the system resolver */
  lookup?: HostLookup;
}

/** Where photos are downloaded from: the site's origin and the origins the newsroom listed. */
export class PhotoOrigins {
  private readonly site: string | null;
  private readonly origins = new Set<string>();
  private readonly lookup: HostLookup;
  private siteAddresses: Promise<string[]> | null = null;

  constructor(siteUrl: string, options: PhotoOriginsOptions = {}) {
    this.site = originOf(siteUrl);
    if (this.site) this.origins.add(this.site);
    for (const listed of options.mediaOrigins ?? []) {
      const origin = originOf(listed);
      if (origin) this.origins.add(origin);
    }
    this.lookup = options.lookup ?? systemLookup;
  }

  allows(url: string): boolean {
    const origin = originOf(url);
    return origin !== null && this.origins.has(origin);
  }

  /**
   * The loopback or private address a listed origin's host leads to, or null when it leads only to
   * public ones (or to where the site itself is). The site's own origin is not checked: it is where
   * the site is. Lookup failures are thrown as the network errors they are.
   */
  async privateAddressOf(url: URL): Promise<string | null> {
    if (url.origin === this.site) return null;
    const addresses = await this.addressesOf(url.hostname);
    const own = await this.ownAddresses();
    return addresses.find((address) => isPrivateAddress(address) && !own.includes(address)) ?? null;
  }

  /** For messages: "news.example.com" or "news.example.com or cdn.example.net". */
  describe(): string {
    return [...this.origins].map((o) => new URL(o).host).join(' or ');
  }

  private addressesOf(hostname: string): Promise<string[]> {
    const host = hostname.replace(/^\[|\]$/g, '');
    return isIP(host) ? Promise.resolve([host]) : this.lookup(host);
  }

  /** Where the site itself is; none when its name does not resolve (then no private address is its own). */
  private ownAddresses(): Promise<string[]> {
    this.siteAddresses ??= this.site ? this.addressesOf(new URL(this.site).hostname).catch(() => []) : Promise.resolve([]);
    return this.siteAddresses;
  }
}

export interface DownloadOptions {
  fetchImpl?: FetchImpl;
  timeoutMs: number;
  /** Names the site in messages. */
  targetLabel: string;
  origins: PhotoOrigins;
  /** The photo in messages, e.g. 'Photo 2 (“Flooded street”, 3f9a….jpg)'. */
  what: string;
  /** @default MAX_MEDIA_BYTES */
  maxBytes?: number;
  /** Stops the download (a cancelled publishing job). */
  signal?: AbortSignal;
}

/** Where WordPress keeps an attachment's uploaded bytes: it serves a scaled copy of photos above 2560 px and names the original in media_details. */
export function originalImageUrl(item: { source_url: string; media_details?: { original_image?: string } }): string {
  const original = item.media_details?.original_image;
  return original && !/[/\\]/.test(original) ? item.source_url.replace(/[^/]*$/, encodeURIComponent(original)) : item.source_url;
}

/** Whether a download got a web page where the photo should be (a login page, a portal). */
export function isWebPageInstead(error: unknown): boolean {
  return isAppError(error) && (error.details as { webPage?: unknown } | undefined)?.webPage === true;
}

/** Whether an error is the refusal to download from outside the site (the photo is left out, not fatal). */
export function isOutsideSite(error: unknown): boolean {
  return isAppError(error) && (error.details as { outsideSite?: unknown } | undefined)?.outsideSite === true;
}

/** The bytes of a photo at an address of the site, with the same errors publishing gives for every failure. */
export async function downloadPhoto(url: string, options: DownloadOptions): Promise<Uint8Array> {
  const max = options.maxBytes ?? MAX_MEDIA_BYTES;
  let current = checkedUrl(url, options);
  const fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));
  let timedOut = () => false;
  try {
    return await withDeadline(options.timeoutMs, options.signal, async (deadline) => {
      timedOut = deadline.timedOut;
      for (let hop = 0; ; hop++) {
        await checkAddress(current, options);
        const response = await fetchImpl(current.href, { method: 'GET', redirect: 'manual', signal: deadline.signal, headers: { Accept: 'image/*' } });
        if (response.status >= 300 && response.status < 400 && response.status !== 304) {
          await response.body?.cancel().catch(() => undefined);
          const location = response.headers.get('location');
          if (!location) {
            throw new AppError('remote-bad-response', `${options.targetLabel} redirected the download of ${options.what} (${current.href}) without saying where to`, { kind: 'download-redirect', host: current.host });
          }
          if (hop >= MAX_REDIRECTS) {
            throw new AppError('remote-bad-response', `${options.targetLabel} redirected the download of ${options.what} more than ${MAX_REDIRECTS} times (${url.slice(0, 200)})`, { kind: 'download-redirect', host: hostOf(url) });
          }
          current = checkedUrl(new URL(location, current).href, options);
          continue;
        }
        if (!response.ok) {
          const text = await readCappedText(response, ERROR_BODY_MAX_BYTES, 'truncate').catch(() => '');
          throw classifyHttpStatus(response.status, { url: current.href, bodySnippet: text, targetLabel: options.targetLabel });
        }
        const bytes = await readCapped(response, current.href, max, options);
        // A login page, a captive portal or a maintenance page answering 200 is not the photo, and
        // must not pass for a changed one (that would upload it again, or call the hub's copy damaged).
        const type = response.headers.get('content-type') ?? '';
        if (sniffImageType(bytes) === null && (/html/i.test(type) || /^\s*</.test(new TextDecoder().decode(bytes.subarray(0, 64))))) {
          throw new AppError(
            'remote-bad-response',
            `${options.targetLabel} answered with a web page instead of a photo when Dateline downloaded ${options.what} (${current.href}): a login page, a proxy or a maintenance page may be in the way. Dateline will try again`,
            { kind: 'download-page', host: current.host, retryable: true, webPage: true },
          );
        }
        return bytes;
      }
    });
  } catch (error) {
    if (isAppError(error)) throw error;
    if (timedOut()) {
      throw remoteFailure('timeout', `${options.targetLabel} did not send ${options.what} (${current.href}) within ${Math.round(options.timeoutMs / 1000)} s; try again`, { url: current.href });
    }
    throw classifyNetworkError(error, { url: current.href, targetLabel: options.targetLabel });
  }
}

/** Refuses a hop whose host leads to this computer or a private network (the site's own address aside). */
async function checkAddress(url: URL, options: DownloadOptions): Promise<void> {
  const address = await options.origins.privateAddressOf(url);
  if (address === null) return;
  throw new AppError(
    'remote-bad-response',
    `${options.what} is at ${url.host}, which leads to ${address}, an address on this computer or a private network, so Dateline did not download it (${url.href.slice(0, 200)})`,
    { kind: 'download-private-address', host: url.host, outsideSite: true },
  );
}

function checkedUrl(url: string, options: DownloadOptions): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError('remote-bad-response', `${options.targetLabel} gave an address for ${options.what} that is not a web address (${url.slice(0, 200)})`, { kind: 'download-bad-address' });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new AppError('remote-bad-response', `${options.targetLabel} gave an address for ${options.what} that Dateline does not download from (${url.slice(0, 200)})`, { kind: 'download-bad-address' });
  }
  if (!options.origins.allows(parsed.href)) {
    throw new AppError(
      'remote-bad-response',
      `${options.what} is at ${parsed.host}, not on ${options.origins.describe()} where the WordPress site keeps its photos, so Dateline did not download it (${parsed.href.slice(0, 200)})`,
      { kind: 'download-other-origin', host: parsed.host, outsideSite: true },
    );
  }
  return parsed;
}

/** The reply's bytes, counted as they arrive (see read-capped-body.ts): more than `max` stops the download. */
async function readCapped(response: Response, url: string, max: number, options: DownloadOptions): Promise<Uint8Array> {
  try {
    return (await readCappedBody(response, max)).bytes;
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    const bytes = error.declaredBytes;
    throw new AppError(
      'media-too-large',
      bytes === null
        ? `${options.what} at ${url} is larger than ${mb(max)} MB, the most a photo can be: Dateline stopped downloading it`
        : `${options.what} at ${url} is ${mb(bytes)} MB; photos can be at most ${mb(max)} MB, so Dateline did not download it`,
      { kind: 'remote-photo-too-large', maxMegabytes: Number(mb(max)) },
    );
  }
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

function mb(bytes: number): string {
  return (bytes / 1_048_576).toFixed(1).replace(/\.0$/, '');
}
