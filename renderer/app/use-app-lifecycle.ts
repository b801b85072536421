// Runs in: renderer. Start-up (settings, language, library), menu commands, shortcuts, flush-on-leave,
// and telling the services when the network is back.
import { useEffect } from 'react';
import type { CommandDispatcher } from '../commands/command-dispatcher';
import { installKeyboardShortcuts } from '../commands/keyboard-shortcuts';
import type { AppStores } from '../stores/app-stores';
import { startStores } from './start-stores';

export function useAppLifecycle(stores: AppStores, dispatch: CommandDispatcher): void {
  useEffect(() => {
    const { article } = stores;
    // main.tsx asked already, before the first render; a shell mounted on its own (tests) asks now.
    startStores(stores);

    const bridge = window.dateline;
    const unsubscribeMenu = bridge ? bridge.onMenuCommand((command) => void dispatch(command)) : null;
    // In Electron the native menu owns the accelerators; in a browser the renderer listens itself.
    const removeShortcuts = bridge ? null : installKeyboardShortcuts(window, (command) => void dispatch(command));

    // Best effort: start saving whatever is pending when the page goes away.
    const handleLeave = (): void => {
      article.getState().flush().catch(() => undefined);
    };
    window.addEventListener('pagehide', handleLeave);
    window.addEventListener('beforeunload', handleLeave);
    // Back online: publishing jobs and review work waiting for the network go now, not at their next retry.
    const handleOnline = (): void => {
      stores.api.call('app.online', {}).catch(() => undefined);
    };
    window.addEventListener('online', handleOnline);
    return () => {
      window.removeEventListener('online', handleOnline);
      unsubscribeMenu?.();
      removeShortcuts?.();
      window.removeEventListener('pagehide', handleLeave);
      window.removeEventListener('beforeunload', handleLeave);
    };
  }, [stores, dispatch]);
}
