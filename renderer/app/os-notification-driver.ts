// Runs in: renderer. Feeds the services' events to the notification policy and shows what it
// chooses: through main (Electron's Notification) in the desktop app, through the Web Notification
// API in a browser only where the page was already allowed (it never asks on load).
import { sameActorName } from '../../common/workflow/newsroom-profile';
import type { OsNotificationRequest } from '../../common/desktop/desktop-messages';
import { parseDeepLink, type DeepLink } from '../../common/desktop/deep-link';
import { OsNotificationPolicy, type NotificationFact, type OsNotification } from '../../common/desktop/os-notification-policy';
import { t } from '../i18n/i18n-store';
import type { AppStores } from '../stores/app-stores';

/** Where a notification goes: main, the browser, or a test. */
export type NotificationSink = (request: OsNotificationRequest, onClick: () => void) => void;

export function wordNotification(notification: OsNotification): OsNotificationRequest {
  switch (notification.kind) {
    case 'story-waiting':
      return { title: t('notify.storyWaiting.title'), body: t('notify.storyWaiting.body', { n: notification.waiting }), link: null };
    case 'story-returned':
      return { title: t('notify.storyReturned.title'), body: t('notify.storyReturned.body', { headline: notification.headline || t('library.untitled') }), link: notification.link };
    case 'published':
      return { title: t('notify.published.title'), body: t('notify.published.body', { headline: notification.headline || t('library.untitled') }), link: notification.link };
  }
}

/** The browser's notifications, only when this page already has permission. */
export function webNotificationSink(): NotificationSink | null {
  if (typeof Notification === 'undefined') return null;
  return (request, onClick) => {
    if (Notification.permission !== 'granted') return;
    const notification = new Notification(request.title, { body: request.body });
    notification.onclick = () => {
      window.focus();
      onClick();
    };
  };
}

export function startOsNotifications(
  stores: AppStores,
  options: { sink: NotificationSink; windowFocused(): boolean; openLink(link: DeepLink): void },
): () => void {
  const policy = new OsNotificationPolicy();
  const consider = (fact: NotificationFact): void => {
    const settings = stores.settings.getState().settings;
    const focus = {
      windowFocused: options.windowFocused(),
      openArticleId: stores.article.getState().article?.id ?? null,
      reviewQueueOpen: stores.ui.getState().view === 'queue',
    };
    const chosen = policy.decide(fact, settings, focus);
    if (chosen === null) return;
    const request = wordNotification(chosen);
    options.sink(request, () => {
      const link = request.link === null ? null : parseDeepLink(request.link);
      if (link !== null) options.openLink(link);
      else if (chosen.kind === 'story-waiting') stores.ui.getState().setView('queue');
    });
  };
  // What already waited at start-up is the baseline, not news.
  const known = stores.review.getState().waiting;
  if (known !== null) consider({ kind: 'queue', waiting: known });
  const off = [
    stores.events.on('review.queueChanged', ({ waiting }) => consider({ kind: 'queue', waiting })),
    stores.events.on('job.changed', ({ job }) => consider({ kind: 'job', job })),
    stores.events.on('review.articleChanged', ({ articleId }) => {
      void (async () => {
        const state = await stores.api.call('review.get', { id: articleId });
        const mine = state.profile !== null && state.owner !== null && sameActorName(state.owner, state.profile.name);
        if (!mine || state.status !== 'changes_requested') return;
        const article = await stores.api.call('articles.get', { id: articleId });
        consider({ kind: 'review', articleId, headline: article.headline.trim(), status: state.status, mine, historyLength: state.history.length, hub: state.hub?.kind ?? null });
      })().catch(() => undefined);
    }),
  ];
  return () => off.forEach((stop) => stop());
}
