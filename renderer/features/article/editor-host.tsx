// Runs in: renderer. Mounts the body editor once per loaded article; saving and typing never re-render it.
// A story shared through the newsroom server opens in the collaborative editor, bound to its live
// document, with who else is there; any other story opens in the single-writer editor as before.
import { memo, useCallback, useEffect, useMemo } from 'react';
import { useStores } from '../../stores/stores-context';
import { ArticleEditor, type ArticleEditorHandle } from '../../editor/article-editor';
import type { TextStats } from '../../../common/text/text-stats';
import { useRenderProbe } from '../../kit/use-render-probe';
import { authorIdOf } from '../../../common/editor/author-colour';
import { suggestByDefault } from '../../../common/workflow/suggest-by-default';
import { CommentMargin } from '../review/comment-margin';
import { CommentRefusalDialog } from '../review/comment-refusal-dialog';
import { startComment } from '../review/start-comment';
import { useCommentMarginShown } from '../review/use-comment-margin-shown';
import { formatError } from '../../api/format-error';
import { useT } from '../../i18n/use-t';
import { StoryPresence } from './story-presence';
import { useSharedStory } from './use-shared-story';

export const EditorHost = memo(function EditorHost() {
  useRenderProbe('EditorHost');
  const { api, article, review, settings, ui } = useStores();
  const id = article((s) => s.article?.id ?? null);
  const language = article((s) => s.article?.meta.language ?? 'en');
  const editorKey = article((s) => s.editorKey);
  const initialBody = article((s) => s.initialBody);

  const handleRef = useCallback((handle: ArticleEditorHandle | null) => article.getState().setEditorHandle(handle), [article]);
  const handleDirty = useCallback(() => article.getState().markBodyDirty(), [article]);
  const handleStats = useCallback((stats: TextStats) => article.getState().setStats(stats), [article]);
  const handleError = useCallback((message: string) => ui.getState().showError(message), [ui]);
  const handleComment = useCallback(() => startComment({ article, review, ui }), [article, review, ui]);
  const marginShown = useCommentMarginShown();
  const t = useT();
  const handleSessionError = useCallback(
    (error: unknown) => {
      const { message, detail } = formatError(error);
      ui.getState().showError(detail ? `${message} ${detail}` : message);
    },
    [ui],
  );
  const newsroomHub = review((s) => (s.state?.articleId === id && s.state.hub?.kind === 'newsroom' ? s.state.hub.location : null));
  const beforeSharing = useCallback(() => article.getState().flush(), [article]);
  const sharedLookup = article((s) => s.sharedLookup);
  const prefetched = sharedLookup?.editorKey === editorKey ? sharedLookup.answer : null;
  const shared = useSharedStory({ api, articleId: id, editorKey, newsroomHub, prefetched, beforeSharing, onError: handleSessionError });
  const session = shared.kind === 'shared' ? shared.session : null;
  const collaboration = useMemo(() => session?.collaboration() ?? null, [session]);

  // The headline and the other fields follow the shared document while the story is open.
  useEffect(() => {
    if (!session || !id) return;
    let unbind: (() => void) | null = null;
    let cancelled = false;
    void import('../../editor/collab/story-fields-binding').then(({ bindStoryFields }) => {
      if (!cancelled) unbind = bindStoryFields(session.doc, id, article);
    });
    return () => {
      cancelled = true;
      unbind?.();
    };
  }, [article, id, session]);
  // Suggestions carry the newsroom profile's name, or "Your name" from Settings without a role.
  const reviewName = review((s) => (s.state?.articleId === id ? (s.state.profile?.name ?? null) : null));
  const settingsName = settings((s) => s.settings.userName.trim() || null);
  const profileName = reviewName ?? settingsName;
  const suggest = review((s) => (s.state?.articleId === id ? suggestByDefault(s.state.profile, s.state.owner) : false));

  // Once the review state of this article is known: record suggestions under the user's name, and
  // switch an editor on someone else's story to Suggesting. Again for each editor that mounts: the
  // editor mounts only once it is known whether the story is shared, often after the review state.
  const editorMounted = shared.kind;
  useEffect(() => {
    if (profileName === null || editorMounted === 'pending') return;
    article.getState().getEditorHandle()?.configureSuggestions?.({ id: authorIdOf(profileName), name: profileName }, suggest);
  }, [article, editorKey, editorMounted, profileName, suggest]);

  if (!id || !initialBody) return null;
  if (shared.kind === 'pending') {
    return (
      <div className="editor-host">
        <p role="status">{t('collab.opening')}</p>
      </div>
    );
  }
  return (
    <div className={marginShown ? 'editor-host with-comment-margin' : 'editor-host'}>
      {session && session.provider.awareness && (
        <StoryPresence
          awareness={session.provider.awareness}
          connection={session.connection}
          onConnection={session.onConnection}
          readOnly={session.readOnly}
          onReadOnly={session.onReadOnly}
        />
      )}
      <ArticleEditor
        key={`${id}:${editorKey}:${shared.kind}`}
        ref={handleRef}
        initialBody={initialBody}
        api={api}
        language={language}
        onDirty={handleDirty}
        onStats={handleStats}
        onError={handleError}
        onComment={handleComment}
        collaboration={collaboration}
      />
      {/* Mounted with the editor it measures (a shared story's editor is a new one). Its key must
          differ from the editor's: siblings with one key are duplicated or dropped by React. */}
      {marginShown ? <CommentMargin key={`margin:${id}:${editorKey}:${shared.kind}`} /> : null}
      <CommentRefusalDialog />
    </div>
  );
});
