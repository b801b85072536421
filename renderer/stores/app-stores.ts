// Runs in: renderer. All stores of one app instance, built over one API client.
import type { DatelineApi } from '../../common/contract';
import { t } from '../i18n/i18n-store';
import { createOutboxStore, type OutboxStore } from '../features/publish/outbox-store';
import { createTargetsStore, type TargetsStore } from '../features/targets/targets-store';
import { createReviewStore, type ReviewStore } from '../features/review/review-store';
import { createArticleStore, type ArticleStore } from './article-store';
import { createLibraryStore, type LibraryStore } from './library-store';
import { createSettingsStore, type SettingsStore } from './settings-store';
import { createUiStore, type UiStore } from './ui-store';

export interface AppStores {
  api: DatelineApi;
  library: LibraryStore;
  article: ArticleStore;
  settings: SettingsStore;
  ui: UiStore;
  outbox: OutboxStore;
  targets: TargetsStore;
  review: ReviewStore;
}

export function createAppStores(api: DatelineApi): AppStores {
  const ui = createUiStore();
  const article = createArticleStore(api, { onSavedAfterRestart: () => ui.getState().showInfo(t('article.savedAfterRestart')) });
  return {
    api,
    library: createLibraryStore(api),
    article,
    settings: createSettingsStore(api),
    ui,
    outbox: createOutboxStore(api),
    targets: createTargetsStore(api),
    review: createReviewStore(api, article, ui),
  };
}
