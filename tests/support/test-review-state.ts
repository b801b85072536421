// Runs in: tests. A review state with nothing in it yet (a draft, no hub, no history), for tests
// that need one; `patch` sets what the test is about.
import type { ReviewState } from '../../common/workflow/review-contract';

export function testReviewState(articleId: string, patch: Partial<ReviewState> = {}): ReviewState {
  return {
    articleId,
    status: 'draft',
    owner: null,
    profile: null,
    allowedActions: [],
    history: [],
    comments: [],
    hub: null,
    diffBases: { lastSeen: null, submitted: null, previousSubmission: null },
    pendingSync: null,
    canSendChanges: false,
    ...patch,
  };
}
