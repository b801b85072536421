// Runs in: main (pure, no electron import). Only the app's own top-level page may call the services.
import { APP_ORIGIN, APP_PROTOCOL } from '../../common/bridge';

/** True when `url` is served by the app's own protocol (dateline://app/...). */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // WHATWG URL reports origin "null" for custom schemes, so compare scheme and host instead.
  return parsed.protocol === `${APP_PROTOCOL}:` && parsed.host === new URL(APP_ORIGIN).host && parsed.username === '' && parsed.password === '' && parsed.port === '';
}

export function isTrustedSender(frameUrl: string | null | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && typeof frameUrl === 'string' && isAppUrl(frameUrl);
}
