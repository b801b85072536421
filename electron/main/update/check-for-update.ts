// Runs in: main (pure Node, no electron import). One update check against a generic feed: fetch
// <feed>/latest.yml under a cap, read it and compare its version with the running app's.
import { fetchCapped } from './fetch-capped';
import { isNewerVersion } from './is-newer-version';
import { MAX_FEED_BYTES, parseUpdateFeed, type UpdateFile } from './update-feed';

export const FEED_TIMEOUT_MS = 15_000;

export type UpdateCheck = { kind: 'up-to-date'; current: string; offered: string } | { kind: 'available'; current: string; version: string; file: UpdateFile };

export interface CheckForUpdateOptions {
  /** The feed's folder URL, as in electron-builder.yml's generic provider. */
  feedUrl: string;
  currentVersion: string;
  /** latest.yml, latest-mac.yml or latest-linux.yml, as electron-updater picks per platform. */
  channelFile: string;
  timeoutMs?: number;
}

export function feedFileUrl(feedUrl: string, channelFile: string): string {
  return new URL(channelFile, feedUrl.endsWith('/') ? feedUrl : `${feedUrl}/`).href;
}

export async function checkForUpdate(options: CheckForUpdateOptions): Promise<UpdateCheck> {
  const url = feedFileUrl(options.feedUrl, options.channelFile);
  const bytes = await fetchCapped(url, { maxBytes: MAX_FEED_BYTES, timeoutMs: options.timeoutMs ?? FEED_TIMEOUT_MS });
  const feed = parseUpdateFeed(new TextDecoder().decode(bytes), url);
  if (!isNewerVersion(feed.version, options.currentVersion)) return { kind: 'up-to-date', current: options.currentVersion, offered: feed.version };
  return { kind: 'available', current: options.currentVersion, version: feed.version, file: feed.files[0]! };
}

/** The feed file electron-updater reads on this platform. */
export function channelFileFor(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'latest-mac.yml';
  if (platform === 'linux') return 'latest-linux.yml';
  return 'latest.yml';
}
