// Runs in: renderer. All stores of one app instance, built over one API client.
import type { DatelineApi } from '../../common/contract';
import { createEventSubscription, type EventSubscription } from '../api/event-subscription';
import { t } from '../i18n/i18n-store';
import { createOutboxStore, type OutboxStore } from './outbox-store';
import { createTargetsStore, type TargetsStore } from './targets-store';
import { createReviewStore, type ReviewStore } from './review-store';
import { createArticleStore, type ArticleStore } from './article-store';
import { createLibraryStore, type LibraryStore } from './library-store';
import { createSettingsStore, type SettingsStore } from './settings-store';
import { createUiStore, type UiStore } from './ui-store';

export interface AppStores {
  api: DatelineApi;
  /** The services' events; without a stream the screens keep polling. */
  events: EventSubscription;
  library: LibraryStore;
  article: ArticleStore;
  settings: SettingsStore;
  ui: UiStore;
  outbox: OutboxStore;
  targets: TargetsStore;
  review: ReviewStore;
}

export function createAppStores(api: DatelineApi, events: EventSubscription = createEventSubscription(null)): AppStores {
  const ui = createUiStore();
  const settings = createSettingsStore(api);
  const article = createArticleStore(api, {
    onSavedAfterRestart: () => ui.getState().showInfo(t('article.savedAfterRestart')),
    slugStyle: () => settings.getState().settings.slugStyle,
  });
  const review = createReviewStore(api, article, ui, events);
  // Who the person says they are decides what they may do with the open story (comment, submit,
  // approve): a name or role saved while it is open reads its review state again.
  settings.subscribe((next, before) => {
    if (!before.loaded || (next.settings.userName === before.settings.userName && next.settings.role === before.settings.role)) return;
    const id = article.getState().article?.id;
    if (id) void review.getState().load(id);
  });
  return {
    api,
    events,
    library: createLibraryStore(api, { events }),
    article,
    settings,
    ui,
    outbox: createOutboxStore(api, events),
    targets: createTargetsStore(api),
    review,
  };
}
