// Runs in: services and renderer. What a publish will do, said before it happens: the checklist's last line.
import type { PublishOptions } from './publish-job';
import type { PublishStatus } from './publish-target-config';

export type PublishOutcome =
  | { kind: 'now' }
  /** Goes live now, dated at its original (past) time. */
  | { kind: 'backdated'; datedAt: string }
  | { kind: 'scheduled'; scheduledAt: string }
  | { kind: 'draft' }
  | { kind: 'submitted' }
  /** Scheduling without a usable time: the checklist's blocker says why. */
  | { kind: 'unknown' };

export function publishOutcome(options: Pick<PublishOptions, 'status' | 'scheduledAt' | 'backdateTo'>, now: Date): PublishOutcome {
  if (options.status === 'scheduled') {
    const at = options.scheduledAt ? Date.parse(options.scheduledAt) : Number.NaN;
    return options.scheduledAt && !Number.isNaN(at) && at > now.getTime() ? { kind: 'scheduled', scheduledAt: options.scheduledAt } : { kind: 'unknown' };
  }
  if (options.status === 'published' && options.backdateTo) return { kind: 'backdated', datedAt: options.backdateTo };
  return options.status === 'published' ? { kind: 'now' } : { kind: options.status };
}

/** The status a dialog opens on: the planned time when it is still ahead and scheduling is offered. */
export function defaultPublishStatus(choices: readonly PublishStatus[], plannedAt: string | null, now: Date): PublishStatus {
  const planned = plannedAt ? Date.parse(plannedAt) : Number.NaN;
  if (choices.includes('scheduled') && !Number.isNaN(planned) && planned > now.getTime()) return 'scheduled';
  return choices[0] ?? 'published';
}
