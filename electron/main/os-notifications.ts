// Runs in: main (Electron). Shows the OS notification the page asked for (already checked against
// its schema); a click brings the window forward and opens the story. Type-checked only: the choice
// of what to notify is made in common/desktop/os-notification-policy.ts and tested there.
import { Notification } from 'electron';
import type { OsNotificationRequest } from '../../common/desktop/desktop-messages';

/** Held until closed: a notification that is garbage-collected loses its click handler. */
const live = new Set<Notification>();

export function showOsNotification(request: OsNotificationRequest, onClick: (link: string | null) => void): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title: request.title, body: request.body, silent: false });
  live.add(notification);
  notification.on('click', () => onClick(request.link));
  notification.on('close', () => live.delete(notification));
  notification.show();
}
