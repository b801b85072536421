// Runs in: services. Review comments: added, replied to, resolved and reopened on this machine, and
// written to the hub first when the article is in one (or kept to go with the next sync while the
// hub cannot be reached).
import type { OperationHandlers } from '../../../common/contract';
import type { NewsroomProfile } from '../../../common/workflow/newsroom-profile';
import { addComment, reanchorAll, reopenComment, replyTo, resolveComment, type ReviewComment } from '../../../common/workflow/review-comment';
import { updateOrQueue } from './hub-write';
import { requireProfile, type ReviewContext } from './review-context';
import { stateOf } from './review-state';

export type CommentHandlers = Pick<OperationHandlers, 'comments.add' | 'comments.reply' | 'comments.resolve' | 'comments.reopen'>;

export function reviewCommentHandlers(ctx: ReviewContext): CommentHandlers {
  /** Changes the comments, in the hub first when the article is in one. */
  const changeComments = (id: string, change: (comments: readonly ReviewComment[], profile: NewsroomProfile, at: string) => ReviewComment[]) =>
    ctx.queue.run(id, async () => {
      const profile = await requireProfile(ctx);
      const article = await ctx.library.get(id);
      const record = await ctx.records.get(id);
      const at = ctx.now();
      const comments = change(reanchorAll(record.comments, article.body), profile, at);
      const { hub, pendingSync } = record.hub ? await updateOrQueue(ctx, id, record.hub, record.pendingSync, at, { comments, by: profile }) : record;
      const next = await ctx.records.update(id, (r) => ({ ...r, comments, hub, pendingSync }));
      return stateOf(ctx, article, next);
    });

  return {
    'comments.add': ({ id, body, anchor }) =>
      changeComments(id, (comments, author, createdAt) => addComment(comments, { id: ctx.newId(), author, createdAt, body, anchor: anchor ?? null })),
    'comments.reply': ({ id, commentId, body }) =>
      changeComments(id, (comments, author, createdAt) => replyTo(comments, commentId, { id: ctx.newId(), author, createdAt, body })),
    'comments.resolve': ({ id, commentId }) => changeComments(id, (comments, by, at) => resolveComment(comments, commentId, by, at)),
    'comments.reopen': ({ id, commentId }) => changeComments(id, (comments) => reopenComment(comments, commentId)),
  };
}
