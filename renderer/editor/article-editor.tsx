// Runs in: renderer. The article body editor: TipTap with toolbar, link dialog, photos and live
// counts. React renders it once per article; typing never re-renders React.
import type { AnyExtension, Editor } from '@tiptap/core';
import { closeHistory } from '@tiptap/pm/history';
import { Mapping } from '@tiptap/pm/transform';
import { useEditor } from '@tiptap/react';
import {
  forwardRef,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
} from 'react';
import type { DocNode } from '../../common/article';
import type { MenuCommand } from '../../common/bridge';
import type { DatelineApi } from '../../common/contract';
import { docText } from '../../common/doc-text';
import { createEditorExtensions } from '../../common/editor/editor-extensions';
import { BlockStatsCache } from '../../common/text/block-stats-cache';
import { textStats, type TextStats } from '../../common/text/text-stats';
import { t as translateNow } from '../i18n/i18n-store';
import { useT } from '../i18n/use-t';
import './article-editor.css';
import { EditableFigure } from './editable-figure';
import { EditorKeymap } from './editor-keymap';
import { EditorMount } from './editor-mount';
import { EditorToolbar } from './editor-toolbar';
import { createIdleDebounce } from './idle-debounce';
import { importPhotos } from './import-photos';
import { insertFigures } from './insert-figures';
import { isEmptyBody } from './is-empty-body';
import { LinkDialog } from './link-dialog';
import { isDirectFormatCommand, runFormatCommand } from './run-format-command';
import { filesFromDrop, filesFromPaste } from './transfer-photos';
import { useRenderProbe } from '../kit/use-render-probe';
import type { TextAnchor } from '../../common/workflow/review-comment';
import { QUOTE_BLOCK_SEPARATOR } from '../../common/workflow/doc-text-index';
import { isSuggestionCommand, runSuggestionCommand } from './run-suggestion-command';
import { setSuggesting, SuggestionMode, type SuggestionAuthor } from './suggestion-mode';
import { SuggestionPanel } from './suggestion-panel';
import { visitSuggestion, type SuggestionDirection } from './suggestion-navigation';
import './suggestion-marks.css';
import { activeCommentId, CommentHighlights, currentCommentRanges, setActiveComment, setCommentHighlights, type CommentHighlight } from './comment-highlights';
import { commentTops, onBodyLayoutChange, topOf } from './comment-anchor-tops';
import { FindHighlights } from './find/find-highlights';
import { FindPanel } from './find/find-panel';
import { PasteCleanup } from './paste/paste-cleanup';
import { largePaste, type PendingPaste } from './large-paste';
import { LargePasteDialog } from './large-paste-dialog';
import { scrollSelectionIntoView } from './scroll-selection-into-view';
import { CaretInSight } from './caret-in-sight';
import { createBodyJson } from './body-json';
import { prepareJson, type PreparedJson } from '../../common/prepared-json';

export interface ArticleEditorHandle {
  /** Serialises the body (editor.getJSON()); only called off the keystroke path (autosave, explicit save). */
  getBody(): DocNode;
  /** The body as it is now, as JSON bytes for a save, re-encoding only the blocks changed since the last call. */
  getBodyJson(): Promise<PreparedJson<DocNode>>;
  focus(): void;
  /** Imports the files through api.call('media.import') and inserts one figure per photo at the selection. */
  insertPhotos(files: File[]): Promise<void>;
  /** Runs an editor command: format.*, undo and redo, find and replace (the panel), and article.insert-photo (the photo picker). */
  runCommand(command: MenuCommand): void;
  /** The selected text as a comment anchor, or null when nothing is selected. */
  getSelectionAnchor(): TextAnchor | null;
  /** Marks the text of the open comments. */
  showComments(highlights: readonly CommentHighlight[]): void;
  /** Selects a comment's text where it is now (after the edits since it was loaded), else `from`–`to`. */
  selectRange(from: number, to: number, commentId?: string): void;
  /** Who suggestions are recorded as, and whether to switch to Suggesting now. */
  configureSuggestions(author: SuggestionAuthor, suggest: boolean): void;
  /**
   * Where each marked comment's text starts now, as a viewport `top` in pixels; `stored` gives the
   * saved start of comments whose marked text is not (yet) found. Reads only those positions.
   */
  commentTops(stored: ReadonlyMap<string, number>): Map<string, number>;
  /** The viewport `top` of body position `pos` (clamped to the body). */
  topOf(pos: number): number;
  /** Calls `listener` once in the frame after the body changed or was resized; returns the unsubscribe. */
  onLayoutChange(listener: () => void): () => void;
  /** Marks comment `id`'s text as the active one (null: none). */
  setActiveComment(id: string | null): void;
  /** Puts a top-level block back (replacing the one at `index`, or before it) as one undoable edit; false if it does not fit. */
  restoreBlock(index: number, replace: boolean, block: DocNode): boolean;
  /** Selects the first (or the next, the previous) pending suggestion and scrolls to it; false when there is none. */
  goToSuggestion(direction: SuggestionDirection): boolean;
}

