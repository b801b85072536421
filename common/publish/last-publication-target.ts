// Runs in: services and renderer. Where a story went last: the publish dialog offers that target
// first, so a correction goes to the same site as the story.
import type { PublicationRecord } from './publish-job';

/** The target of the most recent record (by publishedAt), or null when the story never went anywhere. */
export function lastPublicationTarget(records: readonly Pick<PublicationRecord, 'targetId' | 'publishedAt'>[]): string | null {
  let last: Pick<PublicationRecord, 'targetId' | 'publishedAt'> | null = null;
  for (const record of records) {
    if (!last || Date.parse(record.publishedAt) > Date.parse(last.publishedAt)) last = record;
  }
  return last?.targetId ?? null;
}
