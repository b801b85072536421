// Runs in: services and renderer. The pre-publish checklist: what is missing or wrong before an
// article goes to a target. Blockers stop publishing; warnings may be overridden by id.
import type { Article } from '../article';
import { docText } from '../doc-text';
import { pendingSuggestionCount } from '../editor/pending-suggestions';
import { isUsableSlug } from '../text/slugify';
import { articleFigures, type NumberedFigure } from './article-figures';
import { checklistDefaultText, type ChecklistMessageKey } from './checklist-messages';
import { effectiveSlug } from './effective-slug';
import { attributionTemplatesFor } from './attribution-lines';
import { fieldIsSet, fieldsNotCarried, MATRIX_FIELDS, type MatrixField } from './field-matrix';
import type { PublishOptions } from './publish-job';
import type { TargetConfig } from './publish-target-config';

export type ChecklistLevel = 'blocker' | 'warning';

export interface ChecklistItem {
  /** Stable while the problem is the same; what `overriddenWarnings` names. */
  id: string;
  level: ChecklistLevel;
  /** The article field to fix: headline, summary, section, bylines, tags, body, photos, slug, scheduledAt, plannedAt, or a field-matrix field. */
  field: string;
  /** The renderer translates `key` with `params`. */
  message: { key: ChecklistMessageKey; params?: Record<string, string | number> };
  /** The English text, for logs and as a fallback. */
  defaultText: string;
}

/** The id of the blocker "suggestions are not yet accepted or rejected". */
export const SUGGESTIONS_ITEM_ID = 'suggestions';

/** Narrower photos are flagged as likely to look blurry on a web page. */
export const MIN_PHOTO_WIDTH = 600;

export interface ChecklistMedia {
  width: number | null;
}

export function publishChecklist(
  article: Article,
  target: TargetConfig,
  options: PublishOptions,
  now: Date,
  media?: Map<string, ChecklistMedia>,
): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  const add = (id: string, level: ChecklistLevel, field: string, key: ChecklistMessageKey, params?: Record<string, string | number>): void => {
    items.push({ id, level, field, message: params ? { key, params } : { key }, defaultText: checklistDefaultText(key, params) });
  };
  const meta = article.meta;
  const figures = articleFigures(article);

  if (article.headline.trim().length === 0) add('headline', 'blocker', 'headline', 'publish.checklist.headline-missing');
  if (docText(article.body).trim().length === 0 && figures.length === 0) add('body', 'blocker', 'body', 'publish.checklist.body-empty');
  // The published page must hold exactly the accepted text: open suggestions are decided first.
  const suggestions = pendingSuggestionCount(article.body);
  if (suggestions > 0) add(SUGGESTIONS_ITEM_ID, 'blocker', 'body', 'publish.checklist.suggestions-pending', { count: suggestions });

  const slug = effectiveSlug(article);
  if (slug.length === 0) add('slug', 'blocker', 'slug', 'publish.checklist.slug-missing');
  else if (!isUsableSlug(slug)) add('slug', 'blocker', 'slug', 'publish.checklist.slug-unusable', { slug });

  if (options.status === 'scheduled') {
    const at = options.scheduledAt ? Date.parse(options.scheduledAt) : Number.NaN;
    if (Number.isNaN(at)) add('schedule', 'blocker', 'scheduledAt', 'publish.checklist.schedule-missing');
    else if (at <= now.getTime()) add('schedule', 'blocker', 'scheduledAt', 'publish.checklist.schedule-past', { scheduledAt: options.scheduledAt ?? '' });
  }

  photoChecks(figures, media, add);

  if (article.summary.trim().length === 0) add('summary', 'warning', 'summary', 'publish.checklist.summary-missing');
  if (meta.section.trim().length === 0) {
    // A WordPress target files a section-less article under its default category.
    const fallback = target.kind === 'wordpress' ? target.defaultCategory.trim() : '';
    if (fallback.length > 0) add('section', 'warning', 'section', 'publish.checklist.section-missing-default', { category: fallback });
    else add('section', 'warning', 'section', 'publish.checklist.section-missing');
  }
  if (!meta.bylines.some((b) => b.name.trim().length > 0)) add('byline', 'warning', 'bylines', 'publish.checklist.byline-missing');
  if (!meta.tags.some((t) => t.trim().length > 0)) add('tags', 'warning', 'tags', 'publish.checklist.tags-missing');
  if (figures.length === 0) add('lead-photo', 'warning', 'photos', 'publish.checklist.lead-photo-none');
  else if (!figures.some((f) => f.lead)) add('lead-photo', 'warning', 'photos', 'publish.checklist.lead-photo-missing');

  if (options.status === 'published' && !options.backdateTo && meta.plannedAt && Date.parse(meta.plannedAt) < now.getTime()) {
    add('planned-past', 'warning', 'plannedAt', 'publish.checklist.planned-past', { plannedAt: meta.plannedAt });
  }
  // What this kind of target has no place for (field-matrix.ts), when the article has it.
  for (const field of notCarriedBy(article, target)) {
    if (!fieldIsSet(article, field)) continue;
    const key = NOT_CARRIED_KEYS[field];
    // A field the matrix says is lost but that has no warning is a bug the matrix test catches.
    if (key) add(`not-carried:${field}`, 'warning', field, key);
  }
  // Blockers first: they are what the person must fix.
  return [...items.filter((i) => i.level === 'blocker'), ...items.filter((i) => i.level === 'warning')];
}

