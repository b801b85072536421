// Runs in: renderer. The open article's review state (status, allowed actions, comments, history),
// the diff being shown, and the review queue. Every change goes through the services, which own
// the workflow; the article is saved first, so what is submitted or approved is what is on screen.
import type { ArticleStatus } from '../../common/article';
import { isApiError } from '../api/api-error';
import { formatDetails } from '../api/format-error';
import type { DatelineApi } from '../../common/contract';
import type { EventSubscription } from '../api/event-subscription';
import type { DiffBase, MergeSummary, QueueScope, ReviewDiffResult, ReviewQueue, ReviewState } from '../../common/workflow/review-contract';
import type { TextAnchor } from '../../common/workflow/review-comment';
import type { WorkflowAction } from '../../common/workflow/workflow-event';
import type { ArticleStore } from './article-store';
import { createStore, type Store } from './create-store';
import type { UiStore } from './ui-store';
import { t, useI18nStore } from '../i18n/i18n-store';
import type { MessageKey } from '../i18n/messages/catalogues';
import { reviewNoticeKey } from './review-notice-key';

export interface ActInput {
  note?: string;
  to?: string;
  scheduledAt?: string;
}

export interface ReviewStoreState {
  state: ReviewState | null;
  busy: boolean;
  diff: ReviewDiffResult | null;
  queue: ReviewQueue | null;
  /** When the queue was read (ages are shown as of then). */
  queueLoadedAt: number;
  queueScope: QueueScope;
  queueLoading: boolean;
  queueError: unknown;
  /** How many stories wait for this person in the hub (the nav badge); null until known. */
  waiting: number | null;
  /** Counts what waits for this person; failures (offline, hub unplugged) keep the last count. */
  pollWaiting(): Promise<void>;
  /** Opening the hub's version would replace local changes: the article waiting for the person's answer. */
  replacePrompt: { articleId: string; message: string; mergeable: boolean } | null;
  load(articleId: string): Promise<void>;
  clear(): void;
  /** True when the action was taken; on failure the error is shown and nothing changed. */
  act(action: WorkflowAction, input?: ActInput): Promise<boolean>;
  addComment(body: string, anchor: TextAnchor | null): Promise<boolean>;
  /**
   * Comment first: the text chosen by Comment (Ctrl/Cmd+Alt+M), waiting for the words; null when no
   * composer is open. `editorKey` is the body editor it was chosen in: a reload or restore drops it.
   */
  composer: { anchor: TextAnchor; articleId: string; editorKey: number } | null;
  openComposer(anchor: TextAnchor): void;
  closeComposer(): void;
  /**
   * Why Comment could not start, shown in a dialog that takes the keyboard until dismissed: with a
   * mere notice the words typed next went into the story, replacing the selected text.
   */
  commentRefusal: { reason: CommentRefusal; articleId: string } | null;
  refuseComment(reason: CommentRefusal | null): void;
  reply(commentId: string, body: string): Promise<boolean>;
  setResolved(commentId: string, resolved: boolean): Promise<boolean>;
  showDiff(base: DiffBase): Promise<void>;
  closeDiff(): void;
  loadQueue(scope?: QueueScope): Promise<void>;
  /**
   * Copies the hub's version into the library and opens it; asks first when that would replace local
   * changes. The answer: 'replace' them (kept under Revisions), or 'merge' them into the hub's version.
   */
  openFromHub(articleId: string, localChanges?: LocalChangesChoice): Promise<boolean>;
  dismissReplacePrompt(): void;
  /** Sends what waits for the hub for this article now. */
  syncNow(articleId: string): Promise<void>;
  /** Sends the open article's edits to the hub without a workflow action. */
  sendChanges(): Promise<boolean>;
  /** An action asked for from outside the panel (the toolbar's "Submit for review"): the panel opens its form. */
  requested: WorkflowAction | null;
  requestAction(action: WorkflowAction | null): void;
}

export type ReviewStore = Store<ReviewStoreState>;

export type LocalChangesChoice = 'replace' | 'merge';

/** Comment needs a name and role, a hub that keeps comments, and selected text. */
export type CommentRefusal = 'no-profile' | 'not-kept' | 'needs-selection';

