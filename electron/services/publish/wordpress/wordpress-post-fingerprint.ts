// Runs in: services. What a WordPress post holds, as one hash: title, content, excerpt, status and
// featured photo as context=edit returns them. Recorded right after each publish, it shows a change
// made in the same second as the publish, which WordPress's modified time (1 s steps) cannot.
import { createHash } from 'node:crypto';

export interface FingerprintedPost {
  status: string;
  featured_media?: number;
  title: { raw?: string; rendered: string };
  excerpt: { raw?: string; rendered: string };
  content: { raw?: string; rendered: string };
}

export function postFingerprint(post: FingerprintedPost): string {
  // A scheduled post going live is WordPress's doing, not an edit.
  const status = post.status === 'future' ? 'publish' : post.status;
  const fields = [post.title.raw ?? post.title.rendered, post.content.raw ?? post.content.rendered, post.excerpt.raw ?? post.excerpt.rendered, status, String(post.featured_media ?? 0)];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}
