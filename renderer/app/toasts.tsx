// Runs in: renderer. Notices as toasts that float over the content (they never push it down):
// errors are alerts, confirmations are polite status messages; hovering or focusing one holds it.
import { RevealPathButton } from '../features/export/reveal-path-button';
import { useT } from '../i18n/use-t';
import { useStores } from '../stores/stores-context';

export function Toasts() {
  const t = useT();
  const { ui } = useStores();
  const notices = ui((s) => s.notices);
  const { dismiss, hold, release } = ui.getState();
  // Always mounted, so screen readers have the live regions before the first notice arrives.
  return (
    <div className="toasts" aria-label={t('notices.region')} role="region">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={`toast notice notice-${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          aria-live={notice.kind === 'error' ? 'assertive' : 'polite'}
          data-notice-key={notice.key}
          onMouseEnter={() => hold(notice.id)}
          onMouseLeave={() => release(notice.id)}
          onFocus={() => hold(notice.id)}
          onBlur={() => release(notice.id)}
        >
          <div className="notice-text">
            <strong>{notice.message}</strong>
            {notice.detail ? <span className="notice-detail">{notice.detail}</span> : null}
            {notice.path ? <RevealPathButton path={notice.path} /> : null}
          </div>
          {notice.action ? (
            <button type="button" onClick={() => notice.action?.run()}>
              {notice.action.label}
            </button>
          ) : null}
          <button type="button" className="ghost" aria-label={t('notices.dismissNamed', { message: notice.message })} onClick={() => dismiss(notice.id)}>
            {t('app.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
