// Runs in: renderer. One review comment with its replies, resolve or reopen, and reply; in the side
// panel's list or as a card in the margin beside its text.
import { forwardRef, useId, useState } from 'react';
import type { ReviewComment } from '../../../common/workflow/review-comment';
import { useStores } from '../../stores/stores-context';
import { useLocale, useT } from '../../i18n/use-t';
import { shortenQuote } from './shorten-quote';
import { TextArea } from '../../kit/text-area';
import { formatMoment } from '../../i18n/format-moment';

export interface CommentCardProps {
  comment: ReviewComment;
  canComment: boolean;
  /** The margin's card beside the text: placed by the margin, marked while it is the active one. */
  className?: string;
  style?: React.CSSProperties;
  onActivate?(): void;
}

export const CommentCard = forwardRef<HTMLLIElement, CommentCardProps>(function CommentCard({ comment, canComment, className, style, onActivate }, ref) {
  const t = useT();
  const locale = useLocale();
  const replyId = useId();
  const { review, article } = useStores();
  const busy = review((s) => s.busy);
  const [reply, setReply] = useState('');
  const [replying, setReplying] = useState(false);
  const when = (iso: string): string => formatMoment(iso, locale);
  const sendReply = async (): Promise<void> => {
    if (await review.getState().reply(comment.id, reply.trim())) {
      setReply('');
      setReplying(false);
    }
  };
  const anchor = comment.anchor;
  return (
    <li
      ref={ref}
      className={[comment.resolved ? 'review-comment resolved' : 'review-comment', className].filter(Boolean).join(' ')}
      style={style}
      data-comment-id={comment.id}
      onFocus={onActivate}
      onClick={onActivate}
    >
      <p className="review-comment-meta">{t('review.comment.by', { name: comment.author.name, at: when(comment.createdAt) })}</p>
      {anchor ? (
        <p className="review-comment-quote">
          {t('review.comment.quote', { quote: shortenQuote(anchor.quote) })}{' '}
          <button type="button" className="link-button" onClick={() => article.getState().getEditorHandle()?.selectRange?.(anchor.from, anchor.to, comment.id)}>
            {t('review.comment.showText')}
          </button>
        </p>
      ) : null}
      {comment.orphanedQuote ? <p className="review-comment-quote">{t('review.comment.orphaned', { quote: shortenQuote(comment.orphanedQuote) })}</p> : null}
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
          <TextArea id={replyId} rows={2} maxLength={5000} value={reply} onChange={(e) => setReply(e.target.value)} />
          <button type="button" disabled={busy || reply.trim() === ''} onClick={() => void sendReply()}>
            {t('review.comment.send')}
          </button>
        </div>
      ) : null}
    </li>
  );
});
