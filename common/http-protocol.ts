// Runs in: host and renderer. How the loopback HTTP transport carries the contract.
//  - The launch URL is `http://127.0.0.1:<port>/?token=<per-launch token>`; the host swaps the
//    token for an HttpOnly, SameSite=Strict session cookie and redirects to `/`, so the token
//    does not stay in the address bar or the history. The cookie holds a random session id that
//    only this host knows, never the token, and is named after the port: browsers send cookies
//    to every port of 127.0.0.1, so two instances must neither overwrite nor accept each other's.
//  - `POST /api/<operation>` with a wire-codec JSON body answers 200 with a wire-codec Envelope.
//    It needs the cookie, a same-origin Origin and the CSRF header below (which a cross-site
//    form cannot send without a CORS preflight the host refuses).
//  - `GET /media/<mediaId>` serves a library photo to the cookie holder; `GET /thumbnails/<mediaId>`
//    its thumbnail (media.thumbnail makes it on first request).
//  - `GET /events` is a Server-Sent Events stream of the services' events (common/contract-events.ts),
//    one `data:` line of JSON `{ name, payload }` each, for the cookie holder from the same origin.
export const API_PREFIX = '/api/';
export const MEDIA_PREFIX = '/media/';
export const THUMBNAIL_PREFIX = '/thumbnails/';
export const EVENTS_PATH = '/events';
export function sessionCookieName(port: number): string {
  return `dateline_session_${port}`;
}
export const CSRF_HEADER = 'x-dateline-request';
export const MAX_REQUEST_BYTES = 64 * 1024 * 1024;
