// Runs in: renderer. A checklist item in the reader's language, and the article field it is about.
import type { ChecklistItem } from '../../../common/publish/publish-checklist';
import type { PublishOutcome } from '../../../common/publish/publish-outcome';
import { translate, type Locale } from '../../i18n/i18n-store';
import { catalogues, type MessageKey } from '../../i18n/messages/catalogues';
import { formatMoment } from '../../i18n/format-moment';

function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalogues.en, key);
}

// Times in checklist messages arrive as ISO strings; people read them in their own format.
const DATE_PARAMS = new Set(['scheduledAt', 'plannedAt']);

function formatParams(params: Record<string, string | number>, locale: Locale): Record<string, string | number> {
  const formatted: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    formatted[name] = DATE_PARAMS.has(name) && typeof value === 'string' ? formatMoment(value, locale) : value;
  }
  return formatted;
}

export function checklistItemText(item: ChecklistItem, locale: Locale): string {
  const key = String(item.message.key);
  if (!isMessageKey(key)) return item.defaultText;
  return translate(locale, key, formatParams(item.message.params ?? {}, locale));
}

/** A scheduled time with its zone's name ("GMT+8", "CST"): the newsroom's clock, read unambiguously. */
export function formatZonedTime(iso: string, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(Date.parse(iso));
}

/** "Will be published now" / "Will be scheduled for …": what the publish button will do; null when unknown. */
export function outcomeText(outcome: PublishOutcome, locale: Locale, timeZone?: string): string | null {
  switch (outcome.kind) {
    case 'now':
      return translate(locale, 'publish.outcome.now');
    case 'backdated':
      return translate(locale, 'publish.outcome.backdated', { datedAt: formatZonedTime(outcome.datedAt, locale, timeZone) });
    case 'scheduled':
      return translate(locale, 'publish.outcome.scheduled', { scheduledAt: formatZonedTime(outcome.scheduledAt, locale, timeZone) });
    case 'draft':
      return translate(locale, 'publish.outcome.draft');
    case 'submitted':
      return translate(locale, 'publish.outcome.pending');
    case 'unknown':
      return null;
  }
}

const FIELD_LABELS: Record<string, MessageKey> = {
  headline: 'article.headline',
  summary: 'article.summary',
  body: 'publish.field.body',
  section: 'metadata.section',
  bylines: 'metadata.bylines',
  tags: 'metadata.tags',
  slug: 'metadata.slug',
  photos: 'publish.field.photos',
  plannedAt: 'metadata.plannedAt',
  scheduledAt: 'publish.scheduleAt',
};

/** The message key naming the field, or null for a field this UI does not know. */
export function fieldLabelKey(field: string): MessageKey | null {
  return FIELD_LABELS[field] ?? null;
}

/** "2, 3" in a photo item's params → 2: the first photo to fix. */
export function firstPhotoNumber(item: ChecklistItem): number | null {
  const photos = item.message.params?.photos;
  const first = Number.parseInt(String(photos ?? '').split(',')[0] ?? '', 10);
  return Number.isInteger(first) && first > 0 ? first : null;
}
