// Runs in: services. Request URLs built from a discovered WordPress REST root, in both shapes WordPress
// serves: pretty permalinks (`/wp-json/wp/v2/posts?x=y`) and plain ones (`/?rest_route=/wp/v2/posts&x=y`).

export type QueryValue = string | number | boolean | undefined;

/** `route` is relative to the REST root, e.g. "wp/v2/posts/12". */
export function restUrl(root: string, route: string, query: Record<string, QueryValue> = {}): string {
  const base = new URL(root);
  const cleanRoute = route.replace(/^\/+/, '');
  let url: URL;
  if (base.searchParams.has('rest_route')) {
    url = new URL(base.href);
    const prefix = (base.searchParams.get('rest_route') ?? '/').replace(/\/+$/, '');
    url.searchParams.set('rest_route', `${prefix}/${cleanRoute}`);
  } else {
    const path = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
    url = new URL(`${base.origin}${path}${cleanRoute}${base.search}`);
  }
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.href;
}

/** A root announced through a proxy or a misconfigured WP_HOME keeps its path but talks to the configured origin. */
export function rebaseOnto(root: string, siteUrl: string): string {
  const discovered = new URL(root);
  const site = new URL(siteUrl);
  if (discovered.origin === site.origin) return discovered.href;
  return new URL(`${discovered.pathname}${discovered.search}`, site.origin).href;
}

/** The site address without a trailing slash, so `${base}/wp-json/` is well-formed with or without a sub-path. */
export function siteBase(siteUrl: string): string {
  const url = new URL(siteUrl);
  url.hash = '';
  url.search = '';
  return url.href.replace(/\/+$/, '');
}

/** The REST root from a `Link: <…>; rel="https://api.w.org/"` header, or null. */
export function restRootFromLinkHeader(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]+)>\s*;(.*)$/.exec(part);
    if (match && /rel\s*=\s*"?https:\/\/api\.w\.org\/"?/i.test(match[2] ?? '')) return match[1] ?? null;
  }
  return null;
}