/**
 * The fields this target will not show: those its kind has no place for, and the source and
 * responsible editor when the target's template for the article's language switches the line off.
 */
function notCarriedBy(article: Article, target: TargetConfig): MatrixField[] {
  const lost = new Set(fieldsNotCarried(target.kind));
  if (target.kind === 'wordpress' || target.kind === 'ghost') {
    const templates = attributionTemplatesFor(article.meta.language, target.attributionLines);
    if (templates.source.trim().length === 0) lost.add('source');
    if (templates.editor.trim().length === 0) lost.add('publisher');
  }
  return MATRIX_FIELDS.filter((field) => lost.has(field));
}

/** The warning for each field some target does not carry. */
export const NOT_CARRIED_KEYS: Partial<Record<MatrixField, ChecklistMessageKey>> = {
  subheadline: 'publish.checklist.not-carried.subheadline',
  bylines: 'publish.checklist.not-carried.bylines',
  dateline: 'publish.checklist.not-carried.dateline',
  source: 'publish.checklist.not-carried.source',
  publisher: 'publish.checklist.not-carried.publisher',
};

/** True when nothing blocks and every warning was overridden by the person. */
export function canPublish(items: readonly ChecklistItem[], overridden: readonly string[]): boolean {
  const accepted = new Set(overridden);
  return items.every((item) => item.level === 'warning' && accepted.has(item.id));
}

type Add = (id: string, level: ChecklistLevel, field: string, key: ChecklistMessageKey, params?: Record<string, string | number>) => void;

/** One item per kind of photo problem, naming the photos by number; the id changes when the set of photos does. */
function photoChecks(figures: NumberedFigure[], media: Map<string, ChecklistMedia> | undefined, add: Add): void {
  const report = (
    kind: string,
    level: ChecklistLevel,
    failing: NumberedFigure[],
    one: ChecklistMessageKey,
    many: ChecklistMessageKey,
    extra: Record<string, string | number> = {},
  ): void => {
    if (failing.length === 0) return;
    const numbers = failing.map((f) => f.number);
    add(`photo-${kind}:${numbers.join(',')}`, level, 'photos', numbers.length === 1 ? one : many, {
      photos: numbers.join(', '),
      count: numbers.length,
      ...extra,
    });
  };
  report('alt', 'blocker', figures.filter((f) => f.alt.trim().length === 0), 'publish.checklist.photo-alt-missing', 'publish.checklist.photos-alt-missing');
  if (media) {
    const missing = figures.filter((f) => !media.has(f.mediaId));
    report('missing', 'blocker', missing, 'publish.checklist.photo-not-in-library', 'publish.checklist.photos-not-in-library');
    const small = figures.filter((f) => {
      const width = media.get(f.mediaId)?.width;
      return typeof width === 'number' && width < MIN_PHOTO_WIDTH;
    });
    report('small', 'warning', small, 'publish.checklist.photo-small', 'publish.checklist.photos-small', { minWidth: MIN_PHOTO_WIDTH });
  }
  report('caption', 'warning', figures.filter((f) => f.captionText.length === 0), 'publish.checklist.photo-caption-missing', 'publish.checklist.photos-caption-missing');
  report('credit', 'warning', figures.filter((f) => f.credit.trim().length === 0), 'publish.checklist.photo-credit-missing', 'publish.checklist.photos-credit-missing');
}
