// Runs in: renderer. Follows one outbox job while the outbox works on it; stops when it settles or the view unmounts.
import { useEffect, useRef, useState } from 'react';
import type { OutboxJob } from '../../../common/publish/publish-job';
import { useStores } from '../../app/stores-context';
import { isPollingJob } from './job-state';

export const JOB_POLL_MS = 400;

export function useJobPolling(job: OutboxJob | null, onJob: (job: OutboxJob) => void, intervalMs = JOB_POLL_MS): void {
  const { api } = useStores();
  const onJobRef = useRef(onJob);
  useEffect(() => {
    onJobRef.current = onJob;
  });
  // Bumped after a failed poll so the next one is scheduled even though the job did not change.
  const [failures, setFailures] = useState(0);

  useEffect(() => {
    if (!job || !isPollingJob(job)) return;
    let live = true;
    const timer = setTimeout(() => {
      api.call('outbox.get', { jobId: job.id }).then(
        (next) => {
          if (live) onJobRef.current(next);
        },
        () => {
          if (live) setFailures((n) => n + 1);
        },
      );
    }, intervalMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, job, intervalMs, failures]);
}
