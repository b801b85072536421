// Runs in: main (pure, no electron import). Which generic feed the app asks: DATELINE_UPDATE_URL where
// the app runs, else the url electron-builder wrote into resources/app-update.yml at packaging time.
import { CORE_SCHEMA, load } from 'js-yaml';

function webUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2048) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The newsroom's own feed, when set in the environment; null when unset or not an http(s) URL. */
export function updateFeedUrlFromEnv(env: NodeJS.ProcessEnv): string | null {
  return webUrl(env.DATELINE_UPDATE_URL);
}

/** The generic provider's url in app-update.yml; null when the file is not one. */
export function updateFeedUrlFromAppUpdateYml(text: string): string | null {
  if (text.length > 64 * 1024) return null;
  try {
    const raw = load(text, { schema: CORE_SCHEMA, json: true });
    if (raw === null || typeof raw !== 'object') return null;
    const { provider, url } = raw as { provider?: unknown; url?: unknown };
    return provider === 'generic' ? webUrl(url) : null;
  } catch {
    return null;
  }
}
