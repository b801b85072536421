// Runs in: main (pure, no electron import). Which links may leave the app for the system browser or mail client.
const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const MAX_EXTERNAL_URL_LENGTH = 4096;

/** Returns the normalised URL to hand to the OS, or null when it must not be opened. */
export function externalUrlToOpen(url: string): string | null {
  if (url.length > MAX_EXTERNAL_URL_LENGTH) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!EXTERNAL_PROTOCOLS.has(parsed.protocol)) return null;
  if (parsed.protocol !== 'mailto:' && (parsed.hostname === '' || parsed.username !== '' || parsed.password !== '')) return null;
  return parsed.href;
}

/** A published folder page (file://) to reveal in the file manager, never to run: its path, or null. */
export function localFileToReveal(url: string): string | null {
  if (url.length > MAX_EXTERNAL_URL_LENGTH) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'file:' || (parsed.hostname !== '' && parsed.hostname !== 'localhost')) return null;
    return decodeURIComponent(parsed.pathname.replace(/^\/([A-Za-z]:)/, '$1'));
  } catch {
    return null;
  }
}
