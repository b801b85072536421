// Runs in: services. What the review panel shows of one article: its status, owner, what this person
// may do, history, comments, where it is in the hub, what waits to be sent and the diff bases.
import type { Article, ArticleStatus } from '../../../common/article';
import { sameActorName, type NewsroomProfile } from '../../../common/workflow/newsroom-profile';
import { reanchorAll } from '../../../common/workflow/review-comment';
import type { DiffBaseInfo, ReviewState } from '../../../common/workflow/review-contract';
import { allowedActions, isOwnArticle } from '../../../common/workflow/workflow-machine';
import { ownerOf } from '../../../common/workflow/workflow-history';
import type { ReviewContext } from './review-context';
import type { ReviewRecord } from './review-record-store';

export async function stateOf(ctx: Pick<ReviewContext, 'profile'>, article: Article, record: ReviewRecord): Promise<ReviewState> {
  const profile = await ctx.profile();
  const owner = ownerOf({ schemaVersion: 1, events: record.history });
  const isOwn = profile ? isOwnArticle({ status: article.status, owner }, profile) : true;
  return {
    articleId: article.id,
    status: article.status,
    owner,
    profile,
    allowedActions: profile ? allowedActions(article.status, profile.role, isOwn) : [],
    canSendChanges: mayChange(article.status, record, profile, owner),
    history: record.history,
    comments: reanchorAll(record.comments, article.body),
    hub: record.hub,
    pendingSync: record.pendingSync
      ? {
          since: record.pendingSync.since,
          attempts: record.pendingSync.attempts,
          lastError: record.pendingSync.lastError,
          conflict: record.pendingSync.conflict,
          refused: record.pendingSync.refused,
        }
      : null,
    diffBases: {
      lastSeen: record.lastSeen ? baseInfo(record.lastSeen.article, record.lastSeen.at) : null,
      submitted: record.submitted ? baseInfo(record.submitted.article, record.submitted.at) : null,
      previousSubmission: record.previousSubmission ? baseInfo(record.previousSubmission, record.previousSubmission.updatedAt) : null,
    },
  };
}

/**
 * Whether the user may send the article's edits to the hub on their own, while nobody else is
 * working on it: editors while it waits for the desk or is approved (not while it is returned: the
 * reporter is revising it); reporters only their own story, known by its history, while it waits
 * for the desk.
 */
export function mayChange(status: ArticleStatus, record: Pick<ReviewRecord, 'hub'>, profile: NewsroomProfile | null, owner: string | null): boolean {
  if (!profile || !record.hub) return false;
  if (profile.role === 'reporter') return status === 'submitted' && owner !== null && sameActorName(owner, profile.name);
  return status === 'submitted' || status === 'approved';
}

export function baseInfo(article: Article, at: string): DiffBaseInfo {
  return { revision: article.revision, at, headline: article.headline };
}
