// Runs in: renderer. Desktop conventions: reopening the story after a crash reload, deep links,
// OS notifications and telling main which story is open (File → Open Recent).
import { useEffect } from 'react';
import type { AppStores } from '../stores/app-stores';
import { openDeepLink } from './open-deep-link';
import { startOsNotifications, webNotificationSink, type NotificationSink } from './os-notification-driver';
import { recordOpenArticle, recoverAfterCrash } from './session-article';

export function useDesktopConventions(stores: AppStores): void {
  useEffect(() => {
    const bridge = window.dateline;
    const report = (error: unknown): void => stores.ui.getState().showError(error);
    void recoverAfterCrash(stores, window.sessionStorage, window.location, window.history).catch(report);
    const stopRecording = recordOpenArticle(stores, window.sessionStorage);

    // Links first, then the first report: main sends a waiting link only once the page has reported in.
    const stopLinks = bridge?.onOpenLink((link) => void openDeepLink(stores, link)) ?? null;
    let reported: string | null | undefined;
    const reportOpen = (): void => {
      const open = stores.article.getState().article;
      const id = open?.id ?? null;
      if (id === reported) return;
      reported = id;
      bridge?.reportOpenArticle(open ? { id: open.id, title: open.headline.slice(0, 1000) } : null);
    };
    reportOpen();
    const stopReporting = stores.article.subscribe(reportOpen);

    const sink: NotificationSink | null = bridge ? (request) => bridge.notify(request) : webNotificationSink();
    const stopNotifications =
      sink === null ? null : startOsNotifications(stores, { sink, windowFocused: () => document.hasFocus(), openLink: (link) => void openDeepLink(stores, link) });
    return () => {
      stopRecording();
      stopLinks?.();
      stopReporting();
      stopNotifications?.();
    };
  }, [stores]);
}
