// Runs in: renderer. The find and replace panel over the article: one query across the headline,
// subheadline, summary, body and captions. The search runs a frame after the query or an option
// changes (never mid-composition), and again a frame after the story changes while it is open.
import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { compileFind, findBudget, type CompileResult, type FindProblem } from '../../../common/find/compile-find';
import { DEFAULT_FIND_OPTIONS, MAX_FIND_MATCHES, type FindOptions } from '../../../common/find/find-options';
import { useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/messages/catalogues';
import { useStores } from '../../stores/stores-context';
import { findHighlightsKey, refreshFind, replaceAllMatches, replaceMatch, setCurrentMatch, setFind } from './find-highlights';
import { findInFields, replaceInFields, type FieldMatch, type FieldValues, type FindField } from './find-in-fields';
import { replaceInFieldInput } from './replace-in-field-input';
import { scrollPosIntoView } from '../scroll-selection-into-view';
import './find-panel.css';

export interface FindPanelProps {
  editor: Editor;
  /** Show the replace row (Ctrl/Cmd+H) or find only (Ctrl/Cmd+F). */
  withReplace: boolean;
  /** Bumped on each open command, so a second Ctrl+F focuses the query again. */
  openCount: number;
  onClose(): void;
}

/** Where a field's text box is on the article screen. */
const FIELD_INPUT: Record<FindField, string> = { headline: '.headline-input', subheadline: '.subheadline-input', summary: '.summary-input' };
const FIELD_WHERE: Record<FindField, MessageKey> = { headline: 'find.where.headline', subheadline: 'find.where.subheadline', summary: 'find.where.summary' };

function problemText(t: ReturnType<typeof useT>, problem: FindProblem): string {
  if (problem.kind === 'invalid-pattern') return t('find.problem.invalid-pattern', { detail: problem.detail });
  if (problem.kind === 'too-long') return t('find.problem.too-long', { limit: problem.limit });
  return t('find.problem.nested-quantifier');
}

interface BodyView {
  count: number;
  current: number;
  partial: boolean;
  inCaption: boolean;
}

function bodyView(editor: Editor): BodyView {
  const state = findHighlightsKey.getState(editor.state);
  const current = state?.current ?? -1;
  return { count: state?.matches.length ?? 0, current, partial: state?.partial ?? false, inCaption: state?.matches[current]?.inCaption ?? false };
}

export function FindPanel({ editor, withReplace, openCount, onClose }: FindPanelProps) {
  const t = useT();
  const { article } = useStores();
  const headline = article((s) => s.article?.headline ?? '');
  const subheadline = article((s) => s.article?.subheadline ?? '');
  const summary = article((s) => s.article?.summary ?? '');
  const fields: FieldValues = useMemo(() => ({ headline, subheadline, summary }), [headline, subheadline, summary]);

  const queryInput = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<Element | null>(null);
  const composing = useRef(false);
  const [query, setQuery] = useState(() => {
    const { from, to, empty } = editor.state.selection;
    const selected = empty ? '' : editor.state.doc.textBetween(from, to, ' ');
    return selected.length <= 200 && !selected.includes('\n') ? selected : '';
  });
  const [searched, setSearched] = useState(query);
  const [replacement, setReplacement] = useState('');
  const [options, setOptions] = useState<FindOptions>(DEFAULT_FIND_OPTIONS);
  const [showReplace, setShowReplace] = useState(withReplace);
  /** Index into fields-then-body; -1 before the first step. */
  const [current, setCurrent] = useState(0);
  const [body, setBody] = useState<BodyView>({ count: 0, current: -1, partial: false, inCaption: false });
  const [announcement, setAnnouncement] = useState('');

  const compiled: CompileResult = useMemo(() => compileFind(searched, options), [searched, options]);
  const find = compiled.ok && searched !== '' ? compiled.find : null;
  const fieldMatches: FieldMatch[] = useMemo(() => (find ? findInFields(fields, find, findBudget(MAX_FIND_MATCHES, 50)) : []), [find, fields]);
  const total = fieldMatches.length + body.count;

  // Another open command (Ctrl+H while finding) shows the replace row; a new query starts at the first match.
  const [seen, setSeen] = useState({ openCount, find });
  if (seen.openCount !== openCount || seen.find !== find) {
    setSeen({ openCount, find });
    if (seen.openCount !== openCount && withReplace) setShowReplace(true);
    if (seen.find !== find) setCurrent(0);
  }

  // Focus the query on every open; give focus back where it was on close.
  useLayoutEffect(() => {
    returnFocus.current ??= document.activeElement;
    queryInput.current?.focus();
    queryInput.current?.select();
  }, [openCount]);

  // The query settles for a frame before the search runs (typing fast searches once).
  useEffect(() => {
    if (composing.current) return;
    const frame = requestAnimationFrame(() => setSearched(query));
    return () => cancelAnimationFrame(frame);
  }, [query]);

  // Follow the body's matches as the plugin refreshes them (a cheap read per transaction).
  useEffect(() => {
    const follow = () => {
      const next = bodyView(editor);
      setBody((known) => (known.count === next.count && known.current === next.current && known.partial === next.partial && known.inCaption === next.inCaption ? known : next));
    };
    editor.on('transaction', follow);
    return () => {
      editor.off('transaction', follow);
    };
  }, [editor]);

  // The body's search: on a new query or options; the plugin redoes it a frame after each edit.
  useEffect(() => {
    if (!editor.isDestroyed) editor.view.dispatch(setFind(editor.state, find));
  }, [editor, find]);

  // Closing clears the marks.
  useEffect(
    () => () => {
      if (!editor.isDestroyed) editor.view.dispatch(setFind(editor.state, null));
    },
    [editor],
  );

  /**
   * Makes match `index` (fields first, then the body) the current one and brings it on screen, in
   * the middle for the body (the focus stays here, so ProseMirror would not scroll). With `select`
   * (Enter) the match is also selected; without (the query being typed) the caret stays put.
   */
  const present = useCallback(
    (index: number, select: boolean) => {
      setCurrent(index);
      const field = fieldMatches[index];
      if (field) {
        editor.view.dispatch(setCurrentMatch(editor.state, -1, false));
        const input = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(FIELD_INPUT[field.field]);
        if (select) input?.setSelectionRange(field.from, field.to);
        input?.scrollIntoView?.({ block: 'nearest' });
        return;
      }
      const match = refreshFind(editor.view).matches[index - fieldMatches.length];
      if (!match) return;
      editor.view.dispatch(setCurrentMatch(editor.state, index - fieldMatches.length, select));
      scrollPosIntoView(editor.view, match.from, { center: true });
    },
    [editor, fieldMatches],
  );

  const step = (delta: number) => {
    if (total > 0) present((((current + delta) % total) + total) % total, true);
  };

  // A new query shows its first match as it is typed: from the caret on when find was opened from
  // the body, as a browser's find goes on from where you are; from the top (the fields first)
  // otherwise, or when nothing follows the caret.
  const revealed = useRef<typeof find>(null);
  useEffect(() => {
    const plugin = findHighlightsKey.getState(editor.state);
    if (!find || revealed.current === find || plugin?.find !== find) return;
    revealed.current = find;
    const fromBody = returnFocus.current instanceof Node && editor.view.dom.contains(returnFocus.current);
    const after = fromBody ? plugin.matches.findIndex((m) => m.from >= editor.state.selection.from) : -1;
    if (fieldMatches.length + plugin.matches.length > 0) present(after >= 0 ? fieldMatches.length + after : 0, false);
  }, [editor, find, fieldMatches, body, present]);

  // Through the field's own text box, so Ctrl/Cmd+Z there undoes the replacement as it does in the body.
  const applyToFields = (patch: Partial<FieldValues>) => {
    const rest: Partial<FieldValues> = {};
    for (const [field, next] of Object.entries(patch) as [FindField, string][]) {
      const input = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(FIELD_INPUT[field]);
      if (!input || !replaceInFieldInput(input, next)) rest[field] = next;
    }
    if (Object.keys(rest).length > 0) article.getState().updateFields(rest);
  };

  const replaceOne = () => {
    if (!find || total === 0) return;
    const field = fieldMatches[current];
    if (field) {
      applyToFields(replaceInFields(fields, [field], replacement, find));
      setAnnouncement(t('find.replaced', { count: 1 }));
      return;
    }
    if (replaceMatch(editor.view, current - fieldMatches.length, replacement)) setAnnouncement(t('find.replaced', { count: 1 }));
  };

  const replaceAll = () => {
    if (!find || total === 0) return;
    const patch = replaceInFields(fields, fieldMatches, replacement, find);
    applyToFields(patch);
    const inBody = replaceAllMatches(editor.view, replacement);
    setAnnouncement(t('find.replaced', { count: fieldMatches.length + inBody }));
  };

  const close = () => {
    onClose();
    const target = returnFocus.current;
    // Back to the body through ProseMirror: the element's own focus() scrolled the story hundreds of
    // pixels; ProseMirror's puts back its selection without scrolling.
    if (target instanceof Node && editor.view.dom.contains(target)) editor.view.focus();
    else if (target instanceof HTMLElement && target.isConnected) target.focus();
    else editor.commands.focus();
  };

  const handleKeys = (event: KeyboardEvent, onEnter: () => void) => {
    if (event.nativeEvent.isComposing || composing.current) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (event.shiftKey) step(-1);
      else onEnter();
    }
  };

  const toggle = (key: keyof FindOptions) => setOptions((known) => ({ ...known, [key]: !known[key] }));

  const where = (): string => {
    const field = fieldMatches[current];
    if (field) return t(FIELD_WHERE[field.field]);
    return t(body.inCaption ? 'find.where.caption' : 'find.where.body');
  };
  const partial = body.partial || fieldMatches.length >= MAX_FIND_MATCHES;
  const count =
    total === 0 ? t('find.count-none') : `${t(partial ? 'find.count-partial' : 'find.count', { current: Math.min(current, total - 1) + 1, total })} ${where()}`;

  return (
    <div className="dl-find-panel" role="search" aria-label={t('find.panel.label')}>
      <div className="dl-find-panel__row">
        <button type="button" aria-label={t('find.toggle-replace')} aria-expanded={showReplace} onClick={() => setShowReplace((s) => !s)}>
          {showReplace ? '▾' : '▸'}
        </button>
        <input
          ref={queryInput}
          type="text"
          aria-label={t('find.query.label')}
          placeholder={t('find.query.placeholder')}
          value={query}
          aria-invalid={!compiled.ok}
          onChange={(e) => setQuery(e.target.value)}
          onCompositionStart={() => {
            composing.current = true;
          }}
          onCompositionEnd={(e) => {
            composing.current = false;
            setQuery(e.currentTarget.value);
            setSearched(e.currentTarget.value);
          }}
          onKeyDown={(e) => handleKeys(e, () => step(1))}
        />
        <button type="button" aria-label={t('find.option.match-case')} title={t('find.option.match-case')} aria-pressed={options.matchCase} onClick={() => toggle('matchCase')}>
          Aa
        </button>
        <button type="button" aria-label={t('find.option.whole-word')} title={t('find.option.whole-word')} aria-pressed={options.wholeWord} onClick={() => toggle('wholeWord')}>
          ab
        </button>
        <button type="button" aria-label={t('find.option.regex')} title={t('find.option.regex')} aria-pressed={options.regex} onClick={() => toggle('regex')}>
          .*
        </button>
        <button type="button" aria-label={t('find.option.fold-width')} title={t('find.option.fold-width')} aria-pressed={options.foldWidth} onClick={() => toggle('foldWidth')}>
          ，,
        </button>
        <span className="dl-find-panel__count" role="status" aria-live="polite">
          {searched === '' ? '' : count}
        </span>
        <button type="button" aria-label={t('find.previous')} title={t('find.previous')} disabled={total === 0} onClick={() => step(-1)}>
          ↑
        </button>
        <button type="button" aria-label={t('find.next')} title={t('find.next')} disabled={total === 0} onClick={() => step(1)}>
          ↓
        </button>
        <button type="button" aria-label={t('find.close')} title={t('find.close')} onClick={close}>
          ×
        </button>
      </div>
      {showReplace && (
        <div className="dl-find-panel__row">
          <input
            type="text"
            aria-label={t('find.replacement.label')}
            placeholder={t('find.replacement.placeholder')}
            value={replacement}
            onChange={(e) => setReplacement(e.target.value)}
            onKeyDown={(e) => handleKeys(e, replaceOne)}
          />
          <button type="button" disabled={total === 0 || !editor.isEditable} onClick={replaceOne}>
            {t('find.replace-one')}
          </button>
          <button type="button" disabled={total === 0 || !editor.isEditable} onClick={replaceAll}>
            {t('find.replace-all')}
          </button>
        </div>
      )}
      {!compiled.ok && (
        <p className="dl-find-panel__problem" role="alert">
          {problemText(t, compiled.problem)}
        </p>
      )}
      <span className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </span>
    </div>
  );
}
