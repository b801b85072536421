// Runs in: renderer. Which screen is showing, which dialog is open, and the notices: the toasts on
// screen now and the session's list of them the person can reopen.
import { formatError } from '../api/format-error';
import { createStore, type Store } from './create-store';
import { noticeLifetime } from './notice-lifetime';

export type View = 'library' | 'trash' | 'article' | 'queue';
export type SideTab = 'details' | 'review';
export type DialogName = 'revisions' | 'name-version' | 'settings' | 'palette' | 'preview' | null;

/** What a notice offers besides Dismiss; a notice with one stays until dismissed. */
export interface NoticeAction {
  label: string;
  run(): void;
}

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  message: string;
  detail?: string;
  /** A path shown as selectable text (export results). */
  path?: string;
  /** The subject it describes (an article id and topic): a newer notice with the same key replaces it. */
  key?: string;
  action?: NoticeAction;
  /** When it was shown (ms since the epoch). */
  at: number;
  /** Stays until dismissed. */
  persistent: boolean;
}

export interface NoticeInput {
  kind: 'error' | 'info';
  message: string;
  detail?: string;
  path?: string;
  key?: string;
  action?: NoticeAction;
  persistent?: boolean;
}

/** Toasts on screen at once; the oldest leaves first. */
const MAX_TOASTS = 4;
/** Notices the session list keeps. */
const MAX_HISTORY = 100;

export interface UiState {
  view: View;
  dialog: DialogName;
  sideTab: SideTab;
  /** The toasts on screen, oldest first. */
  notices: Notice[];
  /** Every notice of this session, newest first (the Notifications list). */
  history: Notice[];
  /** Notices shown since the list was last opened. */
  unread: number;
  setSideTab(tab: SideTab): void;
  setView(view: View): void;
  openDialog(dialog: DialogName): void;
  notify(input: NoticeInput): number;
  showError(error: unknown, options?: { key?: string }): void;
  showInfo(message: string, path?: string, options?: { key?: string }): void;
  dismiss(id: number): void;
  /** Removes the toast about this subject, if any (what it said is no longer true). */
  dismissKey(key: string): void;
  /** Stops a toast from leaving while the pointer or focus is on it; `release` starts its time again. */
  hold(id: number): void;
  release(id: number): void;
  markRead(): void;
  /** Distraction-free writing: the app's chrome hides, the headline and body stay. */
  focusWriting: boolean;
  toggleFocusWriting(): void;
  /** The article's side panel (details, review) is shown; on narrow windows it starts hidden. */
  sidePanelOpen: boolean;
  toggleSidePanel(): void;
  /** The headline should take the focus (a new article); the headline field takes it once. */
  headlineFocusPending: boolean;
  requestHeadlineFocus(): void;
  /** True once per request, then false until the next. */
  takeHeadlineFocus(): boolean;
}

export type UiStore = Store<UiState>;

export function createUiStore(): UiStore {
  let nextId = 1;
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  const stopTimer = (id: number): void => {
    const timer = timers.get(id);
    if (timer !== undefined) clearTimeout(timer);
    timers.delete(id);
  };
  return createStore<UiState>((set, get) => {
    const startTimer = (notice: Notice): void => {
      stopTimer(notice.id);
      const lifetime = noticeLifetime(notice);
      if (lifetime !== null) timers.set(notice.id, setTimeout(() => get().dismiss(notice.id), lifetime));
    };
    return {
      view: 'library',
      dialog: null,
      sideTab: 'details',
      notices: [],
      history: [],
      unread: 0,
      setSideTab: (sideTab) => set({ sideTab }),
      setView: (view) => set({ view }),
      openDialog: (dialog) => set({ dialog }),
      notify: (input) => {
        const notice: Notice = {
          id: nextId++,
          kind: input.kind,
          message: input.message,
          ...(input.detail ? { detail: input.detail } : {}),
          ...(input.path ? { path: input.path } : {}),
          ...(input.key ? { key: input.key } : {}),
          ...(input.action ? { action: input.action } : {}),
          at: Date.now(),
          persistent: noticeLifetime(input) === null,
        };
        const replaced = get().notices.filter((n) => input.key !== undefined && n.key === input.key);
        for (const old of replaced) stopTimer(old.id);
        const kept = get().notices.filter((n) => !replaced.includes(n));
        const overflow = kept.slice(0, Math.max(0, kept.length - (MAX_TOASTS - 1)));
        for (const old of overflow) stopTimer(old.id);
        set((s) => ({
          notices: [...kept.slice(overflow.length), notice],
          history: [notice, ...s.history].slice(0, MAX_HISTORY),
          unread: s.unread + 1,
        }));
        startTimer(notice);
        return notice.id;
      },
      showError: (error, options = {}) => {
        // Plain strings are messages someone already translated (the editor's photo errors).
        const { message, detail } = typeof error === 'string' ? { message: error, detail: '' } : formatError(error);
        get().notify({ kind: 'error', message, ...(detail ? { detail } : {}), ...options });
      },
      showInfo: (message, path, options = {}) => void get().notify({ kind: 'info', message, ...(path ? { path } : {}), ...options }),
      dismiss: (id) => {
        stopTimer(id);
        set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
      },
      dismissKey: (key) => {
        for (const n of get().notices) if (n.key === key) get().dismiss(n.id);
      },
      hold: (id) => stopTimer(id),
      release: (id) => {
        const notice = get().notices.find((n) => n.id === id);
        if (notice) startTimer(notice);
      },
      markRead: () => set({ unread: 0 }),
      focusWriting: false,
      toggleFocusWriting: () => set((s) => ({ focusWriting: !s.focusWriting })),
      // A window narrower than the text and the panel side by side starts with the panel closed.
      sidePanelOpen: typeof window === 'undefined' || typeof window.matchMedia !== 'function' || window.matchMedia('(min-width: 1000px)').matches,
      toggleSidePanel: () => set((s) => ({ sidePanelOpen: !s.sidePanelOpen })),
      headlineFocusPending: false,
      requestHeadlineFocus: () => set({ headlineFocusPending: true }),
      takeHeadlineFocus: () => {
        if (!get().headlineFocusPending) return false;
        set({ headlineFocusPending: false });
        return true;
      },
    };
  });
}
