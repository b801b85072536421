// Runs in: renderer. Headline, subheadline and summary: each re-renders alone when it changes.
import { useEffect, useId, useRef } from 'react';
import { useStores } from '../../stores/stores-context';
import { useT } from '../../i18n/use-t';
import { HeadlineLengthLine } from './headline-length-line';
import { TextArea } from '../../kit/text-area';

export function HeadlineField() {
  const t = useT();
  const id = useId();
  const { article, ui } = useStores();
  const value = article((s) => s.article?.headline ?? '');
  const input = useRef<HTMLTextAreaElement>(null);
  const focusPending = ui((s) => s.headlineFocusPending);
  const lengthId = `${id}-length`;
  useEffect(() => {
    if (focusPending && ui.getState().takeHeadlineFocus()) input.current?.focus();
  }, [focusPending, ui]);
  return (
    <div className="field field-headline">
      <label htmlFor={id} className="visually-hidden">
        {t('article.headline')}
      </label>
      {/* A headline is one line of text, but long ones wrap on screen instead of scrolling out of sight. */}
      <TextArea
        ref={input}
        id={id}
        className="headline-input"
        rows={1}
        value={value}
        maxLength={1000}
        placeholder={t('article.headlinePlaceholder')}
        aria-describedby={lengthId}
        onKeyDown={(e) => {
          // Enter would start a second line; while an IME is composing, Enter picks the candidate.
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) e.preventDefault();
        }}
        onChange={(e) => article.getState().updateFields({ headline: e.target.value.replace(/[\r\n]+/g, ' ') })}
      />
      <HeadlineLengthLine id={lengthId} headline={value} />
    </div>
  );
}

export function SubheadlineField() {
  const t = useT();
  const id = useId();
  const { article } = useStores();
  const value = article((s) => s.article?.subheadline ?? '');
  return (
    <div className="field">
      <label htmlFor={id} className="visually-hidden">
        {t('article.subheadline')}
      </label>
      <input
        id={id}
        className="subheadline-input"
        value={value}
        maxLength={1000}
        placeholder={t('article.subheadlinePlaceholder')}
        onChange={(e) => article.getState().updateFields({ subheadline: e.target.value })}
      />
    </div>
  );
}

export function SummaryField() {
  const t = useT();
  const id = useId();
  const { article } = useStores();
  const value = article((s) => s.article?.summary ?? '');
  return (
    <div className="field">
      <label htmlFor={id}>{t('article.summary')}</label>
      <TextArea
        id={id}
        className="summary-input"
        rows={3}
        value={value}
        maxLength={5000}
        onChange={(e) => article.getState().updateFields({ summary: e.target.value })}
      />
    </div>
  );
}
