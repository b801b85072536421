// Runs in: renderer. The pending suggestions under the toolbar: each with its author (in the author's
// colour), what it inserts or strikes, and Accept / Reject; then all at once, or one author's. The
// list is rebuilt off the keystroke path (debounced, then idle), never per key, and then re-reads
// only the blocks edited since (suggestion-lister.ts).
import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';
import { authorColourIndex } from '../../common/editor/author-colour';
import type { MessageKey } from '../i18n/messages/catalogues';
import { useT } from '../i18n/use-t';
import { createIdleDebounce } from './idle-debounce';
import { createSuggestionLister } from './suggestion-lister';
import { visitSuggestion } from './suggestion-navigation';
import { decideSuggestions, type SuggestionDecision, type SuggestionEntry, type SuggestionKind } from './suggestion-review';

const REFRESH_MS = 300;

const LABEL_KEYS = {
  insert: 'editor.suggestions.inserted',
  delete: 'editor.suggestions.deleted',
  format: 'editor.suggestions.formatted',
} as const satisfies Record<SuggestionKind, MessageKey>;

export function SuggestionPanel({ editor }: { editor: Editor }) {
  const t = useT();
  // Re-walks only the blocks edited since the last listing, so a long body costs little per refresh.
  const [listSuggestions] = useState(createSuggestionLister);
  const [entries, setEntries] = useState<SuggestionEntry[]>(() => listSuggestions(editor.state.doc));

  useEffect(() => {
    const refresh = () => {
      if (editor.isDestroyed) return;
      const next = listSuggestions(editor.state.doc);
      // Nothing pending before or after: keep the same list, so the panel does not render again.
      setEntries((shown) => (next.length === 0 && shown.length === 0 ? shown : next));
    };
    const debounced = createIdleDebounce(refresh, REFRESH_MS);
    editor.on('update', debounced.schedule);
    return () => {
      editor.off('update', debounced.schedule);
      debounced.cancel();
    };
  }, [editor, listSuggestions]);

  if (entries.length === 0) return null;

  const decide = (decision: SuggestionDecision, which: Parameters<typeof decideSuggestions>[2]) => {
    if (editor.isDestroyed || !editor.isEditable) return;
    const tr = decideSuggestions(editor.state, decision, which);
    if (tr) editor.view.dispatch(tr);
    setEntries(listSuggestions(editor.state.doc));
  };
  const authors = [...new Map(entries.map((e) => [e.authorId, e.authorName])).entries()];

  return (
    <section className="dl-suggestions" aria-label={t('editor.suggestions.label')}>
      <div className="dl-suggestions__bar">
        <span>{entries.length === 1 ? t('editor.suggestions.countOne') : t('editor.suggestions.count', { count: entries.length })}</span>
        <button type="button" onClick={() => visitSuggestion(editor, 'previous')}>
          {t('editor.suggestions.previous')}
        </button>
        <button type="button" onClick={() => visitSuggestion(editor, 'next')}>
          {t('editor.suggestions.next')}
        </button>
        <button type="button" onClick={() => decide('accept', () => true)}>
          {t('editor.suggestions.accept-all')}
        </button>
        <button type="button" onClick={() => decide('reject', () => true)}>
          {t('editor.suggestions.reject-all')}
        </button>
        {authors.length > 1
          ? authors.map(([authorId, name]) => (
              <span key={authorId} className="dl-suggestions__author">
                <button type="button" onClick={() => decide('accept', (s) => s.authorId === authorId)}>
                  {t('editor.suggestions.accept-author', { name })}
                </button>
                <button type="button" onClick={() => decide('reject', (s) => s.authorId === authorId)}>
                  {t('editor.suggestions.reject-author', { name })}
                </button>
              </span>
            ))
          : null}
      </div>
      <ul className="dl-suggestions__list">
        {entries.map((entry) => {
          const label = t(LABEL_KEYS[entry.kind], { name: entry.authorName, text: entry.text });
          const pick = (s: Pick<SuggestionEntry, 'id' | 'kind'>) => s.id === entry.id && s.kind === entry.kind;
          return (
            <li key={`${entry.kind}:${entry.id}`} className={`dl-suggestion--c${authorColourIndex(entry.authorId)}`}>
              <span className="dl-suggestions__text">{label}</span>
              <button type="button" aria-label={t('editor.suggestions.acceptLabel', { label })} onClick={() => decide('accept', pick)}>
                {t('editor.suggestions.accept')}
              </button>
              <button type="button" aria-label={t('editor.suggestions.rejectLabel', { label })} onClick={() => decide('reject', pick)}>
                {t('editor.suggestions.reject')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
