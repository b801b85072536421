// Runs in: renderer. The fallback poll: runs `poll` every `intervalMs` only while the event stream
// is down, and stops as soon as it is live again.
import type { EventSubscription } from './event-subscription';

/** Returns a function that stops polling for good. */
export function pollWhileDown(events: Pick<EventSubscription, 'live' | 'onLiveChange'>, poll: () => void, intervalMs: number): () => void {
  let timer: ReturnType<typeof setInterval> | null = null;
  const follow = (live: boolean): void => {
    if (!live && timer === null) timer = setInterval(poll, intervalMs);
    if (live && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
  follow(events.live);
  const stop = events.onLiveChange(follow);
  return () => {
    stop();
    if (timer !== null) clearInterval(timer);
    timer = null;
  };
}
