// Runs in: main and host (Node). The headers for app files and library photos, shared by both transports.
import { basename } from 'node:path';
import { APP_CONTENT_SECURITY_POLICY, MEDIA_CONTENT_SECURITY_POLICY } from './content-security-policy';
import { contentType, imageContentType } from './content-type';

export function staticFileHeaders(filePath: string): Record<string, string> {
  const type = contentType(filePath);
  const headers: Record<string, string> = { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff' };
  if (type.startsWith('text/html')) {
    headers['Content-Security-Policy'] = APP_CONTENT_SECURITY_POLICY;
    headers['Referrer-Policy'] = 'no-referrer';
    headers['X-Frame-Options'] = 'DENY';
    headers['Cache-Control'] = 'no-store';
  } else {
    headers['Cache-Control'] = basename(filePath) === 'index.html' ? 'no-store' : 'no-cache';
  }
  return headers;
}

/** Library photos are content-addressed, so a URL's bytes never change. */
export function mediaFileHeaders(filePath: string): Record<string, string> {
  return {
    'Content-Type': imageContentType(filePath),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': MEDIA_CONTENT_SECURITY_POLICY,
    'Cache-Control': 'private, max-age=31536000, immutable',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
