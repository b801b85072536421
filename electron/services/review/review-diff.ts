// Runs in: services. The review diff: the article now against one of the bases its record keeps
// (what this person last saw, what was submitted, the previous submission).
import { AppError } from '../../../common/app-error';
import type { OperationHandlers } from '../../../common/contract';
import { diffArticles } from '../../../common/workflow/article-diff';
import type { ReviewContext } from './review-context';
import { baseInfo } from './review-state';

export const reviewDiffHandler = (ctx: Pick<ReviewContext, 'library' | 'records'>): OperationHandlers['review.diff'] => async ({ id, base }) => {
  const article = await ctx.library.get(id);
  const record = await ctx.records.get(id);
  const bases = {
    'last-seen': record.lastSeen,
    submitted: record.submitted,
    'previous-submission': record.previousSubmission ? { article: record.previousSubmission, at: record.previousSubmission.updatedAt } : null,
  };
  const chosen = bases[base];
  if (!chosen) {
    const why = {
      'last-seen': 'There is no earlier version to compare with: this is the first version of the article you opened.',
      submitted: 'There is no submitted version to compare with: the article was not submitted from this computer, nor opened here while it was submitted.',
      'previous-submission': 'There is no earlier submission to compare with: this is the first time the article was submitted.',
    };
    throw new AppError('not-found', why[base], { kind: 'hub-base-missing', base });
  }
  const before = chosen.article;
  const info = baseInfo(before, chosen.at);
  return { base, baseInfo: info, diff: diffArticles(before, article) };
};
