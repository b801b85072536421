// Runs in: renderer. The settings dialog: the newsroom profile (name and role), the review hub,
// publishing targets, and where the library lives.
import { useEffect, useId, useRef, useState } from 'react';
import { newsroomSocketSourceOf } from '../../../common/collab/newsroom-socket-source';
import type { NewsroomRole } from '../../../common/workflow/newsroom-profile';
import type { ReviewHubSetting } from '../../../common/workflow/review-contract';
import { ModalDialog } from '../../kit/modal-dialog';
import { useStores } from '../../stores/stores-context';
import { useT } from '../../i18n/use-t';
import { TargetsDialog } from '../targets/targets-dialog';
import { HeadlineGuideSection } from './headline-guide-section';
import { NewsroomConventionsSection } from './newsroom-conventions-section';

const NOTIFY_FIELDS = [
  ['notifyStoryWaiting', 'settings.notify.storyWaiting'],
  ['notifyStoryReturned', 'settings.notify.storyReturned'],
  ['notifyPublished', 'settings.notify.published'],
] as const;

export interface SettingsDialogProps {
  /** Loads the page again, so it is served with a policy that names the newly saved newsroom server. */
  reloadPage?: () => void;
}

function reloadWindow(): void {
  window.location.reload();
}

export function SettingsDialog({ reloadPage = reloadWindow }: SettingsDialogProps) {
  const t = useT();
  const { settings, ui } = useStores();
  const loaded = settings((s) => s.loaded);
  // The form starts from the stored settings: opened in the first moments after launch, it waits
  // for them, so saving it can never write defaults over what the person set before.
  if (!loaded) {
    return (
      <ModalDialog title={t('settings.title')} onClose={() => ui.getState().openDialog(null)}>
        <p role="status">{t('app.loading')}</p>
      </ModalDialog>
    );
  }
  return <SettingsForm reloadPage={reloadPage} />;
}

