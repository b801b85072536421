// Runs in: services. The review queue a person sees, from a hub listing: "for me" holds an editor's
// stories to review and a reporter's own stories returned for changes; "mine" what they sent.
import type { NewsroomProfile } from '../../../common/workflow/newsroom-profile';
import { sameActorName } from '../../../common/workflow/newsroom-profile';
import type { QueueScope, ReviewQueue } from '../../../common/workflow/review-contract';
import { matchesHubListFilter } from './hub-list-filter';
import type { ReviewHub } from './review-hub';
import type { HubListFilter, HubListing } from './review-package';

/** What the hub is asked for; null: nothing to ask (nobody waits for a person without a name). */
export function queueFilter(scope: QueueScope, profile: NewsroomProfile | null): HubListFilter | null {
  if (scope !== 'for-me') return {};
  if (profile === null) return null;
  return profile.role === 'editor' ? { to: profile.name, status: ['submitted'] } : { status: ['changes_requested'] };
}

/** The queue of `scope` from a listing, which may hold more than the scope (a listing of the whole hub). */
export function queueView(hub: Pick<ReviewHub, 'kind' | 'location'>, listing: HubListing, scope: QueueScope, profile: NewsroomProfile | null): ReviewQueue {
  const filter = queueFilter(scope, profile);
  const onlyMine = scope === 'mine' || (scope === 'for-me' && profile?.role === 'reporter');
  const entries =
    filter === null
      ? []
      : listing.entries.filter((e) => matchesHubListFilter(e, filter) && (!onlyMine || (profile !== null && sameActorName(e.submittedBy.name, profile.name))));
  return {
    hub: { kind: hub.kind, location: hub.location },
    entries: entries.map((e) => ({
      articleId: e.articleId,
      headline: e.headline,
      status: e.status,
      submittedBy: e.submittedBy.name,
      submittedTo: e.submittedTo,
      submittedAt: e.submittedAt,
      updatedAt: e.updatedAt,
      updatedBy: e.updatedBy.name,
      words: e.words,
      cjkChars: e.cjkChars,
      openComments: e.openComments,
    })),
    problems: filter === null ? [] : listing.problems.map((p) => ({ articleId: p.articleId, message: p.message })),
  };
}
