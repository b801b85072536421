// Runs in: services, renderer and tests. Every public article field against every target and
// export: carried (and where), or not carried, in which case the pre-publish checklist warns for the
// targets of that column. A source or editor line a target's template switches off (left empty)
// is warned about too. The README's field matrix section is rendered from this table
// (field-matrix.test.ts fails when they differ), and the matrix tests walk it against each target.
import type { Article } from '../article';
import { articleFigures } from './article-figures';
import type { TargetKind } from './publish-target-config';

export const MATRIX_FIELDS = [
  'headline',
  'subheadline',
  'summary',
  'body',
  'leadPhoto',
  'leadPhotoCaption',
  'leadPhotoCredit',
  'leadPhotoAlt',
  'otherPhotos',
  'section',
  'tags',
  'bylines',
  'dateline',
  'source',
  'publisher',
  'slug',
] as const;
export type MatrixField = (typeof MATRIX_FIELDS)[number];

/** Fields of the article that are not in the matrix, and why. */
export const INTERNAL_FIELDS: Record<string, string> = {
  language:
    'how the text is written rather than a field a reader sees: ninjs `language`, the page’s `html lang` and Markdown’s `language` carry it; a WordPress or Ghost post takes the site’s language, and the lines Dateline adds follow the article’s',
  editorsNote: 'a note for the newsroom (the exports’ tests check it never leaks); its Chinese label 编者按 reads as a public note and should change',
  plannedAt: 'planning only: the publish dialog chooses when a story goes out (the folder page shows it as "planned")',
  slugEdited: 'whether a person edited the slug',
  status: 'the workflow state in the newsroom',
  'id, revision, createdAt, updatedAt': 'bookkeeping (the id travels as a marker, not as content)',
};

export const MATRIX_COLUMNS = ['wordpress', 'wordpress-companion', 'ghost', 'webhook', 'folder-page', 'folder-ninjs', 'html-export', 'markdown-export'] as const;
export type MatrixColumn = (typeof MATRIX_COLUMNS)[number];

export const COLUMN_TITLES: Record<MatrixColumn, string> = {
  wordpress: 'WordPress',
  'wordpress-companion': 'WordPress + companion plugin',
  ghost: 'Ghost',
  webhook: 'Webhook (ninjs)',
  'folder-page': 'Folder: index.html',
  'folder-ninjs': 'Folder: article.ninjs.json',
  'html-export': 'HTML export',
  'markdown-export': 'Markdown export',
};

export const FIELD_TITLES: Record<MatrixField, string> = {
  headline: 'Headline',
  subheadline: 'Subheadline (副标题)',
  summary: 'Summary',
  body: 'Body',
  leadPhoto: 'Lead photo',
  leadPhotoCaption: 'Lead photo caption',
  leadPhotoCredit: 'Lead photo credit',
  leadPhotoAlt: 'Lead photo alt text',
  otherPhotos: 'Other photos (caption, credit, alt)',
  section: 'Section',
  tags: 'Tags',
  bylines: 'Bylines with roles',
  dateline: 'Dateline (place)',
  source: 'Source (稿源)',
  publisher: 'Responsible editor (责任编辑)',
  slug: 'Slug',
};

/** Carried: where it lands. Not carried: `null` (the checklist warns). */
export type MatrixCell = { carried: string } | null;

const c = (where: string): MatrixCell => ({ carried: where });

const WP_PHOTO = {
  leadPhoto: c('featured image; also the first image block unless the target says the theme shows the featured image'),
  leadPhotoCaption: c('the featured image’s media caption, and a line before the body (`.dateline-lead-caption`) when the theme shows the featured image (themes show it without caption); the first image block’s caption when the photo is repeated'),
  leadPhotoCredit: c('in the media caption and that line (“（摄影：…）” / “(Photo: …)”)'),
  leadPhotoAlt: c('the featured image’s alt text'),
  otherPhotos: c('image blocks with caption, credit and alt; uploaded to the media library'),
} as const;

