// Runs in: main (pure, no electron import). Which web permissions the app's own page may use:
// only writing to the clipboard (the "Copy link" button); everything else is denied.
import { APP_ORIGIN } from '../../common/bridge';

const ALLOWED_FOR_APP = new Set(['clipboard-sanitized-write']);

export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  let origin: string;
  try {
    origin = new URL(requestingUrl).origin;
  } catch {
    return false;
  }
  // `dateline://app` is a standard scheme, so its origin serialises like http's.
  return ALLOWED_FOR_APP.has(permission) && (origin === APP_ORIGIN || requestingUrl.startsWith(`${APP_ORIGIN}/`));
}
