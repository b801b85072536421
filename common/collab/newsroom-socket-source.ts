// Runs in: main, host and renderer. The one WebSocket origin the renderer's Content-Security-Policy
// lets out (connect-src): the newsroom server named in Settings, as ws(s)://host[:port].
import type { ReviewHubSetting } from '../workflow/review-contract';

/** A DNS name or IPv4 address as the URL parser leaves it (lower case, punycode), or a bracketed IPv6 literal. */
const HOST_NAME = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*\.?|\[[0-9a-f:.]+\])$/;
const PORT = /^[0-9]{0,5}$/;
/** Longer than any real host name (253) plus a port; anything longer is refused, not trimmed. */
const MAX_SOURCE_CHARS = 300;

/**
 * The ws: or wss: origin of a newsroom server address (http -> ws, https -> wss), or null when the
 * address is not a plain http(s)/ws(s) server address. Only letters, digits, dots, dashes, colons and
 * brackets come out, so whatever a person (or a hostile settings file) typed cannot add a source
 * keyword or a directive to the policy.
 */
export function newsroomSocketSource(serverUrl: string): string | null {
  if (serverUrl.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(serverUrl.trim());
  } catch {
    return null;
  }
  const secure = url.protocol === 'https:' || url.protocol === 'wss:';
  if (!secure && url.protocol !== 'http:' && url.protocol !== 'ws:') return null;
  if (url.username !== '' || url.password !== '') return null;
  if (!HOST_NAME.test(url.hostname) || !PORT.test(url.port)) return null;
  const source = `${secure ? 'wss' : 'ws'}://${url.hostname}${url.port === '' ? '' : `:${url.port}`}`;
  return source.length > MAX_SOURCE_CHARS ? null : source;
}

/** The socket origin the policy allows for these settings: none unless the review hub is a newsroom server. */
export function newsroomSocketSourceOf(reviewHub: ReviewHubSetting): string | null {
  return reviewHub.kind === 'newsroom' ? newsroomSocketSource(reviewHub.serverUrl) : null;
}
