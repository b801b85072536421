// Runs in: renderer. Review comments: general notes and comments on selected text, with replies,
// resolve and reopen. A comment on text can select that text in the editor. While the margin beside
// the body shows the open comments on text, this list keeps the rest (notes, resolved ones).
import { useId, useState } from 'react';
import type { ReviewComment } from '../../../common/workflow/review-comment';
import { useStores } from '../../stores/stores-context';
import { useT } from '../../i18n/use-t';
import { CommentCard } from './comment-card';
import { CommentComposer } from './comment-composer';
import { useCommentMarginShown } from './use-comment-margin-shown';
import { inMargin } from './in-margin';
import { useComposer } from './use-composer';
import { TextArea } from '../../kit/text-area';

/**
 * `hubKeepsComments` false: the article's hub (a WordPress site without the companion plugin)
 * refuses comments, so none can be added here; the person is told why before they write one.
 */
export function CommentList({ comments, canComment, hubKeepsComments = true }: { comments: readonly ReviewComment[]; canComment: boolean; hubKeepsComments?: boolean }) {
  const t = useT();
  const newId = useId();
  const { review, article } = useStores();
  const busy = review((s) => s.busy);
  const [body, setBody] = useState('');
  // Said beside the buttons, not at the top of the window: the person is looking here.
  const [needsSelection, setNeedsSelection] = useState(false);
  const marginShown = useCommentMarginShown();
  const composer = useComposer();
  const listed = marginShown ? comments.filter((c) => !inMargin(c)) : comments;

  const add = async (onSelection: boolean): Promise<void> => {
    let anchor = null;
    if (onSelection) {
      anchor = article.getState().getEditorHandle()?.getSelectionAnchor?.() ?? null;
      if (!anchor) {
        setNeedsSelection(true);
        return;
      }
    }
    setNeedsSelection(false);
    if (await review.getState().addComment(body.trim(), anchor)) setBody('');
  };

  return (
    <section className="review-comments" aria-label={t('review.comments')}>
      <h3>{t('review.comments')}</h3>
      {canComment && !hubKeepsComments ? (
        <p className="hint" role="note">
          {t('review.comments.notKept')}
        </p>
      ) : null}
      {!marginShown && composer && canComment && hubKeepsComments ? <CommentComposer anchor={composer} /> : null}
      {canComment && hubKeepsComments ? (
        <div className="review-comment-new">
          <label htmlFor={newId}>{t('review.comment.new')}</label>
          <TextArea
            id={newId}
            rows={3}
            maxLength={5000}
            value={body}
            onChange={(e) => {
              setBody(e.target.value);
              setNeedsSelection(false);
            }}
          />
          <div className="review-row">
            <button
              type="button"
              disabled={busy || body.trim() === ''}
              // Keep the editor's selection: the button must not take focus before it is read.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => void add(true)}
            >
              {t('review.comment.onSelection')}
            </button>
            <button type="button" disabled={busy || body.trim() === ''} onClick={() => void add(false)}>
              {t('review.comment.addNote')}
            </button>
          </div>
          {needsSelection ? (
            <p className="hint" role="status">
              {t('review.comment.needsSelection')}
            </p>
          ) : null}
        </div>
      ) : null}
      {comments.length === 0 ? <p className="hint">{t('review.comments.none')}</p> : null}
      {marginShown && listed.length < comments.length ? <p className="hint">{t('review.comments.inMargin')}</p> : null}
      <ul className="review-comment-list">
        {listed.map((c) => (
          <CommentCard key={c.id} comment={c} canComment={canComment && hubKeepsComments} />
        ))}
      </ul>
    </section>
  );
}
