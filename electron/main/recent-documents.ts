// Runs in: main (Electron). File → Open Recent and the OS's recent documents, fed by the article the
// page reports open; trashed articles leave the list. Type-checked only (no Electron runtime here);
// the list and the menu are tested in recent-articles.test.ts and menu-template.test.ts.
import { app } from 'electron';
import type { DatelineEvent } from '../../common/contract-events';
import type { OpenArticleReport } from '../../common/desktop/desktop-messages';
import { addRecentArticle, recentDocumentPath, removeRecentArticles, type RecentArticle } from './recent-articles';
import { loadRecentArticles, saveRecentArticles } from './recent-articles-file';

export interface RecentDocuments {
  list(): readonly RecentArticle[];
  onOpenArticle(report: OpenArticleReport): void;
  onServicesEvent(event: DatelineEvent): void;
  clear(): void;
}

export async function createRecentDocuments(options: {
  filePath: string;
  libraryRoot: string;
  onChange(list: readonly RecentArticle[]): void;
  onError(error: unknown): void;
}): Promise<RecentDocuments> {
  let list = await loadRecentArticles(options.filePath);
  let saving: Promise<void> = Promise.resolve();
  const set = (next: RecentArticle[]): void => {
    if (JSON.stringify(next) === JSON.stringify(list)) return;
    list = next;
    options.onChange(list);
    const snapshot = list;
    saving = saving.then(() => saveRecentArticles(options.filePath, snapshot)).catch(options.onError);
  };
  return {
    list: () => list,
    onOpenArticle: (report) => {
      if (report === null) return;
      const before = list[0]?.id;
      set(addRecentArticle(list, report));
      if (before !== report.id) app.addRecentDocument(recentDocumentPath(options.libraryRoot, report.id));
    },
    onServicesEvent: (event) => {
      if (event.name === 'library.changed' && (event.payload.kind === 'trashed' || event.payload.kind === 'purged')) {
        set(removeRecentArticles(list, event.payload.ids));
      }
    },
    clear: () => {
      set([]);
      app.clearRecentDocuments();
    },
  };
}
