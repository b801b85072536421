// Runs in: services. What the start's background scan found, announced as `library.changed`: the
// articles read or corrected ('saved') and the cached ones gone ('purged'), each with its ids when
// they fit in one event, else without. A batch with neither still refreshes the list (progress).
import { MAX_EVENT_IDS } from '../../../common/contract-events';
import type { EventBus } from '../events/event-bus';
import type { ScanBatch } from '../store/library-scan';

export function announceScan(events: EventBus, batch: ScanBatch): void {
  const ids = (list: string[]) => (list.length <= MAX_EVENT_IDS ? list : []);
  if (batch.removed.length > 0) events.emit('library.changed', { kind: 'purged', ids: ids(batch.removed) });
  if (batch.updated.length > 0 || batch.removed.length === 0) events.emit('library.changed', { kind: 'saved', ids: ids(batch.updated) });
}
