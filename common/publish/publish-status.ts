// Runs in: services and renderer. How a publish leaves a story, in Dateline's own words; each
// target maps them to its backend's (WordPress: publish, future, draft, pending; the folder and
// webhook targets: ninjs pubStatus and embargo).
import { z } from 'zod';

export const PUBLISH_STATUSES = [
  /** Live now. */
  'published',
  /** Goes live by itself at the scheduled time. */
  'scheduled',
  /** Kept on the target, not public. */
  'draft',
  /** Handed to the target's own review (WordPress: pending review). */
  'submitted',
] as const;
export type PublishStatus = (typeof PUBLISH_STATUSES)[number];

/**
 * The words versions before Dateline's own stored (WordPress's): outbox jobs, publication records
 * and requests from an older window still carry them, and are read as Dateline's words.
 */
const EARLIER_WORDS: Readonly<Record<string, PublishStatus>> = { publish: 'published', future: 'scheduled', pending: 'submitted' };

/** A stored or received status in Dateline's words; anything else is left for the schema to refuse. */
export function publishStatusFromStored(value: unknown): unknown {
  return typeof value === 'string' && Object.hasOwn(EARLIER_WORDS, value) ? EARLIER_WORDS[value] : value;
}

export const publishStatusSchema = z.preprocess(publishStatusFromStored, z.enum(PUBLISH_STATUSES));
