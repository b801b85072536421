// Runs in: services. Which review-queue entries a hub listing filter keeps, the same for every hub
// and for a listing filtered after it was read.
import { sameActorName } from '../../../common/workflow/newsroom-profile';
import { DESK } from '../../../common/workflow/review-contract';
import type { HubEntry, HubListFilter } from './review-package';

/** An editor's queue holds what was sent to them by name and what was sent to the desk. */
export function addressedTo(submittedTo: string, to: string): boolean {
  if (sameActorName(to, DESK)) return sameActorName(submittedTo, DESK);
  return sameActorName(submittedTo, to) || sameActorName(submittedTo, DESK);
}

export function matchesHubListFilter(entry: Pick<HubEntry, 'status' | 'submittedTo'>, filter: HubListFilter): boolean {
  return (!filter.status || filter.status.includes(entry.status)) && (!filter.to || addressedTo(entry.submittedTo, filter.to));
}
