// Runs in: renderer. Which screen is showing, which dialog is open, and the notices to show.
import { formatError } from '../api/format-error';
import { createStore, type Store } from './create-store';

export type View = 'library' | 'trash' | 'article' | 'queue';
export type SideTab = 'details' | 'review';
export type DialogName = 'revisions' | 'settings' | null;

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  message: string;
  detail?: string;
  /** A path shown as selectable text (export results). */
  path?: string;
}

export interface UiState {
  view: View;
  dialog: DialogName;
  sideTab: SideTab;
  notices: Notice[];
  setSideTab(tab: SideTab): void;
  setView(view: View): void;
  openDialog(dialog: DialogName): void;
  showError(error: unknown): void;
  showInfo(message: string, path?: string): void;
  dismiss(id: number): void;
}

export type UiStore = Store<UiState>;

export function createUiStore(): UiStore {
  let nextId = 1;
  return createStore<UiState>((set) => ({
    view: 'library',
    dialog: null,
    sideTab: 'details',
    notices: [],
    setSideTab: (sideTab) => set({ sideTab }),
    setView: (view) => set({ view }),
    openDialog: (dialog) => set({ dialog }),
    showError: (error) => {
      // Plain strings are messages someone already translated (the editor's photo errors).
      const { message, detail } = typeof error === 'string' ? { message: error, detail: '' } : formatError(error);
      set((s) => ({ notices: [...s.notices.slice(-4), { id: nextId++, kind: 'error', message, ...(detail ? { detail } : {}) }] }));
    },
    showInfo: (message, path) =>
      set((s) => ({ notices: [...s.notices.slice(-4), { id: nextId++, kind: 'info', message, ...(path ? { path } : {}) }] })),
    dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  }));
}
