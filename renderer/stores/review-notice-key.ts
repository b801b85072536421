// Runs in: renderer. The subject of a notice about a story's review status: a newer status replaces
// the toast about the older one, so "Submitted for review." never outlives the submission.
export function reviewNoticeKey(articleId: string): string {
  return `${articleId}:review-status`;
}
