// Runs in: services. The outbox's file format: `<library>/outbox/<jobId>.json` holds the job, the
// adapter's checkpoint and whether the person chose to overwrite a conflict; checked on load.
import { z } from 'zod';
import { parseAppErrorDetails } from '../../../../common/errors/app-error-details';
import { APP_ERROR_CODES } from '../../../../common/app-error';
import { JOB_STATES, jobIdSchema, publishOptionsSchema, type OutboxJob } from '../../../../common/publish/publish-job';
import { publishStatusSchema, targetIdSchema, targetKindSchema } from '../../../../common/publish/publish-target-config';
import type { Checkpoint } from '../publish-target';
import { publicationRecordSchema } from '../publication-store';

const conflictSchema = z.object({
  remote: z.object({ title: z.string(), excerpt: z.string(), contentHtml: z.string(), modified: z.string(), url: z.string() }),
  local: z.object({ title: z.string(), excerpt: z.string(), contentHtml: z.string() }),
  recordedModified: z.string(),
});

export const outboxJobSchema = z.object({
  id: jobIdSchema,
  articleId: z.string(),
  targetId: targetIdSchema,
  targetKind: targetKindSchema,
  targetName: z.string(),
  headline: z.string(),
  articleRevision: z.number().int().nonnegative(),
  options: publishOptionsSchema,
  state: z.enum(JOB_STATES),
  createdAt: z.string(),
  updatedAt: z.string(),
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.string().nullable(),
  progress: z.object({ step: z.string(), mediaDone: z.number(), mediaTotal: z.number() }),
  lastError: z
    .object({
      code: z.enum(APP_ERROR_CODES),
      message: z.string(),
      status: z.number().optional(),
      allowedStatuses: z.array(publishStatusSchema).optional(),
      // Absent in files written before errors carried typed details; dropped when they do not fit the code.
      details: z.unknown().optional(),
    })
    .transform(({ details, ...rest }) => {
      const typed = parseAppErrorDetails(rest.code, details);
      return typed ? { ...rest, details: typed } : rest;
    })
    .nullable(),
  conflict: conflictSchema.nullable(),
  result: publicationRecordSchema.nullable(),
  // Absent in files written before jobs could be skipped or re-snapshotted.
  skipped: z
    .object({ reason: z.enum(['overtaken', 'unchanged']), articleRevision: z.number().int().nonnegative(), jobId: jobIdSchema.nullable() })
    .nullable()
    .default(null),
  resnapshot: z.object({ fromRevision: z.number().int().nonnegative(), at: z.string() }).nullable().default(null),
}) satisfies z.ZodType<OutboxJob>;

export const storedJobSchema = z.object({
  version: z.literal(1),
  job: outboxJobSchema,
  checkpoint: z.record(z.string(), z.unknown()),
  overwrite: z.boolean(),
});

export interface StoredJob {
  version: 1;
  job: OutboxJob;
  checkpoint: Checkpoint;
  /** The person chose "overwrite" after a conflict: the next attempt replaces the server's version. */
  overwrite: boolean;
}
