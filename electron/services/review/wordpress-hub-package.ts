// Runs in: services. The review package as the WordPress hub keeps it in post meta: the folder
// hub's package plus where each photo lives in the site's media library, stored as base64 of its
// UTF-8 JSON (WordPress strips slashes from meta strings and may not store every character in
// every database; base64 passes through untouched). Also the ids and revision tokens of posts that
// carry no package (written in wp-admin, or on a site without the companion plugin), and the marker
// that finds an article's post without the plugin.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { mediaIdSchema } from '../../../common/article';
import { reviewPackageSchema } from './review-package';
import { siteBase } from '../wordpress/rest-url';

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

/** The article id of a post that carries no Dateline article: "wp", 8 hex of the site, "p", the post id. */
export function derivedArticleId(siteUrl: string, postId: number): string {
  return `wp${siteKey(siteUrl)}p${postId}`;
}

/** The post id behind a derived article id of this site, or null when the id is not one. */
export function postIdOfDerived(siteUrl: string, articleId: string): number | null {
  const match = /^wp([0-9a-f]{8})p([1-9][0-9]{0,15})$/.exec(articleId);
  if (!match || match[1] !== siteKey(siteUrl)) return null;
  const id = Number(match[2]);
  return Number.isSafeInteger(id) ? id : null;
}

/**
 * What marks the article in a post sent without the companion plugin: an HTML comment in a Custom
 * HTML block at the start of the content (WordPress refuses Contributors a slug of their own on a
 * pending post, and the content is the one field they fully control). Invisible on the site. The
 * write nonce tells this write from another one that landed at the same moment.
 */
export function articleMarkerBlock(articleId: string, writeNonce: string): string {
  return `<!-- wp:html -->\n<!-- dateline-article:${articleId} write:${writeNonce} -->\n<!-- /wp:html -->`;
}

const MARKER = /<!--\s*dateline-article:([0-9a-z]{10,40})(?:\s+write:([0-9a-f]{8,64}))?\s*-->/;

/** The article id a post's content is marked with, or null. */
export function articleIdInContent(raw: string | undefined): string | null {
  return MARKER.exec(raw ?? '')?.[1] ?? null;
}

/** The nonce of the write that last set the marker, or null. */
export function writeNonceInContent(raw: string | undefined): string | null {
  return MARKER.exec(raw ?? '')?.[2] ?? null;
}

/**
 * The revision token of a post without a package: its modified time in whole seconds since 1970
 * (WordPress keeps one-second resolution). Zero when WordPress sent no usable time.
 */
export function modifiedToken(modifiedGmt: string | null | undefined): number {
  if (!modifiedGmt) return 0;
  const ms = Date.parse(`${modifiedGmt.replace(/Z$/, '')}Z`);
  return Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
}

/** A WordPress GMT time ("2026-11-25T08:00:00") as ISO 8601 with offset, or null. */
export function gmtToIso(gmt: string | null | undefined): string | null {
  if (!gmt) return null;
  const ms = Date.parse(`${gmt.replace(/Z$/, '')}Z`);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

function siteKey(siteUrl: string): string {
  let base: string;
  try {
    base = siteBase(siteUrl).toLowerCase();
  } catch {
    base = siteUrl.trim().toLowerCase();
  }
  return createHash('sha256').update(base, 'utf8').digest('hex').slice(0, 8);
}