export interface ArticleEditorProps {
  /** The component is keyed by article id by its parent; later changes are ignored. */
  initialBody: DocNode;
  api: DatelineApi;
  /** Article language, set as `lang` on the editable. */
  language: string;
  /** Called once per doc-changing transaction; must stay cheap. */
  onDirty(): void;
  /** Debounced (~300 ms, then idle) word/character counts; also called once in idle time after mount. */
  onStats(stats: TextStats): void;
  /** One message per problem (e.g. per refused photo), already translated. */
  onError(message: string): void;
  /** The toolbar's Comment button: comment on the selected text (the app's `edit.comment`). */
  onComment?(): void;
  /**
   * A story shared through a newsroom server: the binding to its Yjs document
   * (collab/story-collaboration.ts), read once at mount. The body then comes from the document, not
   * from `initialBody`. Absent for a story kept on this machine alone, which stays as it always was.
   */
  collaboration?: AnyExtension | null;
}

const STATS_DEBOUNCE_MS = 300;
/** While typing goes on without a pause, the counts still move at least this often. */
const STATS_MAX_WAIT_MS = 1000;

export const ArticleEditor = forwardRef<ArticleEditorHandle, ArticleEditorProps>(function ArticleEditor(props, ref) {
  useRenderProbe('ArticleEditor');
  const { api, language } = props;
  const t = useT();
  const callbacks = useRef({ onDirty: props.onDirty, onStats: props.onStats, onError: props.onError, onComment: props.onComment });
  useLayoutEffect(() => {
    callbacks.current = { onDirty: props.onDirty, onStats: props.onStats, onError: props.onError, onComment: props.onComment };
  });

  const [initialBody] = useState(() => props.initialBody);
  const [bodyJson] = useState(createBodyJson);
  const bodyRejected = useRef(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const [pendingPaste, setPendingPaste] = useState<PendingPaste | null>(null);
  const [find, setFind] = useState<{ withReplace: boolean; count: number } | null>(null);
  const [pendingPhotos, setPendingPhotos] = useState(0);
  const actions = useRef({
    runCommand: (_command: MenuCommand): boolean => false,
    insertPhotosAt: async (_files: File[], _pos: number | null): Promise<void> => {},
    askLargePaste: (_paste: PendingPaste): void => {},
  });

  const [collaboration] = useState(() => props.collaboration ?? null);
  const [extensions] = useState(() => [
    ...createEditorExtensions({ resolveMediaUrl: (id) => api.thumbnailUrl(id), figure: EditableFigure, collaborative: collaboration !== null }),
    ...(collaboration ? [collaboration] : []),
    EditorKeymap.configure({ onCommand: (command) => actions.current.runCommand(command) }),
    CaretInSight,
    CommentHighlights,
    SuggestionMode,
    FindHighlights,
    PasteCleanup.configure({ notesLabel: () => translateNow('paste.notes') }),
  ]);

  const shiftHeld = useRef(false);
  const editorProps = useMemo(
    () => ({
      // A function of the state so the empty-body placeholder follows typing; the check is O(1).
      attributes: (state: Editor['state']): Record<string, string> => {
        const placeholder: Record<string, string> = isEmptyBody(state.doc) ? { 'data-empty': 'true', 'data-placeholder': t('editor.body.placeholder'), 'aria-placeholder': t('editor.body.placeholder') } : {};
        return {
          class: 'dl-article-body',
          lang: language,
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': t('editor.body.label'),
          spellcheck: 'true',
          ...placeholder,
        };
      },
      // One known scroller, clear of the sticky toolbar, instead of measuring every ancestor per key.
      handleScrollToSelection: (view: Editor['view']): boolean => scrollSelectionIntoView(view),
      handleDrop: (view: Editor['view'], event: DragEvent, _slice: unknown, moved: boolean): boolean => {
        if (moved) return false;
        const files = filesFromDrop(event.dataTransfer);
        if (files.length === 0) return false;
        event.preventDefault();
        const pos = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? null;
        void actions.current.insertPhotosAt(files, pos);
        return true;
      },
      handleDOMEvents: {
        // Shift held while pasting (Ctrl/Cmd+Shift+V) means plain text, as ProseMirror reads it too.
        keydown: (_view: Editor['view'], event: KeyboardEvent): boolean => {
          if (event.key === 'Shift') shiftHeld.current = true;
          return false;
        },
        keyup: (_view: Editor['view'], event: KeyboardEvent): boolean => {
          if (event.key === 'Shift') shiftHeld.current = false;
          return false;
        },
        blur: (): boolean => {
          shiftHeld.current = false;
          return false;
        },
        // Before the editor reads the clipboard at all: a huge paste is asked about, not parsed twice.
        paste: (view: Editor['view'], event: ClipboardEvent): boolean => {
          // A read-only body takes no paste at all (ProseMirror asks this handler before it checks).
          if (!view.editable || filesFromPaste(event.clipboardData).length > 0) return false;
          const pending = largePaste(event.clipboardData, { plain: shiftHeld.current });
          if (!pending) return false;
          event.preventDefault();
          actions.current.askLargePaste(pending);
          return true;
        },
      },
      handlePaste: (_view: Editor['view'], event: ClipboardEvent): boolean => {
        const files = filesFromPaste(event.clipboardData);
        if (files.length === 0) return false;
        event.preventDefault();
        void actions.current.insertPhotosAt(files, null);
        return true;
      },
    }),
    [language, t],
  );

  const editor = useEditor({
    extensions,
    content: collaboration ? null : initialBody,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    // An unreadable body must never be replaced by an empty one: open it read-only instead.
    enableContentCheck: true,
    onContentError: ({ editor: current }) => {
      if (current.isInitialized) return;
      bodyRejected.current = true;
      current.setEditable(false, false);
    },
    editorProps,
    onUpdate: () => callbacks.current.onDirty(),
  });

  useEffect(() => {
    if (bodyRejected.current) callbacks.current.onError(translateNow('editor.body.invalid'));
  }, []);

  // Counts run off the keystroke path: debounced, then in idle time, re-counting changed blocks only.
  // The first count waits for idle time too: an opened body is painted before it is counted.
  useEffect(() => {
    const cache = new BlockStatsCache();
    const report = () => {
      if (editor.isDestroyed) return;
      callbacks.current.onStats(bodyRejected.current ? textStats(docText(initialBody)) : cache.statsOf(editor.state.doc));
    };
    const first = createIdleDebounce(report, 0);
    first.schedule();
    const debounced = createIdleDebounce(report, STATS_DEBOUNCE_MS, STATS_MAX_WAIT_MS);
    editor.on('update', debounced.schedule);
    return () => {
      editor.off('update', debounced.schedule);
      first.cancel();
      debounced.cancel();
    };
  }, [editor, initialBody]);

  // The first autosave then encodes only what was typed: the opened body is encoded for saves once,
  // in idle time after it is painted (in slices that let keys go first), not on the first save.
  useEffect(() => {
    const warm = createIdleDebounce(() => {
      if (!editor.isDestroyed && !bodyRejected.current) void bodyJson(editor.state.doc);
    }, 0);
    warm.schedule();
    return () => warm.cancel();
  }, [editor, bodyJson]);

  const insertPhotosAt = useCallback(
    async (files: File[], pos: number | null) => {
      if (files.length === 0 || editor.isDestroyed) return;
      if (!editor.isEditable) {
        callbacks.current.onError(translateNow('editor.photos.read-only'));
        return;
      }
      // Keep the target position valid while the user goes on typing during the upload.
      const mapping = new Mapping();
      const track = ({ transaction }: { transaction: { mapping: Mapping } }) => mapping.appendMapping(transaction.mapping);
      const start = pos ?? editor.state.selection.to;
      editor.on('transaction', track);
      setPendingPhotos((count) => count + files.length);
      try {
        const { imported, failures } = await importPhotos(api, files);
        for (const message of failures) callbacks.current.onError(message);
        if (!editor.isDestroyed) insertFigures(editor, mapping.map(start), imported);
      } finally {
        editor.off('transaction', track);
        setPendingPhotos((count) => count - files.length);
      }
    },
    [api, editor],
  );

  const openLink = useCallback(() => {
    if (!editor.isEditable) return false;
    setLinkOpen(true);
    return true;
  }, [editor]);
  const closeLink = useCallback(() => setLinkOpen(false), []);
  const closePendingPaste = useCallback(() => setPendingPaste(null), []);
  const comment = useCallback(() => callbacks.current.onComment?.(), []);
  const openFind = useCallback((withReplace: boolean) => {
    setFind((open) => ({ withReplace, count: (open?.count ?? 0) + 1 }));
    return true;
  }, []);
  const closeFind = useCallback(() => setFind(null), []);
  const openPicker = useCallback(() => {
    if (!editor.isEditable || !fileInput.current) return false;
    fileInput.current.click();
    return true;
  }, [editor]);

  /** Runs an editor command from a key, the menu or the palette; true when it was handled. */
  const runCommand = useCallback(
    (command: MenuCommand): boolean => {
      if (command === 'format.link') return openLink();
      if (command === 'article.insert-photo') return openPicker();
      if (command === 'edit.find' || command === 'edit.replace') return openFind(command === 'edit.replace');
      if (command === 'edit.undo') return editor.chain().focus().undo().run();
      if (command === 'edit.redo') return editor.chain().focus().redo().run();
      if (isSuggestionCommand(command)) return runSuggestionCommand(editor, command);
      return isDirectFormatCommand(command) ? runFormatCommand(editor, command) : false;
    },
    [editor, openLink, openPicker, openFind],
  );

  useLayoutEffect(() => {
    actions.current = { runCommand, insertPhotosAt, askLargePaste: setPendingPaste };
  }, [runCommand, insertPhotosAt]);

  useImperativeHandle(
    ref,
    () => ({
      getBody: () => (bodyRejected.current ? initialBody : (editor.getJSON() as DocNode)),
      getBodyJson: () => (bodyRejected.current ? Promise.resolve(prepareJson(initialBody)) : bodyJson(editor.state.doc)),
      focus: () => {
        editor.commands.focus();
      },
      insertPhotos: (files) => insertPhotosAt(files, null),
      runCommand: (command) => {
        runCommand(command);
      },
      getSelectionAnchor: () => {
        const { from, to, empty } = editor.state.selection;
        if (empty) return null;
        const quote = editor.state.doc.textBetween(from, to, QUOTE_BLOCK_SEPARATOR, (leaf) => (leaf.type.name === 'hardBreak' ? '\n' : ''));
        return quote.trim() === '' ? null : { from, to, quote };
      },
      showComments: (highlights) => {
        if (!editor.isDestroyed) editor.view.dispatch(setCommentHighlights(editor.state, highlights));
      },
      selectRange: (from, to, commentId) => {
        if (editor.isDestroyed) return;
        const mapped = commentId ? currentCommentRanges(editor.state).get(commentId) : undefined;
        const size = editor.state.doc.content.size;
        const range = mapped ?? { from, to };
        editor
          .chain()
          .focus()
          .setTextSelection({ from: Math.min(range.from, size), to: Math.min(range.to, size) })
          .scrollIntoView()
          .run();
      },
      configureSuggestions: (author, suggest) => {
        if (!editor.isDestroyed) setSuggesting(editor.view, suggest, author);
      },
      commentTops: (stored) => (editor.isDestroyed ? new Map() : commentTops(editor.view, stored)),
      topOf: (pos) => (editor.isDestroyed ? 0 : topOf(editor.view, pos)),
      onLayoutChange: (listener) => onBodyLayoutChange(editor, listener),
      setActiveComment: (id) => {
        if (!editor.isDestroyed && activeCommentId(editor.state) !== id) editor.view.dispatch(setActiveComment(editor.state, id));
      },
      restoreBlock: (index, replace, block) => {
        if (editor.isDestroyed) return false;
        const { state } = editor;
        try {
          const node = state.schema.nodeFromJSON(block);
          node.check();
          const at = Math.min(index, state.doc.childCount);
          let from = 0;
          for (let i = 0; i < at; i++) from += state.doc.child(i).nodeSize;
          const to = replace && at < state.doc.childCount ? from + state.doc.child(at).nodeSize : from;
          // Its own undo step: not grouped with typing that came just before it.
          editor.view.dispatch(closeHistory(state.tr.replaceWith(from, to, node)).scrollIntoView());
          return true;
        } catch {
          return false;
        }
      },
      goToSuggestion: (direction) => visitSuggestion(editor, direction),
    }),
    [editor, initialBody, bodyJson, insertPhotosAt, runCommand],
  );

  const handleFilesChosen = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    void insertPhotosAt(files, null);
  };

  return (
    <div className="dl-editor">
      {/* The toolbar and the find bar stick over the text together, the find bar under the toolbar. */}
      <div className="dl-editor__bars" data-sticky-over-body="">
        <EditorToolbar editor={editor} onLink={openLink} onInsertPhoto={openPicker} onComment={props.onComment ? comment : undefined} />
        {find && <FindPanel editor={editor} withReplace={find.withReplace} openCount={find.count} onClose={closeFind} />}
      </div>
      <SuggestionPanel editor={editor} />
      {linkOpen && <LinkDialog editor={editor} onClose={closeLink} />}
      {pendingPaste && <LargePasteDialog editor={editor} paste={pendingPaste} onClose={closePendingPaste} />}
      <input
        ref={fileInput}
        className="dl-editor__file-input"
        type="file"
        accept="image/*"
        multiple
        hidden
        aria-label={t('editor.toolbar.insert-photo')}
        onChange={handleFilesChosen}
      />
      <div className="dl-editor__status" role="status" aria-live="polite">
        {pendingPhotos > 0 && t(pendingPhotos === 1 ? 'editor.photos.adding-one' : 'editor.photos.adding-many', { count: pendingPhotos })}
      </div>
      <EditorMount editor={editor} className="dl-editor__content" />
    </div>
  );
});
