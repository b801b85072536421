// Runs in: services. A post that carries no Dateline review package (written in wp-admin, or sent
// to a site without the companion plugin) read as an article: title, excerpt and the Gutenberg (or
// classic) HTML parsed into the editor schema, its photos found in the media library, downloaded
// and imported into this machine's photo library.
import { AppError, isAppError } from '../../../common/app-error';
import { articleMetaSchema, mediaIdSchema, type Article, type ArticleStatus } from '../../../common/article';
import { docText } from '../../../common/doc-text';
import { gutenbergImages, gutenbergToArticleBody, htmlToPlainText, type GutenbergImage } from '../../../common/serialize/gutenberg-to-article-body';
import { textStats } from '../../../common/text/text-stats';
import type { WordPressClient } from '../publish/wordpress/wordpress-client';
import type { HubMedia } from './hub-photos';
import { articleIdInContent, gmtToIso, type RemotePhoto } from './wordpress-hub-package';
import { remotePhotoOf } from './wordpress-hub-photos';

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
  client: WordPressClient;
  media: HubMedia;
  siteUrl: string;
  download: (url: string) => Promise<Uint8Array>;
}

/** The post as an article with its photos in this machine's library. */
export async function fallbackArticle(post: WpReviewPost, articleId: string, options: FallbackPhotoOptions): Promise<FallbackArticle> {
  const html = post.content?.raw ?? '';
  const resolved = new Map<string, { mediaId: string; remote: RemotePhoto | null } | null>();
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

async function fetchImage(image: GutenbergImage, options: FallbackPhotoOptions): Promise<{ mediaId: string; remote: RemotePhoto | null } | null> {
  if (image.attachmentId !== null) {
    try {
      const item = await options.client.request<{ id: number; slug: string; source_url: string; media_details?: { original_image?: string } }>('GET', `wp/v2/media/${image.attachmentId}`, {
        purpose: { action: 'read the media library', subject: `photo ${image.attachmentId}` },
      });
      const remote = remotePhotoOf(item);
      const bytes = await options.download(remote.originalUrl);
      const info = await options.media.import(fileNameOf(remote.originalUrl), bytes);
      return { mediaId: info.id, remote };
    } catch (error) {
      // Deleted from the library since the post was written: the address in the post may still work.
      if (!(isAppError(error) && error.code === 'remote-not-found')) throw error;
    }
  }
  if (!/^https?:\/\//i.test(image.src)) return null;
  try {
    const bytes = await options.download(image.src);
    const info = await options.media.import(fileNameOf(image.src), bytes);
    return mediaIdSchema.safeParse(info.id).success ? { mediaId: info.id, remote: null } : null;
  } catch (error) {
    // A photo of this site must come with the article; one linked from elsewhere that is gone was already lost.
    if (sameOrigin(image.src, options.siteUrl)) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError(isAppError(error) ? error.code : 'remote-unreachable', `A photo of this post (${image.src}) cannot be downloaded from WordPress: ${reason}`, { url: image.src });
    }
    return null;
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

function sameOrigin(url: string, siteUrl: string): boolean {
  try {
    return new URL(url).origin === new URL(siteUrl).origin;
  } catch {
    return false;
  }
}

function safeDecode(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}
