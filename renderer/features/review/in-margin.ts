// Runs in: renderer. Which comments the margin shows beside the text: the open ones on text. Notes,
// resolved comments and those whose text was removed stay in the side panel's list.
import type { ReviewComment } from '../../../common/workflow/review-comment';

export function inMargin(comment: ReviewComment): boolean {
  return comment.anchor !== null && !comment.resolved;
}
