// Runs in: main, services, host and renderer. One recorded workflow transition: who moved the
// article from which status to which, when, and why. The article's history is a list of these.
import { z } from 'zod';
import { articleStatusSchema } from '../article';
import { actorSchema } from './newsroom-profile';

export const WORKFLOW_ACTIONS = ['submit', 'request-changes', 'approve', 'schedule', 'publish', 'spike', 'correct', 'reopen'] as const;
export const workflowActionSchema = z.enum(WORKFLOW_ACTIONS);
export type WorkflowAction = z.infer<typeof workflowActionSchema>;

/** Ids come from the caller (common/ has no crypto): safe as file names and in URLs. */
export const workflowEventIdSchema = z.string().regex(/^[0-9A-Za-z._:-]{1,120}$/, 'an event id');

export const MAX_NOTE_LENGTH = 5000;

export const workflowEventSchema = z.object({
  id: workflowEventIdSchema,
  action: workflowActionSchema,
  from: articleStatusSchema,
  to: articleStatusSchema,
  by: actorSchema,
  at: z.iso.datetime({ offset: true }),
  /** The reviewer's note, the spike reason or the correction text; null when none was given. */
  note: z.string().max(MAX_NOTE_LENGTH).nullable(),
  /** When a `schedule` event sets the article to go live; null for every other action. */
  scheduledAt: z.iso.datetime({ offset: true }).nullable().default(null),
  /** The article revision the action was taken on, so a diff can find "what I last saw". */
  revision: z.number().int().nonnegative().nullable().default(null),
});
export type WorkflowEvent = z.infer<typeof workflowEventSchema>;