/**
 * `events`: the badge follows `review.queueChanged`, the open article's review follows
 * `review.articleChanged`, and both are read again once after a reconnect.
 */
export function createReviewStore(api: DatelineApi, article: ArticleStore, ui: UiStore, events?: Pick<EventSubscription, 'on' | 'onResync'>): ReviewStore {
  const store = createStore<ReviewStoreState>((set, get) => {
    const currentId = (): string | null => article.getState().article?.id ?? null;

    /** Runs a change on the open article: save first, then the call, then show the new state. */
    const change = async (run: (id: string) => Promise<ReviewState>): Promise<boolean> => {
      const id = currentId();
      if (!id || get().busy) return false;
      set({ busy: true });
      try {
        await article.getState().flush();
        const state = await run(id);
        if (currentId() === id) {
          set({ state });
          article.getState().applyStatus(state.status as ArticleStatus);
        }
        void get().pollWaiting();
        return true;
      } catch (error) {
        ui.getState().showError(error);
        return false;
      } finally {
        set({ busy: false });
      }
    };

    return {
      state: null,
      busy: false,
      requested: null,
      requestAction: (requested) => set({ requested }),
      composer: null,
      openComposer: (anchor) => {
        const articleId = currentId();
        if (articleId) set({ composer: { anchor, articleId, editorKey: article.getState().editorKey } });
      },
      closeComposer: () => set({ composer: null }),
      commentRefusal: null,
      refuseComment: (reason) => {
        const articleId = currentId();
        set({ commentRefusal: reason && articleId ? { reason, articleId } : null });
      },
      diff: null,
      queue: null,
      queueLoadedAt: 0,
      queueScope: 'for-me',
      queueLoading: false,
      queueError: null,
      replacePrompt: null,
      waiting: null,
      pollWaiting: async () => {
        try {
          const queue = await api.call('review.queue', { scope: 'for-me' });
          set({ waiting: queue.entries.length });
        } catch {
          // The badge is a hint; the queue screen shows why the hub cannot be read.
        }
      },
      dismissReplacePrompt: () => set({ replacePrompt: null }),
      syncNow: async (articleId) => {
        set({ busy: true });
        try {
          await api.call('review.sync', { id: articleId });
          const state = await api.call('review.get', { id: articleId });
          if (currentId() === articleId) set({ state });
        } catch (error) {
          ui.getState().showError(error);
        } finally {
          set({ busy: false });
        }
      },
      load: async (articleId) => {
        try {
          const state = await api.call('review.get', { id: articleId });
          if (currentId() === articleId) {
            set({ state });
            article.getState().applyStatus(state.status as ArticleStatus);
          }
        } catch (error) {
          ui.getState().showError(error);
        }
      },
      clear: () => set({ state: null, diff: null, requested: null, composer: null, commentRefusal: null }),
      act: (action, input = {}) => change((id) => api.call('review.transition', { id, action, ...input })),
      addComment: (body, anchor) => change((id) => api.call('comments.add', { id, body, anchor })),
      sendChanges: () => change((id) => api.call('review.sendChanges', { id })),
      reply: (commentId, body) => change((id) => api.call('comments.reply', { id, commentId, body })),
      setResolved: (commentId, resolved) => change((id) => api.call(resolved ? 'comments.resolve' : 'comments.reopen', { id, commentId })),
      showDiff: async (base) => {
        const id = currentId();
        if (!id) return;
        try {
          await article.getState().flush();
          set({ diff: await api.call('review.diff', { id, base }) });
        } catch (error) {
          ui.getState().showError(error);
        }
      },
      closeDiff: () => set({ diff: null }),
      loadQueue: async (scope = get().queueScope) => {
        set({ queueScope: scope, queueLoading: true, queueError: null });
        try {
          const queue = await api.call('review.queue', { scope });
          if (get().queueScope === scope) set({ queue, queueLoadedAt: Date.now(), ...(scope === 'for-me' ? { waiting: queue.entries.length } : {}) });
        } catch (error) {
          set({ queueError: error, queue: null });
        } finally {
          set({ queueLoading: false });
        }
      },
      openFromHub: async (articleId, localChanges) => {
        set({ replacePrompt: null });
        try {
          if (currentId() !== null) {
            const closed = await article.getState().close();
            if (!closed) return false;
          }
          const state = await api.call('review.open', { id: articleId, replaceLocal: localChanges === 'replace', merge: localChanges === 'merge' });
          await article.getState().open(articleId);
          set({ state, diff: null });
          if (state.merged) ui.getState().showInfo(mergeNotice(state.merged), undefined, { key: reviewNoticeKey(articleId) });
          return true;
        } catch (error) {
          const failure = isApiError(error) ? error.failure : null;
          if (failure?.code === 'conflict' && failure.details && 'localChanges' in failure.details) {
            set({ replacePrompt: { articleId, message: formatDetails(failure.details), mergeable: 'mergeable' in failure.details && failure.details.mergeable === true } });
            // Whatever was open stays open: nothing was replaced.
            if (currentId() === null) await article.getState().open(articleId).catch(() => undefined);
            return false;
          }
          ui.getState().showError(error);
          return false;
        }
      },
    };
  });
  const currentId = (): string | null => article.getState().article?.id ?? null;
  /** A change made elsewhere (the hub sync, another action) is shown quietly; an action under way shows its own result. */
  const reloadQuietly = (articleId: string): void => {
    if (currentId() !== articleId || store.getState().busy) return;
    api.call('review.get', { id: articleId }).then(
      (state) => {
        if (currentId() !== articleId) return;
        const before = store.getState().state;
        store.setState({ state });
        // The status moved on elsewhere (the desk acted): a toast about the old status is replaced.
        if (before && before.articleId === articleId && before.status !== state.status) {
          ui.getState().showInfo(t('review.statusNow', { status: t(`article.status.${state.status as ArticleStatus}`) }), undefined, { key: reviewNoticeKey(articleId) });
        }
        article.getState().applyStatus(state.status as ArticleStatus);
      },
      () => undefined,
    );
  };
  events?.on('review.queueChanged', ({ waiting }) => store.setState({ waiting }));
  events?.on('review.articleChanged', ({ articleId }) => reloadQuietly(articleId));
  events?.onResync(() => {
    void store.getState().pollWaiting();
    const id = currentId();
    if (id !== null && store.getState().state !== null) reloadQuietly(id);
  });
  return store;
}

