// Runs in: main, services, host and renderer. The review operations' inputs and results: an
// article's workflow state as the review panel shows it, the review queue, and the diff bases.
import type { RecordedError } from '../errors/recorded-error';
import { z } from 'zod';
import { articleIdSchema, type ArticleStatus } from '../article';
import type { ArticleDiff } from './article-diff';
import { commentIdSchema, MAX_COMMENT_LENGTH, textAnchorSchema, type ReviewComment } from './review-comment';
import type { NewsroomProfile } from './newsroom-profile';
import { MAX_NOTE_LENGTH, workflowActionSchema, type WorkflowAction, type WorkflowEvent } from './workflow-event';

/** submittedTo for "anyone on the desk" rather than a named editor. */
export const DESK = 'desk';

export const hubKindSchema = z.enum(['folder', 'wordpress', 'newsroom']);
export type HubKindName = z.infer<typeof hubKindSchema>;

/** Where articles travel for review, as settings name it. */
export const reviewHubSettingSchema = z.discriminatedUnion('kind', [
  /** path '' means the default folder (Documents/Dateline Review Hub). */
  z.object({ kind: z.literal('folder'), path: z.string().max(4096) }),
  z.object({ kind: z.literal('wordpress'), targetId: z.string().min(1).max(64) }),
  /** The newsroom server's http(s) address; the account token is kept in the SecretStore, never here. */
  z.object({ kind: z.literal('newsroom'), serverUrl: z.string().trim().min(1).max(2048) }),
]);
export type ReviewHubSetting = z.infer<typeof reviewHubSettingSchema>;

export interface HubLink {
  kind: HubKindName;
  /** The hub folder or site address, for messages. */
  location: string;
  /** The hub's version token when this machine last read or wrote the article. */
  hubRevision: number;
  submittedTo: string;
  syncedAt: string;
  /** The library revision of the article right after that sync: a higher one means local changes the hub has not seen. */
  localRevision: number;
  /** Whether the hub keeps review comments and history (a WordPress site only with the companion plugin). */
  keepsComments: boolean;
}

export interface PendingSyncInfo {
  since: string;
  attempts: number;
  /** Why the last try failed, worded by the renderer from its code and kind; null before any try. */
  lastError: RecordedError | null;
  /** Someone else changed the article in the hub meanwhile; it will not be sent by itself. */
  conflict: boolean;
  /** The hub answered and refused the last try (a damaged package, a permission), rather than not being reachable or failing for a while (5xx). */
  refused: boolean;
}

export interface DiffBaseInfo {
  /** The article revision the base was taken at (local numbering of whoever saved it). */
  revision: number;
  at: string;
  headline: string;
}

export interface ReviewState {
  articleId: string;
  status: ArticleStatus;
  /** The reporter the article belongs to (its first submitter), null before its first submission. */
  owner: string | null;
  /** Who the user is; null until they set a name and role in Settings. */
  profile: NewsroomProfile | null;
  /** What the user may do now, in WORKFLOW_ACTIONS order. */
  allowedActions: WorkflowAction[];
  /** Oldest first. */
  history: WorkflowEvent[];
  /** Anchors re-found in the current body. */
  comments: ReviewComment[];
  hub: HubLink | null;
  /** Recorded here while the hub could not be reached, waiting to be sent; null when all is sent. */
  pendingSync: PendingSyncInfo | null;
  /** The user may send edits the hub has not seen without a workflow action ('review.sendChanges'). */
  canSendChanges: boolean;
  diffBases: { lastSeen: DiffBaseInfo | null; submitted: DiffBaseInfo | null; previousSubmission: DiffBaseInfo | null };
  /** Only from 'review.open' with `merge`: what the merge could not join. */
  merged?: MergeSummary;
}

