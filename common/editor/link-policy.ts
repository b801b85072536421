// Runs in: services and renderer. Which link targets an article may carry: http, https, mailto.
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** True when `href` is an absolute http(s) or mailto URL; everything else is refused. */
export function isAllowedLinkHref(href: unknown): href is string {
  if (typeof href !== 'string') return false;
  const trimmed = href.trim();
  if (trimmed.length === 0 || trimmed.length > 4096) return false;
  // Control characters and whitespace inside a URL are how `java\tscript:` slips past filters.
  if (/[\u0000-\u001f\u007f\s]/.test(trimmed)) return false;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return false;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return false;
  if (url.protocol === 'mailto:') return url.pathname.length > 0;
  return url.hostname.length > 0;
}

export const ALLOWED_LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;
