// Runs in: renderer. Of two copies of one job (an event, a list, an action's answer, arriving in any
// order), the one to keep: an older copy never replaces a newer one; on a tie the incoming one wins.
import type { OutboxJob } from '../../common/publish/publish-job';

export function newerJob(known: OutboxJob | undefined, incoming: OutboxJob): OutboxJob {
  return known !== undefined && incoming.updatedAt < known.updatedAt ? known : incoming;
}
