// Runs in: services and the hub package worker. The review queue's line for a folder hub package:
// computed where the package was checked, so the queue never carries whole articles back.
import { docText } from '../../../common/doc-text';
import { textStats } from '../../../common/text/text-stats';
import type { HubEntry, ReviewPackage } from './review-package';

export function hubEntryOf(p: ReviewPackage): HubEntry {
  const stats = textStats(docText(p.article.body));
  return {
    articleId: p.article.id,
    headline: p.article.headline,
    status: p.article.status,
    submittedBy: p.submittedBy,
    submittedTo: p.submittedTo,
    submittedAt: p.submittedAt,
    hubRevision: p.hubRevision,
    updatedAt: p.updatedAt,
    updatedBy: p.updatedBy,
    words: stats.words,
    cjkChars: stats.cjkChars,
    openComments: p.comments.filter((c) => !c.resolved).length,
  };
}
