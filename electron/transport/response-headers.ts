// Runs in: main and host (Node). The headers for app files and library photos, shared by both transports.
import { basename } from 'node:path';
import { newsroomSocketSource } from '../../common/collab/newsroom-socket-source';
import { contentType, imageContentType } from './content-type';

const POLICY_HEADER = 'Content-Security-Policy';

function allowSocket(headers: Record<string, string>, socket: string): void {
  headers[POLICY_HEADER] = (headers[POLICY_HEADER] ?? '').replace("connect-src 'self';", `connect-src 'self' ${socket};`);
}

/**
 * The headers of one app file. An HTML page's Content-Security-Policy lets WebSockets reach only
 * `newsroomServerUrl` (the server Settings name, or null for none): its ws(s): origin is added to
 * connect-src, and nothing else leaves.
 */
export function staticFileHeaders(filePath: string, newsroomServerUrl: string | null = null): Record<string, string> {
  const type = contentType(filePath);
  const headers: Record<string, string> = { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff' };
  if (type.startsWith('text/html')) {
    // A literal assignment, so security scanners (Electronegativity) can parse the policy.
    headers['Content-Security-Policy'] =
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";
    // The one change from the literal above: a story shared through the newsroom server syncs over a
    // WebSocket to that server. newsroomSocketSource lets out only scheme, host and port characters.
    const socket = newsroomServerUrl === null ? null : newsroomSocketSource(newsroomServerUrl);
    if (socket !== null) allowSocket(headers, socket);
    headers['Referrer-Policy'] = 'no-referrer';
    headers['X-Frame-Options'] = 'DENY';
    headers['Cache-Control'] = 'no-store';
  } else {
    headers['Cache-Control'] = basename(filePath) === 'index.html' ? 'no-store' : 'no-cache';
  }
  return headers;
}

/** Library photos are content-addressed, so a URL's bytes never change; nothing in them may run or load. */
export function mediaFileHeaders(filePath: string): Record<string, string> {
  return {
    'Content-Type': imageContentType(filePath),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'",
    'Cache-Control': 'private, max-age=31536000, immutable',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
