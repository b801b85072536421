// Runs in: services. A post that carries no Dateline review package (written in wp-admin, or sent
// to a site without the companion plugin) read as an article: title, excerpt and the Gutenberg (or
// classic) HTML parsed into the editor schema, its photos found in the media library, downloaded
// and imported into this machine's photo library. A photo the post shows from outside the site
// (any address a writer typed) is not downloaded: a note in its place says so.
import { AppError, isAppError } from '../../../common/app-error';
import { remoteFailure } from '../publish/http/remote-failure-table';
import { articleMetaSchema, mediaIdSchema, type Article, type ArticleStatus } from '../../../common/article';
import { docText } from '../../../common/doc-text';
import { gutenbergImages, gutenbergToArticleBody, htmlToPlainText, type GutenbergImage } from '../../../common/serialize/gutenberg-to-article-body';
import { textStats } from '../../../common/text/text-stats';
import type { HubMedia } from './hub-photos';
import { articleIdInContent, gmtToIso, isOutsideSite } from '../wordpress';
import type { RemotePhoto } from './wordpress-hub-package';
import type { FetchAttachment } from './wordpress-hub-photos';

/** A post as the hub reads it (context=edit). */
export interface WpReviewPost {
  id: number;
  status: string;
  slug: string;
  link: string;
  date_gmt: string | null;
  modified_gmt: string;
  author: number;
  featured_media?: number;
  title: { raw?: string; rendered?: string };
  content?: { raw?: string; rendered?: string };
  excerpt?: { raw?: string; rendered?: string };
  meta?: Record<string, unknown>;
}

export interface FallbackArticle {
  article: Article;
  /** The photos that are attachments of this site, for the package's media map. */
  media: Record<string, RemotePhoto>;
}

/** Stands in for photos when only the text is needed (the review queue counts words, not pixels). */
const PLACEHOLDER_MEDIA_ID = `${'0'.repeat(64)}.jpg`;

/** The article status a post's WordPress status stands for. */
export function articleStatusOfPost(status: string): ArticleStatus {
  switch (status) {
    case 'pending':
      return 'submitted';
    case 'future':
      return 'scheduled';
    case 'publish':
    case 'private':
      return 'published';
    default:
      return 'draft';
  }
}

/** The post as an article, photos left as placeholders: for the review queue. */
export function fallbackArticleText(post: WpReviewPost, articleId: string, siteUrl: string): Article {
  const body = gutenbergToArticleBody(post.content?.raw ?? '', { baseUrl: siteUrl, image: () => ({ mediaId: PLACEHOLDER_MEDIA_ID, lead: false }) });
  return articleOf(post, articleId, body);
}

export interface FallbackPhotoOptions {
  media: HubMedia;
  siteUrl: string;
  /** A media library item by id (null when deleted): where WordPress says it is, and its bytes. */
  fetchAttachment: FetchAttachment;
  /** The bytes at an address the post shows; refuses (isOutsideSite) addresses off the site. */
  download: (url: string, what: string) => Promise<Uint8Array>;
}

type ResolvedImage = { mediaId: string; remote: RemotePhoto | null } | { note: string } | null;

/** The post as an article with its photos in this machine's library. */
export async function fallbackArticle(post: WpReviewPost, articleId: string, options: FallbackPhotoOptions): Promise<FallbackArticle> {
  const html = post.content?.raw ?? '';
  const resolved = new Map<string, ResolvedImage>();
  for (const image of gutenbergImages(html)) {
    const key = imageKey(image);
    if (!resolved.has(key)) resolved.set(key, await fetchImage(image, options));
  }
  const media: Record<string, RemotePhoto> = {};
  const body = gutenbergToArticleBody(html, {
    baseUrl: options.siteUrl,
    image: (image) => {
      const found = resolved.get(imageKey(image));
      if (!found) return null;
      if ('note' in found) return found;
      if (found.remote) media[found.mediaId] = found.remote;
      return { mediaId: found.mediaId, lead: image.attachmentId !== null && image.attachmentId === post.featured_media };
    },
  });
  return { article: articleOf(post, articleId, body), media };
}

/** The article id of a post without a package: from Dateline's marker in its content, else derived from the post id. */
export function fallbackArticleId(post: WpReviewPost, derived: string): string {
  return articleIdInContent(post.content?.raw) ?? derived;
}

async function fetchImage(image: GutenbergImage, options: FallbackPhotoOptions): Promise<ResolvedImage> {
  const what = image.alt.trim() ? `The photo “${image.alt.trim().slice(0, 60)}”` : 'A photo of this post';
  if (image.attachmentId !== null) {
    // Read by id through the REST API: WordPress says where the photo is, not the post's HTML.
    let found;
    try {
      found = await options.fetchAttachment(image.attachmentId, what);
    } catch (error) {
      // WordPress put the attachment off the site (and off the origins the newsroom listed): a note stands in.
      if (isOutsideSite(error)) return { note: `[${error instanceof Error ? error.message : String(error)}]` };
      throw error;
    }
    if (found) {
      const info = await options.media.import(fileNameOf(found.remote.originalUrl), found.bytes);
      return { mediaId: info.id, remote: found.remote };
    }
    // Deleted from the library since the post was written: the address in the post may still work.
  }
  if (!/^https?:\/\//i.test(image.src)) return null;
  try {
    const bytes = await options.download(image.src, what);
    const info = await options.media.import(fileNameOf(image.src), bytes);
    return mediaIdSchema.safeParse(info.id).success ? { mediaId: info.id, remote: null } : null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (isOutsideSite(error)) return { note: `[${reason}]` };
    const message = `A photo of this post (${image.src}) cannot be downloaded from WordPress: ${reason}`;
    // The download's own failure says what went wrong (its kind and facts); only the log line is new.
    throw isAppError(error) ? new AppError(error.code, message, error.details) : remoteFailure('network-other', message, { url: image.src });
  }
}

function articleOf(post: WpReviewPost, articleId: string, body: Article['body']): Article {
  const created = gmtToIso(post.date_gmt) ?? gmtToIso(post.modified_gmt) ?? new Date(0).toISOString();
  const updated = gmtToIso(post.modified_gmt) ?? created;
  const headline = htmlToPlainText(post.title.raw ?? post.title.rendered ?? '').slice(0, 1000);
  const summary = htmlToPlainText(post.excerpt?.raw ?? '').slice(0, 5000);
  // Dateline's own marker slugs are not the story's slug.
  const slug = post.slug.startsWith('dateline-') ? '' : safeDecode(post.slug).slice(0, 200);
  return {
    schemaVersion: 1,
    id: articleId,
    headline,
    subheadline: '',
    summary,
    body,
    meta: articleMetaSchema.parse({ slug, slugEdited: slug.length > 0, language: languageOf(`${headline}\n${docText(body)}`) }),
    status: articleStatusOfPost(post.status),
    createdAt: created,
    updatedAt: updated,
    revision: 0,
  };
}

/** zh-CN, ja or ko when those scripts dominate the text; en otherwise (WordPress does not say per post). */
function languageOf(text: string): string {
  const stats = textStats(text);
  if (stats.cjkChars === 0 || stats.cjkChars < stats.words) return 'en';
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return 'ja';
  if (/\p{Script=Hangul}/u.test(text)) return 'ko';
  return 'zh-CN';
}

function imageKey(image: GutenbergImage): string {
  return image.attachmentId !== null ? `#${image.attachmentId}` : image.src;
}

function fileNameOf(url: string): string {
  try {
    const name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
    return name.length > 0 ? name.slice(-200) : 'photo';
  } catch {
    return 'photo';
  }
}

function safeDecode(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}
