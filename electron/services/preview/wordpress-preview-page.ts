// Runs in: services. "Preview as published" for a WordPress target: the post's title and the same
// Gutenberg content a publish would send (the target's featured-image and attribution options
// applied), photos inlined, inside a page shaped like a block theme's single post, with the site's
// own stylesheets inlined when they can be fetched. The page carries a strict CSP: no scripts, no
// requests; the renderer shows it in a sandboxed frame.
import type { Article } from '../../../common/article';
import { AppError } from '../../../common/app-error';
import type { WordpressPreview } from '../../../common/publish/wordpress-preview';
import type { WordpressTargetConfig } from '../../../common/publish/publish-target-config';
import { escapeAttr, escapeHtml } from '../../../common/serialize/escape-html';
import { figureMediaIds } from '../../../common/serialize/figure-attrs';
import { distinctFigures } from '../wordpress';
import { wordpressPostContent } from '../publish/wordpress/wordpress-post-content';
import { fetchSiteStylesheets, type SiteStylesheetsOptions } from './site-stylesheets';

export const WORDPRESS_PREVIEW_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
/** Photos inlined in one preview, in base64 bytes. */
export const PREVIEW_PHOTOS_MAX_BYTES = 48 * 1024 * 1024;

const IMAGE_MIME_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif']);

/** Readable when the site's own sheets are missing; the site's sheets come after it and win. */
const FALLBACK_CSS = `body { margin: 0 auto; max-width: 46rem; padding: 1.5rem; font: 1.05rem/1.6 Georgia, "Noto Serif CJK SC", serif; color: #1b1b1b; }
img { max-width: 100%; height: auto; } figcaption { font-size: 0.85rem; color: #5b5b5b; }`;

export interface WordpressPreviewOptions extends SiteStylesheetsOptions {
  readMedia: (mediaId: string) => Promise<Uint8Array>;
  mimeOf: (mediaId: string) => string;
  /** Whether the theme shows the featured image, as a publish decides it; absent: only when the target says "yes". */
  themeShowsLead?: () => Promise<boolean>;
}

export async function wordpressPreviewPage(article: Article, config: WordpressTargetConfig, opts: WordpressPreviewOptions): Promise<WordpressPreview> {
  const photos = await inlinePhotos(article, opts);
  // The theme question and the stylesheets go to the site at the same time.
  const [themeShowsLead, styles] = await Promise.all([opts.themeShowsLead ? opts.themeShowsLead() : Promise.resolve(config.themeShowsFeaturedImage === 'yes'), fetchSiteStylesheets(config.siteUrl, opts)]);
  const lead = distinctFigures(article.body).find((f) => f.lead);
  const featured = themeShowsLead && lead ? (photos.get(lead.mediaId) ?? null) : null;
  const content = wordpressPostContent(article, config, { media: (mediaId) => photos.get(mediaId) ?? null, omitLead: featured !== null });
  const sheets = styles.ok ? styles.sheets : [];
  const html = [
    '<!doctype html>',
    `<html lang="${escapeAttr(article.meta.language || 'en')}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttr(WORDPRESS_PREVIEW_CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(article.headline)}</title>`,
    `<style>${FALLBACK_CSS}</style>`,
    ...sheets.map((css) => `<style>${css}</style>`),
    '</head>',
    '<body class="single single-post wp-singular">',
    '<main class="wp-site-blocks">',
    '<article class="post type-post status-publish hentry">',
    `<h1 class="entry-title wp-block-post-title">${escapeHtml(article.headline)}</h1>`,
    featured ? `<figure class="wp-block-post-featured-image"><img class="wp-post-image" src="${escapeAttr(featured.url)}" alt=""></figure>` : '',
    `<div class="entry-content wp-block-post-content is-layout-constrained">\n${content}\n</div>`,
    '</article>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line, index, all) => line.length > 0 || index === all.length - 1)
    .join('\n');
  return { html, siteStyles: !styles.ok ? 'unavailable' : sheets.length > 0 ? 'applied' : 'none' };
}

/** Each photo as a data URL under a stand-in attachment id (the preview uploads nothing). */
async function inlinePhotos(article: Article, opts: WordpressPreviewOptions): Promise<Map<string, { id: number; url: string }>> {
  const photos = new Map<string, { id: number; url: string }>();
  let bytes = 0;
  for (const mediaId of figureMediaIds(article.body)) {
    const mime = opts.mimeOf(mediaId);
    if (!IMAGE_MIME_TYPES.has(mime)) continue;
    const data = await opts.readMedia(mediaId);
    bytes += Math.ceil(data.byteLength / 3) * 4;
    if (bytes > PREVIEW_PHOTOS_MAX_BYTES) throw new AppError('media-too-large', 'The photos are too large to preview in one page', { kind: 'download-page-too-large' });
    photos.set(mediaId, { id: photos.size + 1, url: `data:${mime};base64,${Buffer.from(data).toString('base64')}` });
  }
  return photos;
}
