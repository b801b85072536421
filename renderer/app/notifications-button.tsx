// Runs in: renderer. The Notifications button in the header: how many notices came since the list
// was last opened, and the session's notices with their times, to read again after a toast left.
import { RevealPathButton } from '../features/export/reveal-path-button';
import { useEffect, useId, useRef, useState } from 'react';
import { useLocale, useT } from '../i18n/use-t';
import { useStores } from '../stores/stores-context';

export function NotificationsButton() {
  const t = useT();
  const locale = useLocale();
  const { ui } = useStores();
  const history = ui((s) => s.history);
  const unread = ui((s) => s.unread);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    ui.getState().markRead();
    panelRef.current?.focus();
  }, [open, ui, history.length]);

  const close = (): void => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <div className="notifications">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={unread > 0 ? t('notices.buttonUnread', { n: unread }) : t('notices.button')}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {t('notices.button')}
        {unread > 0 ? (
          <span className="nav-badge" aria-hidden="true">
            {unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          id={listId}
          ref={panelRef}
          className="notifications-panel"
          role="region"
          aria-label={t('notices.listLabel')}
          tabIndex={-1}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close();
            }
          }}
        >
          {history.length === 0 ? (
            <p className="hint">{t('notices.empty')}</p>
          ) : (
            <ol className="notifications-list">
              {history.map((n) => (
                <li key={n.id} className={`notice-${n.kind}`}>
                  <time dateTime={new Date(n.at).toISOString()}>{new Date(n.at).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })}</time>
                  <span className="notice-text">
                    <strong>{n.message}</strong>
                    {n.detail ? <span className="notice-detail">{n.detail}</span> : null}
                    {n.path ? <RevealPathButton path={n.path} /> : null}
                  </span>
                </li>
              ))}
            </ol>
          )}
          <button type="button" onClick={close}>
            {t('notices.close')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
