// Runs in: renderer. The open article: its non-body fields, save state and counts; the body stays in the editor.
import { effectiveSlug } from '../../common/publish/effective-slug';
import type { Article, ArticleMeta, DocNode } from '../../common/article';
import type { DatelineApi, ExportResult, OperationResult, RevisionInfo, SlugStyle } from '../../common/contract';
import type { TextStats } from '../../common/text/text-stats';
import type { headlineSlug } from '../../common/text/headline-slug';
import { isApiError } from '../api/api-error';
import { isSameSavedContent } from './same-saved-content';
import { AutosaveController, type AutosaveOptions, type SaveState } from './autosave-controller';
import { createStore, type Store } from './create-store';
import type { EditorHandleLike } from './editor-handle';
import { yieldToInput } from '../kit/yield-to-input';

/** Whether a story is shared through a newsroom server, asked for one load (its editor key); null: not asked. */
export interface SharedLookup {
  editorKey: number;
  answer: Promise<OperationResult<'collab.session'> | null>;
}

export type ArticleFields = Partial<Pick<Article, 'headline' | 'subheadline' | 'summary' | 'status'>>;

export interface ArticleState {
  article: Article | null;
  /** The body the editor starts from; changes only when an article is (re)loaded. */
  initialBody: DocNode | null;
  /** Bumps on every (re)load so the editor remounts with the new body. */
  editorKey: number;
  saveState: SaveState;
  saveError: unknown;
  /** The version the last save kept (an explicit save, or after a few minutes of editing); null after a load. */
  keptVersion: RevisionInfo | null;
  stats: TextStats;
  /**
   * The slug last changed because the headline was typed (it follows it): the details panel shows it
   * once that typing pauses. False after a reset, an edited slug or another story, which show at once.
   */
  slugFollowsTyping: boolean;
  /** Asked by `open` at the same time as the article, so the editor need not wait for a second answer. */
  sharedLookup: SharedLookup | null;
  open(id: string): Promise<void>;
  load(article: Article, sharedLookup?: SharedLookup['answer']): void;
  /** Saves pending edits and leaves the article; false when the save failed (nothing is dropped). */
  close(): Promise<boolean>;
  updateFields(patch: ArticleFields): void;
  updateMeta(patch: Partial<ArticleMeta>): void;
  /** Shows a status a workflow action set in the services (nothing to save). */
  applyStatus(status: Article['status']): void;
  resetSlug(): void;
  markBodyDirty(): void;
  setStats(stats: TextStats): void;
  setEditorHandle(handle: EditorHandleLike | null): void;
  getEditorHandle(): EditorHandleLike | null;
  save(explicit: boolean): Promise<void>;
  flush(): Promise<void>;
  reload(): Promise<void>;
  restoreRevision(revisionId: string): Promise<void>;
  /** null when the person closed the desktop's Save dialog without choosing. */
  exportArticle(format: 'html' | 'markdown'): Promise<ExportResult | null>;
}

export type ArticleStore = Store<ArticleState>;

export interface ArticleStoreOptions {
  autosave?: Omit<AutosaveOptions, 'save' | 'onStateChange' | 'isConflict' | 'isRetryable'>;
  /** A save went through after the services process had restarted under an earlier one: tell the person. */
  onSavedAfterRestart?(): void;
  /** The newsroom's slug style (Settings): Chinese words or pinyin; Chinese when not given. */
  slugStyle?(): SlugStyle;
  /** Ends the task between reading the body and sending it. @default yieldToInput */
  yieldToInput?(): Promise<void>;
  /** Loads the slug maker. @default importHeadlineSlug */
  loadHeadlineSlug?(): Promise<HeadlineSlug>;
}

export type HeadlineSlug = typeof headlineSlug;

/** The slug maker reads pinyin (pinyin-pro, 200 KB): it loads with the first story, not before the library paints. */
export function importHeadlineSlug(): Promise<HeadlineSlug> {
  return import('../../common/text/headline-slug').then((m) => m.headlineSlug);
}

function isServicesRestarting(error: unknown): boolean {
  return isApiError(error) && error.code === 'services-restarting';
}

