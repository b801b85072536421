// Runs in: renderer. Follows one outbox job while the outbox works on it: by `job.changed` events
// while the event stream is live (one fetch after a reconnect), and by polling only while it is
// down. Stops when the job settles or the view unmounts.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { OutboxJob } from '../../../common/publish/publish-job';
import { useStores } from '../../stores/stores-context';
import { isPollingJob } from './job-state';

/** The fallback poll's interval while the event stream is down. */
export const JOB_POLL_MS = 400;

export function useJobUpdates(job: OutboxJob | null, onJob: (job: OutboxJob) => void, intervalMs = JOB_POLL_MS): void {
  const { api, events, outbox } = useStores();
  const live = useSyncExternalStore(events.onLiveChange, () => events.live);
  const onJobRef = useRef(onJob);
  useEffect(() => {
    onJobRef.current = onJob;
  });
  // Bumped after a failed poll so the next one is scheduled even though the job did not change.
  const [failures, setFailures] = useState(0);
  const jobId = job !== null && isPollingJob(job) ? job.id : null;

  useEffect(() => {
    if (jobId === null) return;
    // What arrived between the job's start and this subscription is already in the outbox store.
    const known = outbox.getState().jobs.find((j) => j.id === jobId);
    if (known) onJobRef.current(known);
    const stopEvents = events.on('job.changed', ({ job: next }) => {
      if (next.id === jobId) onJobRef.current(next);
    });
    const stopResync = events.onResync(() => {
      api.call('outbox.get', { jobId }).then(
        (next) => onJobRef.current(next),
        () => undefined,
      );
    });
    return () => {
      stopEvents();
      stopResync();
    };
  }, [api, events, outbox, jobId]);

  useEffect(() => {
    if (live || !job || !isPollingJob(job)) return;
    let current = true;
    const timer = setTimeout(() => {
      api.call('outbox.get', { jobId: job.id }).then(
        (next) => {
          if (current) onJobRef.current(next);
        },
        () => {
          if (current) setFailures((n) => n + 1);
        },
      );
    }, intervalMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, job, intervalMs, failures, live]);
}
