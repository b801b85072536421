// Runs in: renderer. Tags as chips: Enter or comma adds, Backspace on empty removes the last, no duplicates.
import { useId, useState } from 'react';
import { useT } from '../../i18n/use-t';

export const MAX_TAG_LENGTH = 100;
export const MAX_TAGS = 100;

export interface TagInputProps {
  tags: readonly string[];
  onChange(tags: string[]): void;
  label: string;
}

// ASCII and full-width commas and the ideographic comma all separate tags.
const SEPARATORS = /[,，、]/;

export function TagInput({ tags, onChange, label }: TagInputProps) {
  const t = useT();
  const inputId = useId();
  const hintId = useId();
  const [text, setText] = useState('');
  const [hint, setHint] = useState('');

  const add = (raw: string, current: readonly string[]): string[] => {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (!tag) return [...current];
    if (tag.length > MAX_TAG_LENGTH) {
      setHint(t('metadata.tags.tooLong', { max: MAX_TAG_LENGTH }));
      return [...current];
    }
    if (current.some((existing) => existing.toLocaleLowerCase() === tag.toLocaleLowerCase())) {
      setHint(t('metadata.tags.duplicate', { tag }));
      return [...current];
    }
    if (current.length >= MAX_TAGS) {
      setHint(t('metadata.tags.tooMany', { max: MAX_TAGS }));
      return [...current];
    }
    setHint('');
    return [...current, tag];
  };

  const commit = (parts: string[]): void => {
    let next: string[] = [...tags];
    for (const part of parts) next = add(part, next);
    if (next.length !== tags.length) onChange(next);
  };

  const handleKeyDown = (event: React.KeyboardEvent<HTMLInputElement>): void => {
    // While an IME composes (pinyin, kana), Enter picks a candidate: it must not add a tag.
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commit([text]);
      setText('');
    } else if (event.key === 'Backspace' && text === '' && tags.length > 0) {
      event.preventDefault();
      onChange(tags.slice(0, -1));
    }
  };

  const handleChange = (event: React.ChangeEvent<HTMLInputElement>): void => {
    const value = event.target.value;
    if (!SEPARATORS.test(value)) {
      setText(value);
      return;
    }
    const parts = value.split(SEPARATORS);
    const rest = parts.pop() ?? '';
    commit(parts);
    setText(rest);
  };

  const handleBlur = (): void => {
    if (!text.trim()) return;
    commit([text]);
    setText('');
  };

  return (
    <div className="tag-input">
      <label htmlFor={inputId}>{label}</label>
      <div className="tag-box">
        <ul className="tag-chips" aria-label={label}>
          {tags.map((tag) => (
            <li key={tag} className="tag-chip">
              <span>{tag}</span>
              <button type="button" className="chip-remove" aria-label={t('metadata.tags.remove', { tag })} onClick={() => onChange(tags.filter((x) => x !== tag))}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          id={inputId}
          value={text}
          aria-describedby={hintId}
          placeholder={tags.length === 0 ? t('metadata.tags.placeholder') : ''}
          onChange={handleChange}
          onKeyDown={handleKeyDown}
          onBlur={handleBlur}
        />
      </div>
      <p id={hintId} className="hint" aria-live="polite">
        {hint}
      </p>
    </div>
  );
}
