// Runs in: renderer. Small non-modal dialog to add, change or remove the link at the selection.
import type { Editor } from '@tiptap/core';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useT } from '../i18n/use-t';
import { parseLinkInput } from './parse-link-input';

export interface LinkDialogProps {
  editor: Editor;
  onClose(): void;
}

export function LinkDialog({ editor, onClose }: LinkDialogProps) {
  const t = useT();
  const titleId = useId();
  const inputId = useId();
  const errorId = useId();
  const [existingHref] = useState(() => {
    const href: unknown = editor.getAttributes('link').href;
    return typeof href === 'string' ? href : '';
  });
  const [value, setValue] = useState(existingHref);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    onClose();
    editor.view.focus();
  };

  const handleRemove = () => {
    editor.chain().extendMarkRange('link').unsetLink().run();
    onClose();
    editor.view.focus();
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseLinkInput(value);
    if (!parsed.ok) {
      if (parsed.reason === 'empty' && existingHref) {
        handleRemove();
        return;
      }
      setError(t(parsed.reason === 'empty' ? 'editor.link.empty' : 'editor.link.invalid'));
      return;
    }
    const { href } = parsed;
    // No chain().focus(): its focus lands a frame later and would put back this selection over keys typed meanwhile.
    const chain = editor.chain();
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      chain.extendMarkRange('link').setLink({ href }).run();
    }
    onClose();
    // TipTap's focus() lands a frame later; focus now so the next key goes to the text, not the dialog.
    editor.view.focus();
  };

  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  return (
    <div className="dl-link-dialog" role="dialog" aria-labelledby={titleId} onKeyDown={handleKeyDown}>
      <form onSubmit={handleSubmit} noValidate>
        <h2 id={titleId} className="dl-link-dialog__title">
          {t('editor.link.title')}
        </h2>
        <label htmlFor={inputId} className="dl-link-dialog__label">
          {t('editor.link.address')}
        </label>
        <input
          id={inputId}
          className="dl-link-dialog__input"
          type="url"
          inputMode="url"
          autoFocus
          value={value}
          placeholder="https://"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
        />
        {error && (
          <p id={errorId} className="dl-link-dialog__error" role="alert">
            {error}
          </p>
        )}
        <div className="dl-link-dialog__actions">
          <button type="submit">{t('editor.link.apply')}</button>
          {existingHref && (
            <button type="button" onClick={handleRemove}>
              {t('editor.link.remove')}
            </button>
          )}
          <button type="button" onClick={close}>
            {t('editor.link.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