export interface MergeSummary {
  /** Fields both sides changed differently: the hub's value was kept ('headline', 'meta.section'...). */
  fieldsFromHub: string[];
  /** Runs of paragraphs both changed differently: the hub's kept, this computer's added after them as suggestions. */
  blocksBothChanged: number;
  /** Runs both changed where only the hub's was kept (a photo, a paragraph deleted here): this computer's is under Revisions. */
  blocksKeptFromHub: number;
  /** True when this computer's version already held everything the hub's had: nothing was written. */
  nothingNew?: boolean;
}

export const diffBaseSchema = z.enum(['last-seen', 'submitted', 'previous-submission']);
export type DiffBase = z.infer<typeof diffBaseSchema>;

export interface ReviewDiffResult {
  base: DiffBase;
  baseInfo: DiffBaseInfo;
  diff: ArticleDiff;
}

export interface ReviewQueueEntry {
  articleId: string;
  headline: string;
  status: ArticleStatus;
  submittedBy: string;
  submittedTo: string;
  submittedAt: string;
  updatedAt: string;
  updatedBy: string;
  words: number;
  cjkChars: number;
  /** Unresolved comments in the hub copy. */
  openComments: number;
}

export interface ReviewQueue {
  hub: { kind: HubKindName; location: string };
  entries: ReviewQueueEntry[];
  problems: { articleId: string; message: string }[];
}

export const queueScopeSchema = z.enum(['for-me', 'mine', 'all']);
export type QueueScope = z.infer<typeof queueScopeSchema>;

const note = z.string().max(MAX_NOTE_LENGTH).optional();
const commentBody = z.string().max(MAX_COMMENT_LENGTH);

export const reviewOperations = {
  'review.get': z.object({ id: articleIdSchema }),
  /** One workflow action on the saved article; `to` names the editor (or the desk) on submit. */
  'review.transition': z.object({
    id: articleIdSchema,
    action: workflowActionSchema,
    note,
    scheduledAt: z.iso.datetime({ offset: true }).optional(),
    to: z.string().trim().min(1).max(200).optional(),
  }),
  /** for-me: editors, submitted to me or the desk; reporters, my stories returned for changes. mine: what I submitted; all: everything in the hub. */
  'review.queue': z.object({ scope: queueScopeSchema.default('for-me') }),
  /** Copies the hub's version (article, photos, history, comments) into this library; the local one is kept as a revision. */
  'review.open': z.object({
    id: articleIdSchema,
    /** Replace local changes the hub has not seen (they stay under Revisions); without it they make a 'conflict'. */
    replaceLocal: z.boolean().default(false),
    /** Merge local changes the hub has not seen into the hub's version instead (both versions stay under Revisions). */
    merge: z.boolean().default(false),
  }),
  'review.diff': z.object({ id: articleIdSchema, base: diffBaseSchema }),
  /** Sends what waits to be sent to the hub (one article, or all) now rather than at the next retry. */
  'review.sync': z.object({ id: articleIdSchema.optional() }),
  /** Sends the article's edits to the hub without a workflow action (a reporter's late facts, an editor's copy edits). */
  'review.sendChanges': z.object({ id: articleIdSchema }),
  'comments.add': z.object({ id: articleIdSchema, body: commentBody, anchor: textAnchorSchema.nullable().optional() }),
  'comments.reply': z.object({ id: articleIdSchema, commentId: commentIdSchema, body: commentBody }),
  'comments.resolve': z.object({ id: articleIdSchema, commentId: commentIdSchema }),
  'comments.reopen': z.object({ id: articleIdSchema, commentId: commentIdSchema }),
} as const;

export interface ReviewOperationResults {
  'review.get': ReviewState;
  'review.transition': ReviewState;
  'review.queue': ReviewQueue;
  'review.open': ReviewState;
  'review.diff': ReviewDiffResult;
  'review.sync': { pending: number };
  'review.sendChanges': ReviewState;
  'comments.add': ReviewState;
  'comments.reply': ReviewState;
  'comments.resolve': ReviewState;
  'comments.reopen': ReviewState;
}