/** What a merge did, in the person's language: where both changed something, whose text was kept where. */
export function mergeNotice(merged: MergeSummary): string {
  if (merged.nothingNew) return t('review.merge.nothingNew');
  const parts = [t('review.merge.done')];
  if (merged.blocksBothChanged > 0) parts.push(merged.blocksBothChanged === 1 ? t('review.merge.blocksOne') : t('review.merge.blocks', { count: merged.blocksBothChanged }));
  if (merged.blocksKeptFromHub > 0) parts.push(merged.blocksKeptFromHub === 1 ? t('review.merge.keptFromHubOne') : t('review.merge.keptFromHub', { count: merged.blocksKeptFromHub }));
  if (merged.fieldsFromHub.length > 0) parts.push(t('review.merge.fields', { fields: merged.fieldsFromHub.map((f) => t(fieldLabelKey(f))).join(t('review.merge.fieldSeparator')) }));
  // Chinese sentences end in a full-width stop and take no space between them.
  return parts.join(useI18nStore.getState().locale === 'zh-CN' ? '' : ' ');
}

const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  headline: 'article.headline',
  subheadline: 'article.subheadline',
  summary: 'article.summary',
  'meta.section': 'metadata.section',
  'meta.tags': 'metadata.tags',
  'meta.bylines': 'metadata.bylines',
  'meta.source': 'metadata.source',
  'meta.publisher': 'metadata.publisher',
  'meta.dateline': 'metadata.dateline',
  'meta.slug': 'metadata.slug',
  'meta.plannedAt': 'metadata.plannedAt',
  'meta.language': 'metadata.language',
  'meta.editorsNote': 'metadata.editorsNote',
};

function fieldLabelKey(field: string): MessageKey {
  return FIELD_LABELS[field] ?? 'review.merge.otherField';
}
