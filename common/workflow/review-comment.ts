// Runs in: main, services, host and renderer. Review comments kept with the article (e.g.
// articles/<id>/comments.json) and carried through the hubs: anchored to a text range or
// general notes, with replies, resolvable by anyone on the story.
import { z } from 'zod';
import type { DocNode } from '../article';
import { AppError } from '../app-error';
import { actorSchema, type Actor } from './newsroom-profile';
import { indexDocText, rangeOf, type DocTextIndex } from './doc-text-index';

export const MAX_COMMENT_LENGTH = 5000;
export const MAX_COMMENTS = 5000;
export const MAX_REPLIES = 1000;

export const commentIdSchema = z.string().regex(/^[0-9A-Za-z._:-]{1,120}$/, 'a comment id');
const commentBodySchema = z.string().trim().min(1, 'a comment cannot be empty').max(MAX_COMMENT_LENGTH);
const timeSchema = z.iso.datetime({ offset: true });

/** A range in ProseMirror positions, and the text it covered, to find it again after edits. */
export const textAnchorSchema = z
  .object({
    from: z.number().int().nonnegative(),
    to: z.number().int().positive(),
    quote: z.string().min(1).max(MAX_COMMENT_LENGTH),
  })
  .refine((a) => a.from < a.to, 'an anchor must cover at least one position');
export type TextAnchor = z.infer<typeof textAnchorSchema>;

export const reviewReplySchema = z.object({
  id: commentIdSchema,
  author: actorSchema,
  createdAt: timeSchema,
  body: commentBodySchema,
});
export type ReviewReply = z.infer<typeof reviewReplySchema>;

export const reviewCommentSchema = z.object({
  id: commentIdSchema,
  author: actorSchema,
  createdAt: timeSchema,
  body: commentBodySchema,
  /** null: a general note on the whole article (or one whose text was deleted, see orphanedQuote). */
  anchor: textAnchorSchema.nullable(),
  /** The quote of an anchor whose text is gone: the comment stays, as a general note. */
  orphanedQuote: z.string().max(MAX_COMMENT_LENGTH).nullable().default(null),
  resolved: z.boolean(),
  resolvedBy: actorSchema.nullable().default(null),
  resolvedAt: timeSchema.nullable().default(null),
  replies: z.array(reviewReplySchema).max(MAX_REPLIES).default([]),
});
export type ReviewComment = z.infer<typeof reviewCommentSchema>;

/** The comments file kept with the article. */
export const reviewCommentsSchema = z.object({
  schemaVersion: z.literal(1),
  comments: z.array(reviewCommentSchema).max(MAX_COMMENTS),
});
export type ReviewComments = z.infer<typeof reviewCommentsSchema>;

export interface NewComment {
  id: string;
  author: Actor;
  createdAt: string;
  body: string;
  /** Omit or null for a general note. */
  anchor?: TextAnchor | null;
}

export interface NewReply {
  id: string;
  author: Actor;
  createdAt: string;
  body: string;
}

/** The list with a new comment at the end. */
export function addComment(comments: readonly ReviewComment[], draft: NewComment): ReviewComment[] {
  if (comments.some((c) => c.id === draft.id)) throw new AppError('conflict', `A comment with the id ${draft.id} already exists.`, { kind: 'duplicate-id', id: draft.id });
  if (comments.length >= MAX_COMMENTS) throw new AppError('invalid-input', `An article can hold at most ${MAX_COMMENTS} comments.`, { kind: 'comments-full', max: MAX_COMMENTS });
  const comment = parse(reviewCommentSchema, {
    id: draft.id,
    author: draft.author,
    createdAt: draft.createdAt,
    body: draft.body,
    anchor: draft.anchor ?? null,
    orphanedQuote: null,
    resolved: false,
    resolvedBy: null,
    resolvedAt: null,
    replies: [],
  });
  return [...comments, comment];
}

/** The list with a reply added to comment `commentId`; replying to a resolved comment keeps it resolved. */
export function replyTo(comments: readonly ReviewComment[], commentId: string, draft: NewReply): ReviewComment[] {
  const target = find(comments, commentId);
  if (target.replies.some((r) => r.id === draft.id)) throw new AppError('conflict', `A reply with the id ${draft.id} already exists.`, { kind: 'duplicate-id', id: draft.id });
  if (target.replies.length >= MAX_REPLIES) throw new AppError('invalid-input', `A comment can hold at most ${MAX_REPLIES} replies.`, { kind: 'replies-full', max: MAX_REPLIES });
  const reply = parse(reviewReplySchema, draft);
  return comments.map((c) => (c.id === commentId ? { ...c, replies: [...c.replies, reply] } : c));
}

/**
 * The list with comment `commentId` resolved by `by` at `at`. Resolving an already resolved
 * comment keeps the first resolution, so two people resolving at once agree.
 */
export function resolveComment(comments: readonly ReviewComment[], commentId: string, by: Actor, at: string): ReviewComment[] {
  const target = find(comments, commentId);
  const resolvedBy = parse(actorSchema, by);
  const resolvedAt = parse(timeSchema, at);
  if (target.resolved) return [...comments];
  return comments.map((c) => (c.id === commentId ? { ...c, resolved: true, resolvedBy, resolvedAt } : c));
}

/** The list with comment `commentId` open again (the fix did not hold). */
export function reopenComment(comments: readonly ReviewComment[], commentId: string): ReviewComment[] {
  find(comments, commentId);
  return comments.map((c) => (c.id === commentId ? { ...c, resolved: false, resolvedBy: null, resolvedAt: null } : c));
}

/**
 * The comment anchored to where its quoted text is now: the occurrence nearest the old position.
 * When the text is gone the anchor is dropped and the quote kept in orphanedQuote, so the comment
 * survives as a general note.
 */
export function reanchor(comment: ReviewComment, index: DocTextIndex): ReviewComment {
  const anchor = comment.anchor;
  if (!anchor) return comment;
  // Block separators at either end depend on exactly where the selection started: not part of the match.
  const needle = anchor.quote.replace(/^\n+|\n+$/g, '');
  let best: { from: number; to: number } | null = null;
  for (let start = needle === '' ? -1 : index.text.indexOf(needle); start !== -1; start = index.text.indexOf(needle, start + 1)) {
    const range = rangeOf(index, start, start + needle.length);
    if (range && (!best || Math.abs(range.from - anchor.from) < Math.abs(best.from - anchor.from))) best = range;
  }
  if (!best) return { ...comment, anchor: null, orphanedQuote: anchor.quote };
  if (best.from === anchor.from && best.to === anchor.to && needle === anchor.quote) return comment;
  return { ...comment, anchor: { ...best, quote: needle } };
}

/** Every comment re-anchored against the body as it is now. */
export function reanchorAll(comments: readonly ReviewComment[], body: DocNode): ReviewComment[] {
  if (!comments.some((c) => c.anchor)) return [...comments];
  const index = indexDocText(body);
  return comments.map((c) => reanchor(c, index));
}

function find(comments: readonly ReviewComment[], commentId: string): ReviewComment {
  const found = comments.find((c) => c.id === commentId);
  if (!found) throw new AppError('not-found', 'That comment no longer exists; it may have been removed on another machine.', { kind: 'comment-missing' });
  return found;
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new AppError('invalid-input', `The comment is not valid: ${where}${issue?.message ?? 'unknown problem'}.`, { kind: 'comment-invalid', issues: result.error.issues.length });
}
