// Runs in: services. Dateline's publish statuses in WordPress's words, and back.
import { PUBLISH_STATUSES, type PublishStatus } from '../../../../common/publish/publish-status';

/** The post statuses WordPress has for what a publish asks. */
export type WordPressPostStatus = 'publish' | 'future' | 'draft' | 'pending';

const TO_WORDPRESS: Readonly<Record<PublishStatus, WordPressPostStatus>> = {
  published: 'publish',
  scheduled: 'future',
  draft: 'draft',
  submitted: 'pending',
};

/** The post status WordPress is asked to set for a publish status. */
export function wordpressPostStatus(status: PublishStatus): WordPressPostStatus {
  return TO_WORDPRESS[status];
}

/** The publish status a post's WordPress status stands for; null for any other (private, trash, a plugin's own). */
export function publishStatusOfPost(postStatus: string): PublishStatus | null {
  return PUBLISH_STATUSES.find((s) => TO_WORDPRESS[s] === postStatus) ?? null;
}
