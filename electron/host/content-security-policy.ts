// Runs in: main and host (Node). The response headers both transports put on the app page and on photos.
export const APP_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Photos are data, never documents: nothing in them may run or load. */
export const MEDIA_CONTENT_SECURITY_POLICY = "default-src 'none'";
