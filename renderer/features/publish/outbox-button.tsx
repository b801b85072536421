// Runs in: renderer. "Outbox (2)": how many publishing jobs are still under way (job events keep it current;
// polled only while the event stream is down), opening the queue.
import { useEffect, useState } from 'react';
import { pollWhileDown } from '../../api/poll-while-down';
import { useStores } from '../../stores/stores-context';
import { useT } from '../../i18n/use-t';
import { isActiveJob } from './job-state';
import { OutboxPanel } from './outbox-panel';

export const OUTBOX_BADGE_POLL_MS = 5_000;

export interface OutboxButtonProps {
  /** @default 5000 */
  pollIntervalMs?: number;
}

export function OutboxButton({ pollIntervalMs = OUTBOX_BADGE_POLL_MS }: OutboxButtonProps) {
  const t = useT();
  const { outbox, events } = useStores();
  const active = outbox((s) => s.jobs.filter(isActiveJob).length);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    // The panel polls faster while open; the badge must not add a second loop then.
    if (open) return;
    const poll = (): void => {
      outbox.getState().refresh().catch(() => undefined);
    };
    poll();
    return pollWhileDown(events, poll, pollIntervalMs);
  }, [outbox, events, open, pollIntervalMs]);

  return (
    <>
      <button type="button" className="outbox-button" onClick={() => setOpen(true)}>
        {active > 0 ? t('publish.outbox.buttonCount', { count: active }) : t('publish.outbox.button')}
      </button>
      {open ? <OutboxPanel onClose={() => setOpen(false)} /> : null}
    </>
  );
}
