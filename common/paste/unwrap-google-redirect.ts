// Runs in: services and renderer. Google Docs wraps every pasted link in its redirector
// (https://www.google.com/url?q=<target>&sa=D&…): the story should link to the target itself.
import { isAllowedLinkHref } from '../editor/link-policy';

const REDIRECT_HOSTS = new Set(['www.google.com', 'google.com']);

/**
 * The link an href should carry: a Google redirect's target when `href` is exactly that redirect
 * form and the target passes the link policy; null when it is that form and the target does not;
 * otherwise `href` unchanged.
 */
export function unwrapGoogleRedirect(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return href;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return href;
  if (!REDIRECT_HOSTS.has(url.hostname) || url.pathname !== '/url' || url.port !== '' || url.username !== '' || url.password !== '') return href;
  const target = url.searchParams.get('q');
  if (target === null) return href;
  return isAllowedLinkHref(target) ? target.trim() : null;
}
