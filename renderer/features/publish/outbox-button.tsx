// Runs in: renderer. "Outbox (2)": how many publishing jobs are still under way, polled cheaply, opening the queue.
import { useEffect, useState } from 'react';
import { useStores } from '../../app/stores-context';
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
  const { outbox } = useStores();
  const active = outbox((s) => s.jobs.filter(isActiveJob).length);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    // The panel polls faster while open; the badge must not add a second loop then.
    if (open) return;
    const poll = (): void => {
      outbox.getState().refresh().catch(() => undefined);
    };
    poll();
    const timer = setInterval(poll, pollIntervalMs);
    return () => clearInterval(timer);
  }, [outbox, open, pollIntervalMs]);

  return (
    <>
      <button type="button" className="outbox-button" onClick={() => setOpen(true)}>
        {active > 0 ? t('publish.outbox.buttonCount', { count: active }) : t('publish.outbox.button')}
      </button>
      {open ? <OutboxPanel onClose={() => setOpen(false)} /> : null}
    </>
  );
}
