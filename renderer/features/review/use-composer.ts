// Runs in: renderer. The comment composer's anchor when one is open for the body on screen now.
import type { TextAnchor } from '../../../common/workflow/review-comment';
import { useStores } from '../../stores/stores-context';

export function useComposer(): TextAnchor | null {
  const { review, article } = useStores();
  const composer = review((s) => s.composer);
  const articleId = article((s) => s.article?.id ?? null);
  const editorKey = article((s) => s.editorKey);
  return composer && composer.articleId === articleId && composer.editorKey === editorKey ? composer.anchor : null;
}
