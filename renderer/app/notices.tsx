// Runs in: renderer. Errors (role alert) and confirmations (role status) the user can dismiss.
import { RevealPathButton } from '../features/export/reveal-path-button';
import { useT } from '../i18n/use-t';
import { useStores } from './stores-context';

export function Notices() {
  const t = useT();
  const { ui } = useStores();
  const notices = ui((s) => s.notices);
  const dismiss = ui((s) => s.dismiss);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <div className="notice-text">
            <strong>{notice.message}</strong>
            {notice.detail ? <span className="notice-detail">{notice.detail}</span> : null}
            {notice.path ? <RevealPathButton path={notice.path} /> : null}
          </div>
          <button type="button" className="ghost" onClick={() => dismiss(notice.id)}>
            {t('app.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
