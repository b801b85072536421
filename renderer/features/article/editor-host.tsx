// Runs in: renderer. Mounts the body editor once per loaded article; saving and typing never re-render it.
import { memo, useCallback, useEffect } from 'react';
import { useStores } from '../../stores/stores-context';
import { ArticleEditor, type ArticleEditorHandle } from '../../editor/article-editor';
import type { TextStats } from '../../../common/text/text-stats';
import { useRenderProbe } from '../../kit/use-render-probe';
import { authorIdOf } from '../../../common/editor/author-colour';
import { suggestByDefault } from '../../../common/workflow/suggest-by-default';
import { CommentMargin } from '../review/comment-margin';
import { startComment } from '../review/start-comment';
import { useCommentMarginShown } from '../review/use-comment-margin-shown';

export const EditorHost = memo(function EditorHost() {
  useRenderProbe('EditorHost');
  const { api, article, review, ui } = useStores();
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
  const profileName = review((s) => (s.state?.articleId === id ? (s.state.profile?.name ?? null) : null));
  const suggest = review((s) => (s.state?.articleId === id ? suggestByDefault(s.state.profile, s.state.owner) : false));

  // Once the review state of this article is known: record suggestions under the user's name, and
  // switch an editor on someone else's story to Suggesting.
  useEffect(() => {
    if (profileName === null) return;
    article.getState().getEditorHandle()?.configureSuggestions?.({ id: authorIdOf(profileName), name: profileName }, suggest);
  }, [article, editorKey, profileName, suggest]);

  if (!id || !initialBody) return null;
  return (
    <div className={marginShown ? 'editor-host with-comment-margin' : 'editor-host'}>
      <ArticleEditor
        key={`${id}:${editorKey}`}
        ref={handleRef}
        initialBody={initialBody}
        api={api}
        language={language}
        onDirty={handleDirty}
        onStats={handleStats}
        onError={handleError}
        onComment={handleComment}
      />
      {marginShown ? <CommentMargin /> : null}
    </div>
  );
});
