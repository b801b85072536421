// Runs in: renderer. Whether the open article is a story shared through the newsroom server, and if
// so its live session (the Yjs document kept on disk and synced with the server). A story with no
// hub, or on another hub, answers `solo` and opens in the single-writer editor as it always did; the
// collaboration code is loaded on demand, only for a shared story.
import { useEffect, useState } from 'react';
import type { DatelineApi, OperationResult } from '../../../common/contract';
import type { StorySession } from '../../editor/collab/story-session';

export type SharedStory = { kind: 'pending' } | { kind: 'solo' } | { kind: 'shared'; session: StorySession };

interface Opened {
  /** The article load (id and editor key) it answers for. */
  key: string;
  /** The newsroom server the review state named when it was asked (null: asked at opening). */
  askedHub: string | null;
  story: SharedStory;
}

export interface SharedStoryOptions {
  api: DatelineApi;
  articleId: string | null;
  editorKey: number;
  /** The newsroom server the story went to, from its review state; null when none (yet). */
  newsroomHub: string | null;
  /** The services' answer for this load when it was already asked (with the article); null: ask here. */
  prefetched?: Promise<OperationResult<'collab.session'> | null> | null;
  /** Saves what the single-writer editor holds before it makes way for the shared one. */
  beforeSharing(): Promise<void>;
  onError(error: unknown): void;
}

export function useSharedStory({ api, articleId, editorKey, newsroomHub, prefetched = null, beforeSharing, onError }: SharedStoryOptions): SharedStory {
  const key = `${articleId ?? ''}:${editorKey}`;
  const [opened, setOpened] = useState<Opened | null>(null);
  const current = opened?.key === key ? opened : null;
  // A story that opened alone and has since gone to the newsroom server (the reporter submitted it)
  // is asked again, so it turns live without being closed and opened.
  const askHub = current?.story.kind === 'solo' && newsroomHub !== null ? newsroomHub : (current?.askedHub ?? null);

  useEffect(() => {
    if (!articleId) return;
    let cancelled = false;
    let session: StorySession | null = null;
    const settle = (story: SharedStory) => {
      if (!cancelled) setOpened({ key, askedHub: askHub, story });
    };
    void (async () => {
      // The services could not say (an old services process, a fake in tests): the story opens as
      // it always did. A failure once it is known to be shared is reported, not papered over.
      // The first answer for a load may have come with the article; a story turned live is asked again.
      const asked = askHub === null && prefetched ? prefetched : api.call('collab.session', { id: articleId });
      const link = await asked.catch(() => null);
      if (!link) return settle({ kind: 'solo' });
      const [{ openStorySession }, { caretColourOf }] = await Promise.all([import('../../editor/collab/story-session'), import('../../editor/collab/caret-colour')]);
      const opening = await openStorySession({ api, articleId, session: link, color: caretColourOf(link.user.name), onPersistError: onError });
      if (cancelled) return opening.destroy();
      session = opening;
      await opening.ready;
      if (askHub !== null) await beforeSharing();
      settle({ kind: 'shared', session: opening });
    })().catch((error: unknown) => {
      // The story cannot be opened as shared: say why and keep it closed rather than letting edits
      // made outside the shared document be overwritten by it later.
      onError(error);
    });
    return () => {
      cancelled = true;
      session?.destroy();
    };
  }, [api, articleId, key, askHub, prefetched, beforeSharing, onError]);

  return current?.story ?? { kind: 'pending' };
}
