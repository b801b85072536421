// Runs in: services. The Gutenberg content of a WordPress post, as a publish sends it and as the
// preview shows it: the subheadline and byline on top, the body (without the lead photo when the
// theme shows it as the featured image), then the source and responsible-editor lines, which
// WordPress has no field for (the companion plugin keeps them as post meta too). A theme that shows
// the featured image does not show its caption (block themes have no place for it): then the lead
// photo's caption and credit go as a line of their own before the body.
import type { Article } from '../../../../common/article';
import { attributionLines } from '../../../../common/publish/attribution-lines';
import type { WordpressTargetConfig } from '../../../../common/publish/publish-target-config';
import { captionWithCredit, distinctFigures } from '../../wordpress';
import { bodyToGutenberg, bylineBlock, classedParagraphBlock, type GutenbergMedia } from '../../../../common/serialize/body-to-gutenberg';

export interface WordpressPostContentOptions {
  /** Where each photo is: its attachment id and address (null: left out). */
  media: (mediaId: string) => GutenbergMedia | null;
  /** True when the lead photo is the featured image and the theme shows it: not repeated in the body. */
  omitLead: boolean;
}

export function wordpressPostContent(article: Article, config: Pick<WordpressTargetConfig, 'attributionLines'>, opts: WordpressPostContentOptions): string {
  const body = bodyToGutenberg(article.body, { media: opts.media, language: article.meta.language, omitLead: opts.omitLead });
  const lines = attributionLines(article, config.attributionLines);
  const lead = opts.omitLead ? distinctFigures(article.body).find((f) => f.lead) : undefined;
  const leadCaption = lead ? captionWithCredit(lead.caption, lead.credit, article.meta.language) : '';
  return [
    article.subheadline.trim() ? classedParagraphBlock('dateline-subheadline', article.subheadline.trim()) : '',
    bylineBlock(article),
    leadCaption ? classedParagraphBlock('dateline-lead-caption', leadCaption) : '',
    body,
    lines.source ? classedParagraphBlock('dateline-source', lines.source) : '',
    lines.editor ? classedParagraphBlock('dateline-responsible-editor', lines.editor) : '',
  ]
    .filter((part) => part.length > 0)
    .join('\n\n');
}
