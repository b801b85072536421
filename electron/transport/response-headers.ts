// Runs in: main and host (Node). The headers for app files and library photos, shared by both transports.
import { basename } from 'node:path';
import { contentType, imageContentType } from './content-type';

export function staticFileHeaders(filePath: string): Record<string, string> {
  const type = contentType(filePath);
  const headers: Record<string, string> = { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff' };
  if (type.startsWith('text/html')) {
    // A literal assignment, so security scanners (Electronegativity) can parse the policy.
    // WebSockets may leave: a story shared through a newsroom server syncs with the server the
    // person named in Settings, whose address is not known here (plain HTTP still may not).
    headers['Content-Security-Policy'] =
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self' ws: wss:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";
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
