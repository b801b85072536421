// Runs in: services. A hash of what a Ghost post shows (title, HTML, excerpt, status, feature image),
// recorded at each publish: a change made in the same second as ours leaves `updated_at` alone
// (Ghost compares it to the second) but not this.
import { createHash } from 'node:crypto';

export interface FingerprintedGhostPost {
  title?: string | null;
  html?: string | null;
  custom_excerpt?: string | null;
  status?: string;
  feature_image?: string | null;
}

export function ghostPostFingerprint(post: FingerprintedGhostPost): string {
  // A scheduled post going live is Ghost's doing, not an edit.
  const status = post.status === 'scheduled' ? 'published' : (post.status ?? '');
  const fields = [post.title ?? '', post.html ?? '', post.custom_excerpt ?? '', status, post.feature_image ?? ''];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}
