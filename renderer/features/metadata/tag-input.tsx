// Runs in: renderer. Tags as chips: Enter or comma adds, no duplicates. Removing never loses a tag
// by accident: Backspace in the empty box first marks the last tag and removes it only when pressed
// again, and Ctrl/Cmd+Z in the box brings back what was removed (by Backspace or by its × button).
import { useId, useRef, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { formatAccelerator } from '../../../common/commands/accelerator';
import { isMacPlatform } from '../../kit/is-mac-platform';

export const MAX_TAG_LENGTH = 100;
export const MAX_TAGS = 100;
/** Removals Ctrl/Cmd+Z can bring back. */
const MAX_UNDO = 20;

interface Removed {
  tag: string;
  index: number;
}

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
  // The last tag, marked by a first Backspace in the empty box: a second one removes it.
  const [armed, setArmed] = useState(false);
  const removed = useRef<Removed[]>([]);
  // Text typed in the box since the last removal: Ctrl/Cmd+Z is then the box's own undo of it.
  const typedSinceRemoval = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  const undoKeys = formatAccelerator('CmdOrCtrl+Z', isMacPlatform());

  const remove = (index: number): void => {
    const tag = tags[index];
    if (tag === undefined) return;
    removed.current = [...removed.current, { tag, index }].slice(-MAX_UNDO);
    typedSinceRemoval.current = false;
    setArmed(false);
    onChange(tags.filter((_, i) => i !== index));
    setHint(t('metadata.tags.removed', { tag, undo: undoKeys }));
  };

  const undoRemove = (): boolean => {
    const last = removed.current.at(-1);
    if (!last) return false;
    removed.current = removed.current.slice(0, -1);
    if (tags.some((existing) => existing.toLocaleLowerCase() === last.tag.toLocaleLowerCase()) || tags.length >= MAX_TAGS) return true;
    const next = [...tags];
    next.splice(Math.min(last.index, next.length), 0, last.tag);
    onChange(next);
    setHint(t('metadata.tags.restored', { tag: last.tag }));
    return true;
  };

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
    const undo = (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'z';
    if (undo && text === '' && !typedSinceRemoval.current) {
      // With nothing typed the box has nothing of its own to undo: bring back the last removed tag.
      if (undoRemove()) event.preventDefault();
      return;
    }
    if (event.key === 'Backspace' && text === '' && tags.length > 0) {
      event.preventDefault();
      if (armed) remove(tags.length - 1);
      else {
        setArmed(true);
        setHint(t('metadata.tags.backspaceAgain', { tag: tags[tags.length - 1]! }));
      }
      return;
    }
    if (armed) {
      setArmed(false);
      setHint('');
    }
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commit([text]);
      setText('');
    }
  };

  const handleChange = (event: React.ChangeEvent<HTMLInputElement>): void => {
    const value = event.target.value;
    if (value !== '') typedSinceRemoval.current = true;
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
    setArmed(false);
    if (!text.trim()) return;
    commit([text]);
    setText('');
  };

  return (
    <div className="tag-input">
      <label htmlFor={inputId}>{label}</label>
      <div className="tag-box">
        <ul className="tag-chips" aria-label={label}>
          {tags.map((tag, index) => (
            <li key={tag} className={armed && index === tags.length - 1 ? 'tag-chip armed' : 'tag-chip'}>
              <span>{tag}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('metadata.tags.remove', { tag })}
                onClick={() => {
                  remove(index);
                  // The button goes with its tag: keep the keyboard in the tags' box, not on the page.
                  input.current?.focus();
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          ref={input}
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
