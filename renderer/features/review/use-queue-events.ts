// Runs in: renderer. While the review queue is on screen, what changes in the hub or in a story's
// review (the sync learned the desk's decision, an action here) reloads it: one reload per burst
// of events, and one after a reconnect.
import { useEffect } from 'react';
import { useStores } from '../../stores/stores-context';

/** Events closer together than this are one reload. */
const COALESCE_MS = 250;

export function useQueueEvents(): void {
  const { events, review } = useStores();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const reloadSoon = (): void => {
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        if (!review.getState().queueLoading) void review.getState().loadQueue();
      }, COALESCE_MS);
    };
    const stops = [events.on('review.queueChanged', reloadSoon), events.on('review.articleChanged', reloadSoon), events.onResync(reloadSoon)];
    return () => {
      for (const stop of stops) stop();
      if (timer !== null) clearTimeout(timer);
    };
  }, [events, review]);
}
