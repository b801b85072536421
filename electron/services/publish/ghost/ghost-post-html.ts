// Runs in: services. What Ghost receives of an article's body and lead photo. The body goes as HTML
// (Ghost turns it into Lexical cards: each `<figure><img alt><figcaption>` becomes an image card
// keeping its alt and caption); the lead photo goes as the post's feature image instead of a block,
// because Ghost's themes show the feature image above the post. Ghost has no field for the
// subheadline, the reporters' bylines with roles, the dateline, the source or the responsible
// editor: they go as visible lines, as on WordPress (subheadline and byline on top, the source and
// editor lines, worded by the target's templates, at the end).
import type { Article, DocNode } from '../../../../common/article';
import { attributionLines, type AttributionSettings } from '../../../../common/publish/attribution-lines';
import { articleFigures, type NumberedFigure } from '../../../../common/publish/article-figures';
import { bodyToHtml } from '../../../../common/serialize/body-to-html';
import { bylineLine } from '../../../../common/serialize/byline-line';
import { creditLine } from '../../../../common/serialize/credit-line';
import { escapeHtml } from '../../../../common/serialize/escape-html';
import { inlineToHtml } from '../../../../common/serialize/inline-to-html';
import type { RemoteMedia } from '../publish-target';

/** Ghost's limit on feature_image_alt. */
const FEATURE_ALT_MAX = 191;

export interface GhostFeatureImage {
  feature_image: string | null;
  feature_image_alt: string | null;
  feature_image_caption: string | null;
}

/** The lead photo: the first figure marked lead, when it was uploaded. */
export function leadFigure(article: Pick<Article, 'body'>, media: ReadonlyMap<string, RemoteMedia>): NumberedFigure | null {
  return articleFigures(article).find((figure) => figure.lead && media.has(figure.mediaId)) ?? null;
}

/**
 * The post's HTML: the subheadline and byline lines, the body with the photos' addresses on the site
 * (without the lead photo's own block), then the source and responsible-editor lines.
 */
export function ghostPostHtml(article: Pick<Article, 'body' | 'meta' | 'subheadline'>, media: ReadonlyMap<string, RemoteMedia>, attribution: AttributionSettings | undefined): string {
  const lines = attributionLines(article, attribution);
  const subheadline = article.subheadline.trim();
  return [
    subheadline ? classedLine('dateline-subheadline', subheadline) : '',
    classedLine('dateline-byline', bylineLine(article)),
    ghostBodyHtml(article, media),
    classedLine('dateline-source', lines.source),
    classedLine('dateline-responsible-editor', lines.editor),
  ].join('');
}

function classedLine(className: string, text: string | null): string {
  return text ? `<p class="${className}">${escapeHtml(text)}</p>` : '';
}

/** The body as HTML with the photos' addresses on the site, without the lead photo's own block. */
export function ghostBodyHtml(article: Pick<Article, 'body' | 'meta'>, media: ReadonlyMap<string, RemoteMedia>): string {
  const lead = leadFigure(article, media);
  let leadDropped = false;
  const withoutLead = (node: DocNode): DocNode | null => {
    if (lead && !leadDropped && node.type === 'figure' && node.attrs?.mediaId === lead.mediaId && node.attrs.lead === true) {
      leadDropped = true;
      return null;
    }
    if (!node.content) return node;
    return { ...node, content: node.content.map(withoutLead).filter((child): child is DocNode => child !== null) };
  };
  const body = withoutLead(article.body) ?? { type: 'doc', content: [] };
  return bodyToHtml(body, { mediaSrc: (mediaId) => media.get(mediaId)?.url ?? '', language: article.meta.language });
}

export function ghostFeatureImage(article: Pick<Article, 'body' | 'meta'>, media: ReadonlyMap<string, RemoteMedia>): GhostFeatureImage {
  const lead = leadFigure(article, media);
  const remote = lead ? media.get(lead.mediaId) : undefined;
  if (!lead || !remote) return { feature_image: null, feature_image_alt: null, feature_image_caption: null };
  const caption = inlineToHtml(lead.caption);
  const credit = creditLine(lead.credit, article.meta.language);
  const captionHtml = [caption, credit ? `<span class="dl-credit">${escapeHtml(credit)}</span>` : ''].filter((part) => part.length > 0).join(' ');
  return {
    feature_image: remote.url,
    feature_image_alt: lead.alt.trim().slice(0, FEATURE_ALT_MAX) || null,
    feature_image_caption: captionHtml || null,
  };
}