function SettingsForm({ reloadPage }: Required<SettingsDialogProps>) {
  const t = useT();
  const nameId = useId();
  const roleId = useId();
  const hubKindId = useId();
  const hubPathId = useId();
  const hubTargetId = useId();
  const hubServerId = useId();
  const hubTokenId = useId();
  const problemId = useId();
  const { settings, ui, targets, article } = useStores();
  const saved = settings((s) => s.settings);
  const info = settings((s) => s.info);
  const allTargets = targets((s) => s.targets);
  const wordpressTargets = (allTargets ?? []).filter((x) => x.config.kind === 'wordpress');
  const [name, setName] = useState(saved.userName);
  const [role, setRole] = useState<NewsroomRole | ''>(saved.role ?? '');
  const [hubKind, setHubKind] = useState(saved.reviewHub.kind);
  const [hubPath, setHubPath] = useState(saved.reviewHub.kind === 'folder' ? saved.reviewHub.path : '');
  const [hubTarget, setHubTarget] = useState(saved.reviewHub.kind === 'wordpress' ? saved.reviewHub.targetId : '');
  const [hubServer, setHubServer] = useState(saved.reviewHub.kind === 'newsroom' ? saved.reviewHub.serverUrl : '');
  // Never read back: the token lives in the services' SecretStore. Empty keeps the saved one.
  const [hubToken, setHubToken] = useState('');
  const [managingTargets, setManagingTargets] = useState(false);
  const [headlineGuide, setHeadlineGuide] = useState(saved.headlineGuide);
  const [notify, setNotify] = useState({
    notifyStoryWaiting: saved.notifyStoryWaiting,
    notifyStoryReturned: saved.notifyStoryReturned,
    notifyPublished: saved.notifyPublished,
  });

  useEffect(() => {
    void targets.getState().load();
  }, [targets]);

  const close = (): void => ui.getState().openDialog(null);
  // A role records who did what: it needs a name. A WordPress hub needs a WordPress site.
  // (While the targets are still loading nobody can tell, so nothing is said.)
  const problem =
    role !== '' && name.trim() === ''
      ? t('settings.roleNeedsName')
      : hubKind === 'wordpress' && allTargets !== null && wordpressTargets.length === 0
        ? t('settings.hub.noTargets')
        : hubKind === 'newsroom' && hubServer.trim() === ''
          ? t('settings.hub.serverUrlMissing')
          : null;
  const problemRef = useRef<HTMLParagraphElement>(null);
  const handleSave = (): void => {
    if (problem) {
      // Save stays reachable and says why it cannot save, where the person is looking.
      problemRef.current?.focus();
      return;
    }
    const target = hubTarget || wordpressTargets[0]?.config.id || '';
    const reviewHub: ReviewHubSetting =
      hubKind === 'newsroom'
        ? { kind: 'newsroom', serverUrl: hubServer.trim() }
        : hubKind === 'wordpress' && target
          ? { kind: 'wordpress', targetId: target }
          : { kind: 'folder', path: hubPath.trim() };
    const token = hubKind === 'newsroom' && hubToken.trim() !== '' ? { newsroomToken: hubToken.trim() } : {};
    const report = (error: unknown): void => ui.getState().showError(error);
    // The page's Content-Security-Policy names the newsroom server it was served with; a page that
    // must reach another one is loaded again, once the open story is safely on disk.
    const servedWith = newsroomSocketSourceOf(saved.reviewHub);
    settings
      .getState()
      .update({ userName: name.trim(), role: role === '' ? null : role, reviewHub, ...token, ...notify, headlineGuide })
      .then(() => {
        if (newsroomSocketSourceOf(settings.getState().settings.reviewHub) === servedWith) return close();
        return article.getState().flush().then(reloadPage);
      })
      .catch(report);
  };
  return (
    <ModalDialog title={t('settings.title')} onClose={close}>
      <section className="settings-section" aria-label={t('settings.profile')}>
        <h3>{t('settings.profile')}</h3>
        <div className="form-grid">
          <label htmlFor={nameId}>{t('settings.userName')}</label>
          <input id={nameId} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
          <p className="hint">{t('settings.userNameHint')}</p>
          <label htmlFor={roleId}>{t('settings.role')}</label>
          <select id={roleId} value={role} onChange={(e) => setRole(e.target.value as NewsroomRole | '')}>
            <option value="">{t('settings.role.none')}</option>
            <option value="reporter">{t('settings.role.reporter')}</option>
            <option value="editor">{t('settings.role.editor')}</option>
          </select>
          <p className="hint">{t('settings.roleHint')}</p>
        </div>
      </section>
      <section className="settings-section" aria-label={t('settings.hub')}>
        <h3>{t('settings.hub')}</h3>
        <div className="form-grid">
          <label htmlFor={hubKindId}>{t('settings.hub.kind')}</label>
          <select id={hubKindId} value={hubKind} onChange={(e) => setHubKind(e.target.value as ReviewHubSetting['kind'])}>
            <option value="folder">{t('settings.hub.folder')}</option>
            <option value="wordpress">{t('settings.hub.wordpress')}</option>
            <option value="newsroom">{t('settings.hub.newsroom')}</option>
          </select>
          {hubKind === 'newsroom' ? (
            <>
              <label htmlFor={hubServerId}>{t('settings.hub.serverUrl')}</label>
              <input id={hubServerId} type="url" value={hubServer} maxLength={2048} onChange={(e) => setHubServer(e.target.value)} aria-describedby={`${hubServerId}-hint`} />
              <p className="hint" id={`${hubServerId}-hint`}>
                {t('settings.hub.serverUrlHint')}
              </p>
              <label htmlFor={hubTokenId}>{t('settings.hub.token')}</label>
              <input id={hubTokenId} type="password" autoComplete="off" value={hubToken} maxLength={512} onChange={(e) => setHubToken(e.target.value)} aria-describedby={`${hubTokenId}-hint`} />
              <p className="hint" id={`${hubTokenId}-hint`}>
                {t('settings.hub.tokenHint')}
              </p>
            </>
          ) : hubKind === 'folder' ? (
            <>
              <label htmlFor={hubPathId}>{t('settings.hub.path')}</label>
              <input id={hubPathId} value={hubPath} maxLength={4096} onChange={(e) => setHubPath(e.target.value)} aria-describedby={`${hubPathId}-hint`} />
              <p className="hint" id={`${hubPathId}-hint`}>
                {t('settings.hub.pathHint')}
              </p>
            </>
          ) : wordpressTargets.length === 0 ? (
            <p className="hint">{t('settings.hub.noTargets')}</p>
          ) : (
            <>
              <label htmlFor={hubTargetId}>{t('settings.hub.target')}</label>
              <select id={hubTargetId} value={hubTarget || wordpressTargets[0]?.config.id} onChange={(e) => setHubTarget(e.target.value)}>
                {wordpressTargets.map((x) => (
                  <option key={x.config.id} value={x.config.id}>
                    {x.config.name}
                  </option>
                ))}
              </select>
            </>
          )}
        </div>
      </section>
      <HeadlineGuideSection value={headlineGuide} onChange={setHeadlineGuide} />
      <fieldset className="settings-section">
        <legend>{t('settings.notifications')}</legend>
        {NOTIFY_FIELDS.map(([field, label]) => (
          <label key={field} className="checkbox-row">
            <input type="checkbox" checked={notify[field]} onChange={(e) => setNotify({ ...notify, [field]: e.target.checked })} /> {t(label)}
          </label>
        ))}
        {window.dateline ? null : <p className="hint">{t('settings.notify.browserHint')}</p>}
      </fieldset>
      <NewsroomConventionsSection />
      <section className="settings-section" aria-label={t('targets.settingsSection')}>
        <h3>{t('targets.settingsSection')}</h3>
        <p className="hint">{t('targets.settingsHint')}</p>
        <button type="button" onClick={() => setManagingTargets(true)}>
          {t('targets.open')}
        </button>
      </section>
      {info ? (
        <dl className="app-info">
          <dt>{t('settings.version')}</dt>
          <dd>{info.version}</dd>
          <dt>{t('settings.libraryPath')}</dt>
          <dd>
            <code className="selectable-path">{info.libraryPath}</code>
          </dd>
        </dl>
      ) : null}
      {problem ? (
        <p className="error-text" id={problemId} role="status" ref={problemRef} tabIndex={-1}>
          {problem}
        </p>
      ) : null}
      <div className="modal-actions">
        <button type="button" onClick={close}>
          {t('app.cancel')}
        </button>
        <button type="button" className="primary" aria-describedby={problem ? problemId : undefined} onClick={handleSave}>
          {t('app.save')}
        </button>
      </div>
      {managingTargets ? <TargetsDialog onClose={() => setManagingTargets(false)} /> : null}
    </ModalDialog>
  );
}
