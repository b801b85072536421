// Runs in: main, services, renderer and the newsroom server. What the app and the newsroom server
// say to each other beside the Yjs sync:
//   WebSocket  ws(s)://host:port/collab, one Hocuspocus connection per story, document name from
//              storyDocumentName(), as the Hocuspocus token an account token (Node clients) or
//              a story ticket for exactly that document (the app's editor).
//   HTTP       the same host and port, `Authorization: Bearer <token>`, JSON in and out:
//     GET  /api/me                               → MeResult
//     GET  /api/stories                          → { stories: StorySummary[] } (those you may open)
//     GET  /api/stories/<id>                     → StoryRecord
//     POST /api/stories/<id>/workflow            WorkflowCall → StoryRecord   (checked by the
//                                                 common workflow machine; 409 conflict, 403 denied)
//     POST /api/stories/<id>/comments            CommentCall → StoryRecord
//     POST /api/stories/<id>/ticket              {} → StoryTicketResult (a ticket good for ten
//                                                 minutes, only if you may open the story; 404 else)
//     GET  /api/events                           text/event-stream: a comment line once open, then
//                                                 one `data: StoryChangeEvent` per status change of
//                                                 a story you may open, from any node (the review
//                                                 queue follows it instead of polling)
//   Stateless  after a workflow action the server sends every connection on every node a
//              StoryStatusNotice; the connection's read-only flag is already switched by then.
// Errors come back as { error: { code, message, details } } with an AppError code.
import { z } from 'zod';
import { articleStatusSchema } from '../article';
import { MAX_NOTE_LENGTH, workflowActionSchema, workflowEventIdSchema, workflowEventSchema } from '../workflow/workflow-event';
import { commentAnchorSchema } from './story-anchor';
import { serverRoleSchema } from './story-access';

export const COLLAB_PATH = '/collab';
export const MAX_COMMENT_LENGTH = 5000;
/** The largest JSON body the HTTP API reads. */
export const MAX_API_BODY_BYTES = 64 * 1024;

export const workflowCallSchema = z.object({
  /** Made by the caller, so a retried call is recognised and not applied twice. */
  id: workflowEventIdSchema,
  action: workflowActionSchema,
  note: z.string().max(MAX_NOTE_LENGTH).optional(),
  scheduledAt: z.string().max(64).optional(),
  revision: z.number().int().nonnegative().optional(),
});
export type WorkflowCall = z.infer<typeof workflowCallSchema>;

export const commentCallSchema = z.object({
  id: workflowEventIdSchema,
  body: z.string().trim().min(1).max(MAX_COMMENT_LENGTH),
  anchor: commentAnchorSchema.nullable().default(null),
});
export type CommentCall = z.infer<typeof commentCallSchema>;

export const serverCommentSchema = z.object({
  id: workflowEventIdSchema,
  by: z.object({ name: z.string(), role: serverRoleSchema }),
  at: z.string(),
  body: z.string(),
  anchor: commentAnchorSchema.nullable(),
});
export type ServerComment = z.infer<typeof serverCommentSchema>;

export const storySummarySchema = z.object({
  id: z.string(),
  documentName: z.string(),
  owner: z.string(),
  status: articleStatusSchema,
  updatedAt: z.string(),
});
export type StorySummary = z.infer<typeof storySummarySchema>;

export const storyRecordSchema = storySummarySchema.extend({
  history: z.array(workflowEventSchema),
  comments: z.array(serverCommentSchema),
  /** What the caller may do now. */
  canEdit: z.boolean(),
  allowedActions: z.array(workflowActionSchema),
});
export type StoryRecord = z.infer<typeof storyRecordSchema>;

export const meResultSchema = z.object({ name: z.string(), role: serverRoleSchema });
export type MeResult = z.infer<typeof meResultSchema>;

/** POST /api/stories/<id>/ticket: a short-lived ticket to open that one story over the WebSocket. */
export const storyTicketSchema = z.object({ ticket: z.string().min(1).max(200), expiresAt: z.string().max(40) });
export type StoryTicketResult = z.infer<typeof storyTicketSchema>;

export const storyStatusNoticeSchema = z.object({
  type: z.literal('story.status'),
  status: articleStatusSchema,
  readOnly: z.boolean(),
});
export type StoryStatusNotice = z.infer<typeof storyStatusNoticeSchema>;

export const EVENTS_PATH = '/api/events';
/** The longest line the app reads from the event stream; a longer one ends the stream. */
export const MAX_EVENT_LINE_BYTES = 16 * 1024;

/** One event of GET /api/events: a story's status changed (a submission, an approval, a spike…). */
export const storyChangeEventSchema = z.object({
  type: z.literal('story.changed'),
  id: z.string().max(100),
  status: articleStatusSchema,
});
export type StoryChangeEvent = z.infer<typeof storyChangeEventSchema>;
