// Runs in: renderer. How long a notice stays on screen by itself: confirmations leave soon, errors a
// little later; one that names a file or carries an action stays until the person dismisses it.
export const INFO_LIFETIME_MS = 6_000;
export const ERROR_LIFETIME_MS = 12_000;

export interface NoticeLifetimeInput {
  kind: 'error' | 'info';
  path?: string;
  action?: unknown;
  persistent?: boolean;
}

/** Milliseconds until the notice leaves by itself; null when it stays until dismissed. */
export function noticeLifetime(notice: NoticeLifetimeInput): number | null {
  if (notice.persistent || notice.path !== undefined || notice.action !== undefined) return null;
  return notice.kind === 'error' ? ERROR_LIFETIME_MS : INFO_LIFETIME_MS;
}
