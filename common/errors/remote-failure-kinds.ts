// Runs in: main, services, host and renderer (pure). The rows of the remote failure table
// (electron/services/publish/http/remote-failure-table.ts): every way a remote exchange can fail.
export const REMOTE_FAILURE_KINDS = [
  // No usable answer.
  'tls',
  'timeout',
  'not-sent',
  'connection-broken',
  'network-other',
  // An HTTP status (any backend).
  'http-redirect',
  'http-400',
  'http-401',
  'http-403',
  'http-404',
  'http-408',
  'http-413',
  'http-429',
  'http-4xx',
  'http-5xx',
  'http-other',
  // A WordPress REST error body ({ code, message, data.status }).
  'wp-auth',
  'wp-forbidden',
  'wp-not-found',
  'wp-invalid-request',
  'wp-upload-too-large',
  'wp-upload-dropped',
  'wp-upload-no-space',
  'wp-server-error',
  // A Ghost Admin API error body ({ errors: [{ type, message, context }] }).
  'ghost-invalid-request',
  'ghost-update-collision',
  // A 2xx answer Dateline cannot use.
  'bad-json',
  'html-instead-of-json',
  'body-too-large',
] as const;
export type RemoteFailureKind = (typeof REMOTE_FAILURE_KINDS)[number];
