// Runs in: renderer. Review comments: general notes and comments on selected text, with replies,
// resolve and reopen. A comment on text can select that text in the editor.
import { useId, useState } from 'react';
import type { ReviewComment } from '../../../common/workflow/review-comment';
import { useStores } from '../../stores/stores-context';
import { useLocale, useT } from '../../i18n/use-t';

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
      {canComment && hubKeepsComments ? (
        <div className="review-comment-new">
          <label htmlFor={newId}>{t('review.comment.new')}</label>
          <textarea
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
      <ul className="review-comment-list">
        {comments.map((c) => (
          <CommentItem key={c.id} comment={c} canComment={canComment && hubKeepsComments} />
        ))}
      </ul>
    </section>
  );
}

function CommentItem({ comment, canComment }: { comment: ReviewComment; canComment: boolean }) {
  const t = useT();
  const locale = useLocale();
  const replyId = useId();
  const { review, article } = useStores();
  const busy = review((s) => s.busy);
  const [reply, setReply] = useState('');
  const [replying, setReplying] = useState(false);
  const when = (iso: string): string => new Date(iso).toLocaleString(locale);
  const sendReply = async (): Promise<void> => {
    if (await review.getState().reply(comment.id, reply.trim())) {
      setReply('');
      setReplying(false);
    }
  };
  const anchor = comment.anchor;
  return (
    <li className={comment.resolved ? 'review-comment resolved' : 'review-comment'}>
      <p className="review-comment-meta">{t('review.comment.by', { name: comment.author.name, at: when(comment.createdAt) })}</p>
      {anchor ? (
        <p className="review-comment-quote">
          {t('review.comment.quote', { quote: shorten(anchor.quote) })}{' '}
          <button type="button" className="link-button" onClick={() => article.getState().getEditorHandle()?.selectRange?.(anchor.from, anchor.to, comment.id)}>
            {t('review.comment.showText')}
          </button>
        </p>
      ) : null}
      {comment.orphanedQuote ? <p className="review-comment-quote">{t('review.comment.orphaned', { quote: shorten(comment.orphanedQuote) })}</p> : null}
      <p className="review-comment-body">{comment.body}</p>
      {comment.replies.length > 0 ? (
        <ul className="review-replies">
          {comment.replies.map((r) => (
            <li key={r.id}>
              <p className="review-comment-meta">{t('review.comment.by', { name: r.author.name, at: when(r.createdAt) })}</p>
              <p className="review-comment-body">{r.body}</p>
            </li>
          ))}
        </ul>
      ) : null}
      {comment.resolved && comment.resolvedBy ? <p className="hint">{t('review.comment.resolved', { name: comment.resolvedBy.name })}</p> : null}
      {canComment ? (
        <div className="review-row">
          <button type="button" disabled={busy} onClick={() => void review.getState().setResolved(comment.id, !comment.resolved)}>
            {comment.resolved ? t('review.comment.reopen') : t('review.comment.resolve')}
          </button>
          <button type="button" aria-expanded={replying} onClick={() => setReplying((v) => !v)}>
            {t('review.comment.reply')}
          </button>
        </div>
      ) : null}
      {replying ? (
        <div className="review-reply-form">
          <label htmlFor={replyId}>{t('review.comment.replyLabel', { name: comment.author.name })}</label>
          <textarea id={replyId} rows={2} maxLength={5000} value={reply} onChange={(e) => setReply(e.target.value)} />
          <button type="button" disabled={busy || reply.trim() === ''} onClick={() => void sendReply()}>
            {t('review.comment.send')}
          </button>
        </div>
      ) : null}
    </li>
  );
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}
