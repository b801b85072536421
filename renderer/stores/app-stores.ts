// Runs in: renderer. All stores of one app instance, built over one API client.
import type { DatelineApi } from '../../common/contract';
import { createOutboxStore, type OutboxStore } from '../features/publish/outbox-store';
import { createTargetsStore, type TargetsStore } from '../features/targets/targets-store';
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
}

export function createAppStores(api: DatelineApi): AppStores {
  return {
    api,
    library: createLibraryStore(api),
    article: createArticleStore(api),
    settings: createSettingsStore(api),
    ui: createUiStore(),
    outbox: createOutboxStore(api),
    targets: createTargetsStore(api),
  };
}