const NINJS: Record<MatrixField, MatrixCell> = {
  headline: c('`headlines[role=main]`'),
  subheadline: c('`headlines[role=sub]`'),
  summary: c('`descriptions[role=summary]`'),
  body: c('`bodies[role=main]` (HTML)'),
  leadPhoto: c('the `associations` picture named `featureimage`'),
  leadPhotoCaption: c('the association’s `descriptions[role=caption]`'),
  leadPhotoCredit: c('the association’s `by`'),
  leadPhotoAlt: c('the association’s `descriptions[role=alttext]`'),
  otherPhotos: c('`associations` pictures'),
  section: c('`subjects[rel=section]`'),
  tags: c('`subjects[rel=tag]`'),
  bylines: c('`by` (names with roles)'),
  dateline: c('`located`'),
  source: c('`infosources[role=source]`'),
  publisher: c('`infosources[role=publisher]`'),
  slug: c('`slugline`'),
};

const PAGE = (where: string): Record<MatrixField, MatrixCell> => ({
  headline: c(`${where}: \`h1\``),
  subheadline: c(`${where}: \`.dl-subheadline\``),
  summary: c(`${where}: \`.dl-summary\` and \`meta description\``),
  body: c(`${where}: the article body`),
  leadPhoto: c(`${where}: a \`figure\` in the body`),
  leadPhotoCaption: c(`${where}: its \`figcaption\``),
  leadPhotoCredit: c(`${where}: in its \`figcaption\``),
  leadPhotoAlt: c(`${where}: \`img alt\``),
  otherPhotos: c(`${where}: \`figure\`s in the body`),
  section: c(`${where}: \`.dl-section\``),
  tags: c(`${where}: \`.dl-tags\``),
  bylines: c(`${where}: \`.dl-bylines\``),
  dateline: c(`${where}: \`.dl-dateline\``),
  source: c(`${where}: the footer line “来源/Source”`),
  publisher: c(`${where}: the footer line “责任编辑/Publisher”`),
  slug: c(`${where}: the folder name / file name`),
});

export const FIELD_MATRIX: Record<MatrixColumn, Record<MatrixField, MatrixCell>> = {
  wordpress: {
    headline: c('post title'),
    subheadline: c('a visible line at the top of the content (`.dateline-subheadline`)'),
    summary: c('post excerpt (themes show it in lists of posts, such as the front page)'),
    body: c('post content (blocks)'),
    ...WP_PHOTO,
    section: c('category (by name)'),
    tags: c('tags (by name)'),
    bylines: c('the byline block at the top of the content (names with roles)'),
    dateline: c('the byline block'),
    source: c('a visible line at the end of the content (template, e.g. “来源：{source}”)'),
    publisher: c('a visible line at the end of the content (template, e.g. “责任编辑：{editor}”)'),
    slug: c('post slug'),
  },
  'wordpress-companion': {
    headline: c('post title'),
    subheadline: c('post meta `dateline_subheadline`, and the visible line'),
    summary: c('post excerpt (themes show it in lists of posts, such as the front page)'),
    body: c('post content (blocks)'),
    ...WP_PHOTO,
    section: c('category (by name)'),
    tags: c('tags (by name)'),
    bylines: c('the byline block at the top of the content (names with roles)'),
    dateline: c('the byline block'),
    source: c('post meta `dateline_source`, and the visible line'),
    publisher: c('post meta `dateline_responsible_editor`, and the visible line'),
    slug: c('post slug'),
  },
  ghost: {
    headline: c('post title'),
    subheadline: c('a visible line at the top of the post (`.dateline-subheadline`)'),
    summary: c('`custom_excerpt`'),
    body: c('post HTML (Lexical cards)'),
    leadPhoto: c('`feature_image`'),
    leadPhotoCaption: c('`feature_image_caption`'),
    leadPhotoCredit: c('in `feature_image_caption`'),
    leadPhotoAlt: c('`feature_image_alt`'),
    otherPhotos: c('image cards with caption and alt'),
    section: c('primary tag'),
    tags: c('tags (the theme names the primary tag on the post; each tag’s page lists it)'),
    bylines: c('the byline line at the top of the post (names with roles); staff users of the site also become authors'),
    dateline: c('the byline line'),
    source: c('a visible line at the end of the post (template, e.g. “来源：{source}”)'),
    publisher: c('a visible line at the end of the post (template, e.g. “责任编辑：{editor}”)'),
    slug: c('post slug'),
  },
  webhook: NINJS,
  'folder-page': PAGE('index.html'),
  'folder-ninjs': NINJS,
  'html-export': PAGE('the page'),
  'markdown-export': {
    headline: c('front matter `title`'),
    subheadline: c('front matter `subtitle`'),
    summary: c('front matter `summary`'),
    body: c('the Markdown body'),
    leadPhoto: c('an image in the body'),
    leadPhotoCaption: c('the line under the image'),
    leadPhotoCredit: c('in the line under the image'),
    leadPhotoAlt: c('the image’s alt text'),
    otherPhotos: c('images in the body'),
    section: c('front matter `section`'),
    tags: c('front matter `tags`'),
    bylines: c('front matter `bylines` (name, role)'),
    dateline: c('front matter `dateline`'),
    source: c('front matter `source`'),
    publisher: c('front matter `publisher`'),
    slug: c('front matter `slug`'),
  },
};