const NO_STATS: TextStats = { words: 0, cjkChars: 0, readingMinutes: 0 };

export function createArticleStore(api: DatelineApi, options: ArticleStoreOptions = {}): ArticleStore {
  let handle: EditorHandleLike | null = null;
  let controller: AutosaveController | null = null;

  /** The last save the services process died under: it may have been written without an answer. */
  let unanswered: Article | null = null;
  let restartedUnderSave = false;
  let slugMaker: HeadlineSlug | null = null;
  let slugMakerLoading: Promise<HeadlineSlug | null> | null = null;
  const slugStyle = (): SlugStyle => options.slugStyle?.() ?? 'chinese';
  /** Loads the slug maker once (again after a failure); null when it cannot be had. */
  const loadSlugMaker = (): Promise<HeadlineSlug | null> =>
    (slugMakerLoading ??= (options.loadHeadlineSlug ?? importHeadlineSlug)().then(
      (made) => (slugMaker = made),
      () => {
        slugMakerLoading = null;
        return null;
      },
    ));

  return createStore<ArticleState>((set, get) => {
    /** A headline changed before the slug maker had loaded: its slug follows once it has, unless the reporter set one meanwhile. */
    const slugWhenLoaded = (id: string, followsTyping: boolean): void => {
      void loadSlugMaker().then((make) => {
        const now = get().article;
        if (!make || !now || now.id !== id || now.meta.slugEdited) return;
        const slug = make(now.headline, slugStyle());
        if (slug === now.meta.slug) return;
        set({ article: { ...now, meta: { ...now.meta, slug } }, slugFollowsTyping: followsTyping });
        controller?.markDirty();
      });
    };

    /**
     * If the save the services died under did reach the disk, the library now holds exactly what
     * was sent, one revision on: carry on from that revision instead of reporting a conflict.
     */
    const adoptUnansweredSave = async (sent: Article): Promise<void> => {
      const stored = await api.call('articles.get', { id: sent.id });
      unanswered = null;
      const now = get().article;
      if (now?.id === sent.id && now.revision === sent.revision && stored.revision === sent.revision + 1 && isSameSavedContent(stored, sent)) {
        set({ article: { ...now, revision: stored.revision, updatedAt: stored.updatedAt } });
      }
    };

    const saveCurrent = async (explicit: boolean): Promise<void> => {
      if (unanswered && unanswered.id === get().article?.id) await adoptUnansweredSave(unanswered);
      const article = get().article;
      if (!article) return;
      // The editor keeps the body encoded block by block: a save copies bytes for the blocks
      // nobody touched, instead of walking and stringifying the whole story.
      // The body is taken as it is now, with the fields above, however long its encoding takes.
      const prepared = (await handle?.getBodyJson?.()) ?? null;
      const body = prepared ? prepared.asValue() : handle ? handle.getBody() : article.body;
      // Reading a long body and encoding it for the wire are each a long task: keys typed
      // meanwhile go first, rather than waiting behind both.
      await (options.yieldToInput ?? yieldToInput)();
      let result: { revision: number; updatedAt: string; snapshot?: RevisionInfo | null };
      try {
        result = await api.call('articles.save', { article: { ...article, body }, explicit });
      } catch (error) {
        if (isServicesRestarting(error)) {
          // Kept to compare with what reached the disk; the bytes are parsed only on this rare path.
          unanswered = { ...article, body: prepared ? prepared.decode() : body };
          restartedUnderSave = true;
        }
        throw error;
      }
      const now = get().article;
      if (now && now.id === article.id) {
        set({ article: { ...now, revision: result.revision, updatedAt: result.updatedAt }, ...(result.snapshot ? { keptVersion: result.snapshot } : {}) });
      }
      if (restartedUnderSave) {
        restartedUnderSave = false;
        options.onSavedAfterRestart?.();
      }
    };

    const makeController = (): AutosaveController =>
      new AutosaveController({
        ...options.autosave,
        save: saveCurrent,
        isConflict: (error) => isApiError(error) && error.code === 'conflict',
        isRetryable: isServicesRestarting,
        onStateChange: (saveState, saveError) => set({ saveState, saveError }),
      });

    const load = (article: Article, sharedAnswer?: SharedLookup['answer']): void => {
      void loadSlugMaker();
      unanswered = null;
      restartedUnderSave = false;
      controller?.dispose();
      controller = makeController();
      set((s) => ({
        article,
        initialBody: article.body,
        editorKey: s.editorKey + 1,
        sharedLookup: sharedAnswer ? { editorKey: s.editorKey + 1, answer: sharedAnswer } : null,
        saveState: 'saved',
        saveError: null,
        keptVersion: null,
        stats: NO_STATS,
        slugFollowsTyping: false,
      }));
    };

    const flush = async (): Promise<void> => {
      await controller?.flush();
    };

    return {
      article: null,
      initialBody: null,
      editorKey: 0,
      saveState: 'saved',
      saveError: null,
      keptVersion: null,
      stats: NO_STATS,
      slugFollowsTyping: false,
      sharedLookup: null,
      open: async (id) => {
        await flush();
        // Both questions at once: the editor mounts once it is known whether the story is shared.
        const shared = api.call('collab.session', { id }).catch(() => null);
        const [article] = await Promise.all([api.call('articles.get', { id }), loadSlugMaker()]);
        load(article, shared);
      },
      load,
      close: async () => {
        try {
          await flush();
        } catch {
          return false;
        }
        if (controller?.state === 'conflict' || controller?.state === 'error') return false;
        controller?.dispose();
        controller = null;
        set({ article: null, initialBody: null, sharedLookup: null, saveState: 'saved', saveError: null, keptVersion: null, stats: NO_STATS });
        return true;
      },
      updateFields: (patch) => {
        const article = get().article;
        if (!article) return;
        const next = { ...article, ...patch };
        const follows = patch.headline !== undefined && !article.meta.slugEdited;
        if (follows) {
          if (slugMaker) next.meta = { ...article.meta, slug: slugMaker(patch.headline!, slugStyle()) };
          else slugWhenLoaded(article.id, true);
        }
        set(follows ? { article: next, slugFollowsTyping: true } : { article: next });
        controller?.markDirty();
      },
      updateMeta: (patch) => {
        const article = get().article;
        if (!article) return;
        const next = { ...article, meta: { ...article.meta, ...patch } };
        set(patch.slug !== undefined ? { article: next, slugFollowsTyping: false } : { article: next });
        controller?.markDirty();
      },
      applyStatus: (status) => {
        const article = get().article;
        if (article && article.status !== status) set({ article: { ...article, status } });
      },
      resetSlug: () => {
        const article = get().article;
        if (!article) return;
        const slug = slugMaker ? slugMaker(article.headline, slugStyle()) : article.meta.slug;
        set({ article: { ...article, meta: { ...article.meta, slug, slugEdited: false } }, slugFollowsTyping: false });
        controller?.markDirty();
        if (!slugMaker) slugWhenLoaded(article.id, false);
      },
      markBodyDirty: () => controller?.markDirty(),
      setStats: (stats) => {
        // The counts are reported again after every pause in typing, mostly unchanged: tell no one then.
        const now = get().stats;
        if (now.words !== stats.words || now.cjkChars !== stats.cjkChars || now.readingMinutes !== stats.readingMinutes) set({ stats });
      },
      setEditorHandle: (next) => {
        handle = next;
      },
      getEditorHandle: () => handle,
      save: async (explicit) => {
        await controller?.saveNow(explicit);
      },
      flush,
      reload: async () => {
        const article = get().article;
        if (!article) return;
        load(await api.call('articles.get', { id: article.id }));
      },
      restoreRevision: async (revisionId) => {
        const article = get().article;
        if (!article) return;
        await flush();
        load(await api.call('revisions.restore', { id: article.id, revisionId }));
      },
      exportArticle: async (format) => {
        const article = get().article;
        if (!article) throw new Error('No article is open.');
        await flush();
        // The desktop asks where to save, proposing the story's slug; a browser exports to the export folder.
        return api.call('articles.export', { id: article.id, format, suggestedName: effectiveSlug(article) || article.id });
      },
    };
  });
}
