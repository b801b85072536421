// Runs in: services. The review hub the settings name now: the shared folder (the default one in the
// user's documents is created on first use), a WordPress site among the publishing targets, or a
// newsroom server (its account token in the SecretStore), whose event stream is followed while it is
// the hub, so the queue follows the server's pushes. A hub is made again only when its settings, or
// the site's password, changed.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../common/app-error';
import { secretKeyFor, type TargetConfig } from '../../../common/publish/publish-target-config';
import type { Settings } from '../../../common/contract';
import type { Logger } from '../log/logger';
import type { SecretStore } from '../secrets/secret-store';
import { fsAppError } from '../store/fs-app-error';
import { FolderHub } from './folder-hub';
import type { HubMedia } from './hub-photos';
import type { ReviewHub } from './review-hub';
import { WordPressHub } from './wordpress-hub';
import { connectStoryDoc } from '../collab/story-connection';
import { NewsroomHub } from './newsroom-hub';
import { collabUrlOf, createNewsroomApi, newsroomTokenKey, normaliseServerUrl } from './newsroom-api';
import { followNewsroomQueue, type NewsroomQueueFeed } from './newsroom-queue-feed';

export interface SettingsReviewHubOptions {
  settings: { get(): Promise<Pick<Settings, 'reviewHub'>> };
  targets: { has(id: string): boolean; get(id: string): TargetConfig };
  secrets: Pick<SecretStore, 'get'>;
  /** Where the default hub folder goes: <documents>/Dateline Review Hub. */
  documentsDir: string;
  media: HubMedia;
  logger: Logger;
  /** A WordPress post the hub made for an article: its next publishing job updates that post. */
  offerPost(targetId: string, articleId: string, postId: string): Promise<void>;
  /** The post this machine published the article as on that site, if any. */
  knownPostId(targetId: string, articleId: string): Promise<string | null>;
  /**
   * The newsroom server pushed a story's new status, on an open story's connection or on the
   * server's event stream (it may change what waits for this person).
   */
  onStoryStatus?(): void;
}

/** The hub the settings name now; `close` stops following the newsroom server's event stream. */
export type SettingsReviewHub = (() => Promise<ReviewHub>) & { close(): void };

export function settingsReviewHub(options: SettingsReviewHubOptions): SettingsReviewHub {
  let folderHub: FolderHub | null = null;
  let wordpressHub: { key: string; hub: WordPressHub } | null = null;
  let newsroomHub: { key: string; hub: NewsroomHub; feed: NewsroomQueueFeed | null } | null = null;
  let closed = false;
  const dropNewsroom = () => {
    newsroomHub?.feed?.close();
    newsroomHub = null;
  };
  const hub = async (): Promise<ReviewHub> => {
    const setting = (await options.settings.get()).reviewHub;
    if (setting.kind !== 'newsroom') dropNewsroom();
    if (setting.kind === 'newsroom') {
      const serverUrl = normaliseServerUrl(setting.serverUrl);
      const token = await options.secrets.get(newsroomTokenKey(serverUrl));
      const key = JSON.stringify([serverUrl, token]);
      if (newsroomHub?.key !== key) {
        dropNewsroom();
        newsroomHub = {
          key,
          hub: new NewsroomHub({
            api: createNewsroomApi({ serverUrl, token }),
            connect: (articleId) =>
              connectStoryDoc({ collabUrl: collabUrlOf(serverUrl), articleId, token: token ?? '', onStatus: () => options.onStoryStatus?.() }),
          }),
          feed:
            token && !closed
              ? followNewsroomQueue({ serverUrl, token, onChange: () => options.onStoryStatus?.(), log: (message) => options.logger.warn(message) })
              : null,
        };
      }
      return newsroomHub.hub;
    }
    if (setting.kind === 'folder') {
      const root = setting.path.trim() || join(options.documentsDir, 'Dateline Review Hub');
      if (folderHub?.root !== root) folderHub = new FolderHub({ root, media: options.media, log: (message) => options.logger.warn(message) });
      if (!setting.path.trim()) await mkdir(root, { recursive: true }).catch((error: unknown) => {
        throw fsAppError(error, root, 'create');
      });
      return folderHub;
    }
    if (!options.targets.has(setting.targetId)) {
      throw new AppError('not-found', 'The WordPress site chosen as review hub is no longer among the publishing targets; choose it again in Settings.', { kind: 'hub-target-missing' });
    }
    const config = options.targets.get(setting.targetId);
    if (config.kind !== 'wordpress') throw new AppError('invalid-input', `The review hub target "${config.name}" is not a WordPress site.`, { kind: 'hub-target-not-wordpress', target: config.name });
    const password = await options.secrets.get(secretKeyFor(config));
    const key = JSON.stringify([config, password]);
    if (wordpressHub?.key !== key) {
      wordpressHub = {
        key,
        hub: new WordPressHub({
          targetId: config.id,
          siteUrl: config.siteUrl,
          username: config.username,
          password,
          targetLabel: `The WordPress site ${new URL(config.siteUrl).host}`,
          mediaOrigins: config.mediaOrigins,
          media: options.media,
          offerPost: (articleId, postId) => options.offerPost(config.id, articleId, postId),
          knownPostId: (articleId) => options.knownPostId(config.id, articleId),
        }),
      };
    }
    return wordpressHub.hub;
  };
  return Object.assign(hub, {
    close() {
      closed = true;
      dropNewsroom();
    },
  });
}
