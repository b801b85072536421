// Runs in: services. The file the folder hub keeps per article, articles/<id>/package.json: the
// article with its workflow history and review comments, who sent it to whom, and the hub revision
// that every write must name (optimistic concurrency across machines).
import { z } from 'zod';
import { articleStatusSchema, type Article, type ArticleStatus } from '../../../common/article';
import { editorArticleSchema } from '../../../common/editor/editor-schema';
import { actorSchema, type Actor } from '../../../common/workflow/newsroom-profile';
import { MAX_COMMENTS, reviewCommentSchema, type ReviewComment } from '../../../common/workflow/review-comment';
import { workflowEventSchema, type WorkflowEvent } from '../../../common/workflow/workflow-event';
import { MAX_HISTORY_EVENTS } from '../../../common/workflow/workflow-history';

export const REVIEW_PACKAGE_FORMAT = 'dateline-review-package';
export const REVIEW_PACKAGE_VERSION = 1;
export { DESK } from '../../../common/workflow/review-contract';

/** History and comments are carried as their common/workflow schemas define them; the hub never interprets them. */
export const reviewPackageSchema = z.object({
  format: z.literal(REVIEW_PACKAGE_FORMAT),
  version: z.literal(REVIEW_PACKAGE_VERSION),
  hubRevision: z.number().int().positive(),
  /** sha256 of the canonical JSON of `article`. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  article: editorArticleSchema,
  history: z.array(workflowEventSchema).max(MAX_HISTORY_EVENTS),
  comments: z.array(reviewCommentSchema).max(MAX_COMMENTS),
  submittedBy: actorSchema,
  /** DESK or an editor's name. */
  submittedTo: z.string().trim().min(1).max(200),
  /** When it was last submitted (the review queue shows its age from here). */
  submittedAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  updatedBy: actorSchema,
  /** The article as the hub held it before the latest resubmission: the base of "changes since it was returned". */
  previousSubmission: editorArticleSchema.nullable().default(null),
});
export type ReviewPackage = z.infer<typeof reviewPackageSchema>;

/** One line of the review queue. */
export interface HubEntry {
  articleId: string;
  headline: string;
  status: ArticleStatus;
  submittedBy: Actor;
  submittedTo: string;
  submittedAt: string;
  hubRevision: number;
  updatedAt: string;
  updatedBy: Actor;
  /** Body word count (space-separated scripts). */
  words: number;
  /** Body CJK character count (字数). */
  cjkChars: number;
  /** Comments not resolved yet. */
  openComments: number;
}

/** A package the hub could not read; the rest of the listing is unaffected. */
export interface HubProblem {
  articleId: string;
  path: string;
  message: string;
}

export interface HubListing {
  entries: HubEntry[];
  problems: HubProblem[];
}

export const hubListFilterSchema = z.object({
  /** An editor's name: what was sent to them or to the desk; DESK: only what was sent to the desk. */
  to: z.string().trim().min(1).max(200).optional(),
  status: z.array(articleStatusSchema).optional(),
});
export type HubListFilter = z.infer<typeof hubListFilterSchema>;

export interface OpenedPackage {
  article: Article;
  history: WorkflowEvent[];
  comments: ReviewComment[];
  hubRevision: number;
  contentHash: string;
  submittedBy: Actor;
  submittedTo: string;
  submittedAt: string;
  updatedBy: Actor;
  previousSubmission: Article | null;
  /** Whether the hub keeps review comments and history (WordPress only with the companion plugin). */
  keepsComments: boolean;
}

export interface SubmitOptions {
  by: Actor;
  /** DESK or an editor's name. */
  to: string;
  history: WorkflowEvent[];
  comments: ReviewComment[];
  /** The hubRevision this machine last opened, or null for a first submission. */
  baseHubRevision: number | null;
}

export interface UpdateOptions {
  article?: Article;
  history?: WorkflowEvent[];
  comments?: ReviewComment[];
  by: Actor;
  baseHubRevision: number;
}

/** What a write returns: the new revision to name in the next write. */
export interface HubWriteResult {
  hubRevision: number;
  contentHash: string;
  updatedAt: string;
  /** Whether the hub keeps review comments and history (WordPress only with the companion plugin). */
  keepsComments: boolean;
}
