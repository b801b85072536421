// Runs in: renderer. The app shell: header, the current screen, any open dialog, and toasts over them.
import { Suspense, useEffect, useMemo } from 'react';
import { pollWhileDown } from '../api/poll-while-down';
import { createCommandDispatcher } from '../commands/command-dispatcher';
import { ArticleScreen, CommandPalette, NameVersionDialog, PreviewDialog, ReviewQueueScreen, RevisionsDialog, SettingsDialog } from './deferred-screens';
import { LibraryScreen } from '../features/library/library-screen';
import { OutboxButton } from '../features/publish/outbox-button';
import { ReplaceLocalDialog } from '../features/review/replace-local-dialog';
import { LocaleSwitcher } from '../features/settings/locale-switcher';
import { useT } from '../i18n/use-t';
import { NotificationsButton } from './notifications-button';
import { useStores } from '../stores/stores-context';
import { Toasts } from './toasts';
import { useAppLifecycle } from './use-app-lifecycle';
import { useDesktopConventions } from './use-desktop-conventions';

const WAITING_POLL_MS = 60_000;

export function App() {
  const t = useT();
  const stores = useStores();
  const dispatch = useMemo(() => createCommandDispatcher(stores), [stores]);
  useAppLifecycle(stores, dispatch);
  useDesktopConventions(stores);
  const view = stores.ui((s) => s.view);
  const dialog = stores.ui((s) => s.dialog);
  const hasArticle = stores.article((s) => s.article !== null);
  const focusWriting = stores.ui((s) => s.focusWriting);
  const role = stores.settings((s) => (s.settings.userName.trim() ? s.settings.role : null));
  const waiting = stores.review((s) => s.waiting);
  // What waits in the review hub, read once now; then `review.queueChanged` keeps it current, and
  // it is polled every minute only while the event stream is down.
  useEffect(() => {
    if (!role) return;
    const poll = () => void stores.review.getState().pollWaiting();
    poll();
    return pollWhileDown(stores.events, poll, WAITING_POLL_MS);
  }, [role, stores]);
  const run = (command: Parameters<typeof dispatch>[0]): void => void dispatch(command);

  return (
    <div className={focusWriting && view === 'article' ? 'app focus-writing' : 'app'}>
      <header className="app-header">
        <span className="app-name">Dateline</span>
        <nav aria-label={t('app.navigation')}>
          <button type="button" aria-current={view === 'library' ? 'page' : undefined} onClick={() => run('view.library')}>
            {t('app.library')}
          </button>
          <button type="button" aria-current={view === 'trash' ? 'page' : undefined} onClick={() => run('view.trash')}>
            {t('app.trash')}
          </button>
          <button type="button" aria-current={view === 'queue' ? 'page' : undefined} onClick={() => run('view.review-queue')}>
            {t('queue.nav')}
          </button>
          {role && waiting ? (
            <span className="nav-badge" aria-hidden="true" title={t(role === 'editor' ? 'queue.waiting.editor' : 'queue.waiting.reporter', { n: waiting })}>
              {waiting}
            </span>
          ) : null}
          {/* Always mounted, so a screen reader hears the count change. */}
          <span className="visually-hidden" role="status">
            {role && waiting ? t(role === 'editor' ? 'queue.waiting.editor' : 'queue.waiting.reporter', { n: waiting }) : ''}
          </span>
        </nav>
        <span className="toolbar-gap" />
        <NotificationsButton />
        <OutboxButton />
        <LocaleSwitcher />
        <button type="button" onClick={() => stores.ui.getState().openDialog('settings')}>
          {t('settings.title')}
        </button>
      </header>
      <main className="app-main">
        <Suspense fallback={null}>
          {view === 'article' && hasArticle ? (
            <ArticleScreen onCommand={run} />
          ) : view === 'queue' ? (
            <ReviewQueueScreen />
          ) : (
            <LibraryScreen trashed={view === 'trash'} onCommand={run} />
          )}
        </Suspense>
      </main>
      <Suspense fallback={null}>{dialog === 'settings' ? <SettingsDialog /> : null}</Suspense>
      <ReplaceLocalDialog
        onOpened={() => {
          stores.ui.getState().setSideTab('review');
          stores.ui.getState().setView('article');
        }}
      />
      <Suspense fallback={null}>
        {dialog === 'revisions' && hasArticle ? <RevisionsDialog /> : null}
        {dialog === 'name-version' && hasArticle ? <NameVersionDialog /> : null}
        {dialog === 'palette' ? <CommandPalette onRun={run} /> : null}
        {dialog === 'preview' && hasArticle ? <PreviewDialog /> : null}
      </Suspense>
      <Toasts />
    </div>
  );
}
