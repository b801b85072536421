// Runs in: renderer. Remembers in the tab's sessionStorage which story is open, so that after the page
// crashed and main reloaded it (`?recovered=1`), the same story opens again, from the last autosave,
// and the person is told.
import { t } from '../i18n/i18n-store';
import type { AppStores } from '../stores/app-stores';
import { articleIdSchema } from '../../common/article';

const KEY = 'dateline.openArticle';
export const RECOVERED_PARAM = 'recovered';

/** Keeps sessionStorage in step with the open article; returns the unsubscribe function. */
export function recordOpenArticle(stores: AppStores, storage: Storage): () => void {
  let last: string | null | undefined;
  const write = (): void => {
    const id = stores.article.getState().article?.id ?? null;
    if (id === last) return;
    last = id;
    try {
      if (id === null) storage.removeItem(KEY);
      else storage.setItem(KEY, id);
    } catch {
      // Storage full or disabled: recovery then starts from the library.
    }
  };
  write();
  return stores.article.subscribe(write);
}

/** After a crash reload: reopens the story that was open and says so. Returns true when this was a recovery. */
export async function recoverAfterCrash(stores: AppStores, storage: Storage, location: Location, history: History): Promise<boolean> {
  const url = new URL(location.href);
  if (url.searchParams.get(RECOVERED_PARAM) !== '1') return false;
  url.searchParams.delete(RECOVERED_PARAM);
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  const id = articleIdSchema.safeParse(readStored(storage));
  const { article, ui } = stores;
  if (!id.success) {
    ui.getState().showInfo(t('recovery.reloaded'));
    return true;
  }
  try {
    await article.getState().open(id.data);
    ui.getState().setView('article');
    const headline = article.getState().article?.headline.trim() || t('library.untitled');
    ui.getState().showInfo(t('recovery.reopened', { headline }));
  } catch (error) {
    ui.getState().showInfo(t('recovery.reloaded'));
    ui.getState().showError(error);
  }
  return true;
}

function readStored(storage: Storage): string | null {
  try {
    return storage.getItem(KEY);
  } catch {
    return null;
  }
}
