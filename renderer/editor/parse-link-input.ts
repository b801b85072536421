// Runs in: renderer. Turns what the user typed into an allowed link target, or says why it is refused.
import { isAllowedLinkHref } from '../../common/editor/link-policy';

export type ParsedLinkInput = { ok: true; href: string } | { ok: false; reason: 'empty' | 'invalid' };

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const BARE_EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;
const BARE_HOST = /^[^\s/:@]+\.[a-z]{2,}(?:[/?#]\S*)?$/i;

/** "example.com" becomes https://example.com and "a@b.org" mailto:a@b.org; only http, https and mailto pass. */
export function parseLinkInput(raw: string): ParsedLinkInput {
  const value = raw.trim();
  if (value.length === 0) return { ok: false, reason: 'empty' };
  let href = value;
  if (!HAS_SCHEME.test(value) && !value.startsWith('//')) {
    if (BARE_EMAIL.test(value)) href = `mailto:${value}`;
    else if (BARE_HOST.test(value)) href = `https://${value}`;
  }
  return isAllowedLinkHref(href) ? { ok: true, href } : { ok: false, reason: 'invalid' };
}