/** The columns a configured target publishes through (a WordPress site may or may not have the plugin). */
export function columnsOfTarget(kind: TargetKind): MatrixColumn[] {
  switch (kind) {
    case 'wordpress':
      return ['wordpress', 'wordpress-companion'];
    case 'ghost':
      return ['ghost'];
    case 'webhook':
      return ['webhook'];
    case 'folder':
      return ['folder-page', 'folder-ninjs'];
  }
}

/** Fields a target of this kind may not carry (in any of its modes): the checklist warns when one is set. */
export function fieldsNotCarried(kind: TargetKind): MatrixField[] {
  return MATRIX_FIELDS.filter((field) => columnsOfTarget(kind).some((column) => FIELD_MATRIX[column][field] === null));
}

/** Whether the article has something in this field (an unset field needs no warning). */
export function fieldIsSet(article: Article, field: MatrixField): boolean {
  const meta = article.meta;
  const figures = articleFigures(article);
  const lead = figures.find((f) => f.lead);
  switch (field) {
    case 'headline':
      return article.headline.trim().length > 0;
    case 'subheadline':
      return article.subheadline.trim().length > 0;
    case 'summary':
      return article.summary.trim().length > 0;
    case 'body':
      return true;
    case 'leadPhoto':
      return lead !== undefined;
    case 'leadPhotoCaption':
      return (lead?.captionText.length ?? 0) > 0;
    case 'leadPhotoCredit':
      return (lead?.credit.trim().length ?? 0) > 0;
    case 'leadPhotoAlt':
      return (lead?.alt.trim().length ?? 0) > 0;
    case 'otherPhotos':
      return figures.some((f) => !f.lead);
    case 'section':
      return meta.section.trim().length > 0;
    case 'tags':
      return meta.tags.some((t) => t.trim().length > 0);
    case 'bylines':
      return meta.bylines.some((b) => b.name.trim().length > 0);
    case 'dateline':
      return meta.dateline.trim().length > 0;
    case 'source':
      return meta.source.trim().length > 0;
    case 'publisher':
      return meta.publisher.trim().length > 0;
    case 'slug':
      return true;
  }
}

/** The markers around the README's generated section. */
export const README_BEGIN = '<!-- field-matrix:begin (generated from common/publish/field-matrix.ts: npm run field-matrix) -->';
export const README_END = '<!-- field-matrix:end -->';

/** The table as Markdown, for the README's generated section. */
export function renderFieldMatrix(): string {
  const cell = (value: MatrixCell): string => (value === null ? 'not carried: the checklist warns' : value.carried).replace(/\|/g, '\\|');
  const lines = [
    `| Field | ${MATRIX_COLUMNS.map((column) => COLUMN_TITLES[column]).join(' | ')} |`,
    `|${' --- |'.repeat(MATRIX_COLUMNS.length + 1)}`,
    ...MATRIX_FIELDS.map((field) => `| ${FIELD_TITLES[field]} | ${MATRIX_COLUMNS.map((column) => cell(FIELD_MATRIX[column][field])).join(' | ')} |`),
    '',
    'The source and responsible-editor lines on WordPress and Ghost are worded by templates each target may change, per language (Targets → the target → “Source and editor lines”, e.g. “来源：{source}”). A template left empty switches its line off: the checklist then warns that the site will not show that field.',
    '',
    'Not in the matrix:',
    '',
    ...Object.entries(INTERNAL_FIELDS).map(([field, why]) => `- \`${field}\`: ${why}`),
  ];
  return lines.join('\n');
}
