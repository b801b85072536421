// Runs in: renderer. While the library is on screen, a change made elsewhere (the review sync
// copying a hub version, another window, a trash) refreshes the list: one refresh per burst of
// `library.changed` events, and one after a reconnect.
import { useEffect } from 'react';
import { useStores } from '../../stores/stores-context';

/** Events closer together than this are one refresh. */
const COALESCE_MS = 250;

export function useLibraryEvents(): void {
  const { events, library } = useStores();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refreshSoon = (): void => {
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        void library.getState().refresh();
      }, COALESCE_MS);
    };
    const stopChanged = events.on('library.changed', refreshSoon);
    const stopResync = events.onResync(refreshSoon);
    return () => {
      stopChanged();
      stopResync();
      if (timer !== null) clearTimeout(timer);
    };
  }, [events, library]);
}
