// Runs in: services. The collab.* operations: whether a story is shared through a newsroom server
// (it went to one as its review hub) and where to connect, a short-lived ticket to connect with
// (fetched with the account token, which stays here), and this machine's copy of its Yjs updates,
// so the editor opens it and takes edits with no network.
import type { OperationHandlers } from '../../../common/contract';
import type { ReviewHubSetting } from '../../../common/workflow/review-contract';
import type { NewsroomProfile } from '../../../common/workflow/newsroom-profile';
import { storyDocumentName } from '../../../common/collab/story-name';
import type { HubLink } from '../../../common/workflow/review-contract';
import { collabUrlOf, createNewsroomApi, newsroomError, newsroomTokenKey, normaliseServerUrl } from '../review/newsroom-api';
import type { SecretStore } from '../secrets/secret-store';
import type { StoryUpdateLog } from './story-update-log';

export type CollabHandlers = Pick<OperationHandlers, 'collab.session' | 'collab.ticket' | 'collab.load' | 'collab.append'>;

export interface CollabHandlerOptions {
  log: StoryUpdateLog;
  /** The hub the story went to, from its review record. */
  hubOf(articleId: string): Promise<HubLink | null>;
  hubSetting(): Promise<ReviewHubSetting>;
  profile(): Promise<NewsroomProfile | null>;
  secrets: Pick<SecretStore, 'get'>;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

export function createCollabHandlers(options: CollabHandlerOptions): CollabHandlers {
  /** The server the story is shared through and this machine's token for it, or null. */
  const sharedThrough = async (id: string): Promise<{ serverUrl: string; token: string } | null> => {
    const link = await options.hubOf(id);
    const setting = await options.hubSetting();
    // Shared only once it went to the newsroom server that settings name now.
    if (link?.kind !== 'newsroom' || setting.kind !== 'newsroom') return null;
    const serverUrl = normaliseServerUrl(setting.serverUrl);
    if (normaliseServerUrl(link.location) !== serverUrl) return null;
    const token = await options.secrets.get(newsroomTokenKey(serverUrl));
    return token ? { serverUrl, token } : null;
  };
  return {
    'collab.session': async ({ id }) => {
      const shared = await sharedThrough(id);
      if (!shared) return null;
      const profile = await options.profile();
      return { collabUrl: collabUrlOf(shared.serverUrl), documentName: storyDocumentName(id), user: { name: profile?.name ?? '', role: profile?.role === 'editor' ? 'editor' : profile ? 'reporter' : null } };
    },
    'collab.ticket': async ({ id }) => {
      const shared = await sharedThrough(id);
      if (!shared) throw newsroomError('not-found', 'not-found', `Story ${id} is not shared through the newsroom server in settings, or no account token is set.`);
      return createNewsroomApi({ serverUrl: shared.serverUrl, token: shared.token, ...(options.fetch ? { fetch: options.fetch } : {}) }).ticket(id);
    },
    'collab.load': async ({ id }) => {
      const state = await options.log.load(id);
      return { state: state ? Buffer.from(state).toString('base64') : null };
    },
    'collab.append': async ({ id, update }) => {
      await options.log.append(id, new Uint8Array(Buffer.from(update, 'base64')));
      return { ok: true as const };
    },
  };
}
