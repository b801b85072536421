// Runs in: renderer. Comment first: the composer that opens beside the selected text, focused.
// Ctrl/Cmd+Enter or the button adds the comment; Escape cancels; either way the focus goes back to
// the text. Keys pressed while an IME is composing belong to the IME, not to the composer.
import { forwardRef, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { TextAnchor } from '../../../common/workflow/review-comment';
import { formatAccelerator } from '../../../common/commands/accelerator';
import { isMacPlatform } from '../../kit/is-mac-platform';
import { useStores } from '../../stores/stores-context';
import { useT } from '../../i18n/use-t';
import { shortenQuote } from './shorten-quote';
import { TextArea } from '../../kit/text-area';

export interface CommentComposerProps {
  anchor: TextAnchor;
  className?: string;
  /** Placed by the margin; the composer itself does not position. */
  style?: React.CSSProperties;
}

export const CommentComposer = forwardRef<HTMLFormElement, CommentComposerProps>(function CommentComposer({ anchor, className, style }, ref) {
  const t = useT();
  const id = useId();
  const { review, article } = useStores();
  const busy = review((s) => s.busy);
  const [body, setBody] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const composing = useRef(false);

  useLayoutEffect(() => {
    input.current?.focus();
  }, [anchor]);

  /** Back to the text the comment is on, selected as it was. */
  const backToText = (): void => {
    article.getState().getEditorHandle()?.selectRange?.(anchor.from, anchor.to);
  };
  const cancel = (): void => {
    review.getState().closeComposer();
    backToText();
  };
  const submit = async (): Promise<void> => {
    const text = body.trim();
    if (text === '' || busy) return;
    if (await review.getState().addComment(text, anchor)) {
      review.getState().closeComposer();
      backToText();
    }
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    // 229: the key went to an IME (some browsers send it before compositionstart).
    if (event.nativeEvent.isComposing || composing.current || event.keyCode === 229) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      cancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  return (
    <form
      ref={ref}
      className={className ? `comment-composer ${className}` : 'comment-composer'}
      style={style}
      aria-label={t('review.composer.label')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <p className="review-comment-quote">{t('review.comment.quote', { quote: shortenQuote(anchor.quote) })}</p>
      <label htmlFor={id} className="visually-hidden">
        {t('review.composer.label')}
      </label>
      <TextArea
        ref={input}
        id={id}
        rows={3}
        maxLength={5000}
        value={body}
        aria-describedby={`${id}-hint`}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={handleKeyDown}
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={() => {
          composing.current = false;
        }}
      />
      <p className="hint" id={`${id}-hint`}>
        {t('review.composer.hint', { submit: formatAccelerator('CmdOrCtrl+Enter', isMacPlatform()) })}
      </p>
      <div className="review-row">
        <button type="submit" disabled={busy || body.trim() === ''}>
          {t('review.composer.submit')}
        </button>
        <button type="button" onClick={cancel}>
          {t('review.composer.cancel')}
        </button>
      </div>
    </form>
  );
});
