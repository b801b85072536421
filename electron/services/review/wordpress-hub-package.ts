// Runs in: services. The review package as the WordPress hub keeps it in post meta: the folder
// hub's package plus where each photo lives in the site's media library, stored as base64 of its
// UTF-8 JSON (WordPress strips slashes from meta strings and may not store every character in
// every database; base64 passes through untouched). Which post is an article's is the WordPress
// module's post identity (services/wordpress/post-identity.ts).
import { z } from 'zod';
import { mediaIdSchema } from '../../../common/article';
import { reviewPackageSchema } from './review-package';

/** Where one photo of the article is in the site's media library. */
export const remotePhotoSchema = z.object({
  /** The attachment id. */
  id: z.number().int().positive(),
  /** What the post shows (WordPress may have scaled a big photo). */
  url: z.string().min(1).max(4096),
  /** The bytes as uploaded, whose sha256 is the media id. */
  originalUrl: z.string().min(1).max(4096),
});
export type RemotePhoto = z.infer<typeof remotePhotoSchema>;

export const wordpressPackageSchema = reviewPackageSchema.extend({
  media: z.record(mediaIdSchema, remotePhotoSchema).default({}),
});
export type WordPressPackage = z.infer<typeof wordpressPackageSchema>;

/**
 * The largest package Dateline writes and reads, in base64 characters. The companion plugin accepts
 * 16 MB, but Dateline reads at most 10 MB of JSON per answer (wordpress-client.ts): a package must
 * fit one post's answer with room for its other fields. A heavily formatted 100,000-word story,
 * both copies, is about 8.8 MB (common/doc-bounds.ts).
 */
export const MAX_ENCODED_PACKAGE = 9 * 1024 * 1024;

/** The post meta value of a package. */
export function encodePackage(pkg: WordPressPackage): string {
  return Buffer.from(JSON.stringify(pkg), 'utf8').toString('base64');
}

export type DecodedPackage = { ok: true; value: WordPressPackage } | { ok: false; reason: string };

/** A package read back from post meta, or why it cannot be read. */
export function decodePackage(meta: unknown): DecodedPackage {
  if (typeof meta !== 'string' || meta.length === 0) return { ok: false, reason: 'the package is empty' };
  if (meta.length > MAX_ENCODED_PACKAGE) {
    return { ok: false, reason: `the package is ${Math.ceil(meta.length / 1_048_576)} MB, more than the ${MAX_ENCODED_PACKAGE / 1_048_576} MB Dateline accepts` };
  }
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(meta) || meta.length % 4 !== 0) return { ok: false, reason: 'the package is not base64' };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(meta, 'base64')));
  } catch (error) {
    return { ok: false, reason: `the package is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = wordpressPackageSchema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.map(String).join('.')}` : '';
  return { ok: false, reason: `the package is not a Dateline review package${where}: ${issue?.message ?? 'invalid'}` };
}
