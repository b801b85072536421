// Runs in: main, services, host and renderer (pure). Every error code that crosses a process
// boundary; the details each code carries are in app-error-details.ts.
export const APP_ERROR_CODES = [
  'invalid-input',
  'not-found',
  'conflict',
  'corrupt-file',
  'disk-full',
  'permission-denied',
  'io-error',
  'media-not-image',
  'media-too-large',
  'media-corrupt',
  'forbidden-sender',
  'unauthorized',
  'internal',
  // Publishing: each backend failure has its own code so the UI can say exactly what went wrong.
  'remote-unreachable',
  'remote-timeout',
  'remote-tls',
  'remote-auth',
  'remote-forbidden',
  'remote-not-found',
  'remote-too-large',
  'remote-server-error',
  'remote-bad-response',
  'remote-not-wordpress',
  'remote-not-ghost',
  'remote-conflict',
  'checklist-blocked',
  'secrets-unavailable',
  // The services process died and is being restarted: nothing was done, and trying again will work.
  'services-restarting',
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];
