// Runs in: the services process (plain Node). Brings what the hub says happened to a story (the
// desk approved, returned, published or spiked it) into this machine's review record and library
// status, so the library row, the article and the queue all show the hub's status.
import type { ArticleStatus } from '../../../common/article';
import { currentStatusOf } from '../../../common/workflow/workflow-history';
import type { KeyedQueue } from '../store/keyed-queue';
import type { ReviewHub } from './review-hub';
import type { HubListing } from './review-package';
import type { ReviewRecordStore } from './review-record-store';

/** At most this many hub entries are looked at per run (a huge hub cannot make a run unbounded). */
const MAX_ENTRIES_PER_RUN = 2_000;

export interface HubStatusFollowerOptions {
  hub(): Promise<ReviewHub>;
  records: Pick<ReviewRecordStore, 'get' | 'update'>;
  library: { get(id: string): Promise<{ status: ArticleStatus }>; setStatus(id: string, status: ArticleStatus): Promise<unknown> };
  /** The per-article queue the review service runs every change on. */
  queue: KeyedQueue;
  onChange?(articleId: string): void;
}

export interface HubStatusFollower {
  /**
   * Looks at the hub once; returns the ids whose local status was brought up to the hub's. `read`:
   * a listing of the whole hub the caller just made, so the hub is not listed again.
   */
  follow(read?: { hub: ReviewHub; listing: HubListing }): Promise<string[]>;
}

export function createHubStatusFollower(options: HubStatusFollowerOptions): HubStatusFollower {
  // The hub revision last looked at per article: only entries that moved since are read again.
  const seen = new Map<string, number>();

  const adopt = async (hub: ReviewHub, id: string): Promise<boolean> => {
    const record = await options.records.get(id);
    // Work not yet sent is sent first (it may conflict, and then a person decides).
    if (!record.hub || record.pendingSync || record.hub.kind !== hub.kind || record.hub.location !== hub.location) return false;
    const opened = await hub.open(id);
    const ours = record.history;
    // Only a history that continues ours is taken: anything else is a conflict "get the latest" resolves.
    if (opened.history.length <= ours.length || !ours.every((event, i) => event.id === opened.history[i]?.id)) return false;
    const status = currentStatusOf({ schemaVersion: 1, events: opened.history });
    await options.records.update(id, (r) => ({ ...r, history: opened.history }));
    if ((await options.library.get(id)).status !== status) await options.library.setStatus(id, status);
    options.onChange?.(id);
    return true;
  };

  const follow = async (read?: { hub: ReviewHub; listing: HubListing }): Promise<string[]> => {
    const hub = read?.hub ?? (await options.hub());
    const listing = read?.listing ?? (await hub.list({}));
    const learned: string[] = [];
    for (const entry of listing.entries.slice(0, MAX_ENTRIES_PER_RUN)) {
      if (seen.get(entry.articleId) === entry.hubRevision) continue;
      const local = await options.library.get(entry.articleId).catch(() => null);
      if (local && local.status !== entry.status && (await options.queue.run(entry.articleId, () => adopt(hub, entry.articleId)))) learned.push(entry.articleId);
      seen.set(entry.articleId, entry.hubRevision);
    }
    return learned;
  };
  return { follow };
}
