// Runs in: services. The stylesheets a WordPress site's front page links, fetched so a preview can
// show a post the way the site would. Everything from the site is untrusted: only the site's own
// origin is asked (the front page, then its <link rel="stylesheet"> sheets), at most a few sheets
// of bounded size, under one deadline; no credentials or cookies are sent. Any failure yields no
// sheets and the reason, never an error: the preview shows without them.
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { readCappedText } from '../publish/http/read-capped-body';
import { withDeadline } from '../publish/http/with-deadline';
import { previewCss } from './preview-css';

export const FRONT_PAGE_MAX_BYTES = 2 * 1024 * 1024;
export const STYLESHEET_MAX_BYTES = 512 * 1024;
export const STYLESHEETS_TOTAL_MAX_BYTES = 2 * 1024 * 1024;
export const MAX_STYLESHEETS = 8;
export const STYLESHEETS_DEADLINE_MS = 10_000;

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface SiteStylesheetsOptions {
  fetchImpl?: FetchLike;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export type SiteStylesheets =
  | { ok: true; sheets: string[]; skipped: number }
  /** Why none could be had: the site did not answer (offline, error status, too slow) or its page was unusable. */
  | { ok: false; reason: string };

export async function fetchSiteStylesheets(siteUrl: string, opts: SiteStylesheetsOptions = {}): Promise<SiteStylesheets> {
  const fetchImpl = opts.fetchImpl ?? fetch;
  let site: URL;
  try {
    site = new URL(siteUrl);
  } catch {
    return { ok: false, reason: 'the site address is not a URL' };
  }
  try {
    return await withDeadline(opts.timeoutMs ?? STYLESHEETS_DEADLINE_MS, opts.signal, async ({ signal }) => {
      const get = async (url: string, accept: string, maxBytes: number, wanted: RegExp): Promise<string> => {
        const response = await sameSiteFetch(fetchImpl, url, site, { method: 'GET', headers: { accept }, credentials: 'omit', redirect: 'manual', signal });
        if (!response.ok) throw new Error(`${url} answered ${response.status}`);
        const type = response.headers.get('content-type') ?? '';
        if (!wanted.test(type)) throw new Error(`${url} is ${type || 'of no declared type'}`);
        return readCappedText(response, maxBytes);
      };
      const page = await get(site.href, 'text/html', FRONT_PAGE_MAX_BYTES, /^text\/html\b/i);
      const links = stylesheetLinks(page, site);
      const sheets: string[] = [];
      let skipped = Math.max(0, links.length - MAX_STYLESHEETS);
      let total = 0;
      for (const link of links.slice(0, MAX_STYLESHEETS)) {
        let css: string;
        try {
          css = await get(link, 'text/css', Math.min(STYLESHEET_MAX_BYTES, STYLESHEETS_TOTAL_MAX_BYTES - total), /^text\/css\b/i);
        } catch (error) {
          if (signal.aborted) throw error;
          skipped += 1;
          continue;
        }
        total += Buffer.byteLength(css);
        sheets.push(previewCss(css));
      }
      return { ok: true as const, sheets, skipped };
    });
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

export const MAX_REDIRECTS = 3;

/** Follows redirects only within the site: one that leads elsewhere is not followed at all. */
async function sameSiteFetch(fetchImpl: FetchLike, url: string, site: URL, init: RequestInit): Promise<Response> {
  let at = url;
  for (let hop = 0; ; hop += 1) {
    const response = await fetchImpl(at, init);
    if (response.status < 300 || response.status > 399 || !response.headers.has('location')) return response;
    await response.body?.cancel().catch(() => undefined);
    const next = resolvedOr(response.headers.get('location') ?? '', new URL(at));
    if (!next || next.origin !== site.origin) throw new Error(`${at} redirects to another site`);
    if (hop >= MAX_REDIRECTS) throw new Error(`${url} redirects too often`);
    at = next.href;
  }
}

/** The absolute addresses of the page's stylesheets on the site's own origin, in order, once each. */
export function stylesheetLinks(html: string, site: URL): string[] {
  const found: string[] = [];
  let base = site;
  const visit = (node: DefaultTreeAdapterTypes.ParentNode): void => {
    for (const child of node.childNodes) {
      // A <template>'s links are not in force.
      if (!('tagName' in child) || child.tagName === 'template') continue;
      const attr = (name: string) => child.attrs.find((a) => a.name === name)?.value;
      if (child.tagName === 'base' && attr('href') !== undefined) base = resolvedOr(attr('href') ?? '', site) ?? site;
      const rel = (attr('rel') ?? '').toLowerCase().split(/\s+/);
      if (child.tagName === 'link' && rel.includes('stylesheet') && !rel.includes('alternate')) {
        const url = resolvedOr(attr('href') ?? '', base);
        if (url && url.origin === site.origin && !found.includes(url.href)) found.push(url.href);
      }
      if (found.length > MAX_STYLESHEETS * 4) return;
      visit(child);
    }
  };
  visit(parse(html));
  return found;
}

function resolvedOr(href: string, base: URL): URL | null {
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
