// Runs in: main, services, host and renderer. Which of an article's headline, summary and details
// changed between two versions: text fields with a word-level diff, tags and bylines with what
// was added and removed, the planned time compared as an instant.
import type { Article, Byline } from '../article';
import { plainRuns } from './diff-body-blocks';
import { diffInline } from './diff-inline';
import type { DiffField, FieldChange } from './diff-model';

/** Fields long enough that an inline word diff reads better than before → after. */
const PROSE_FIELDS = new Set<DiffField>(['headline', 'subheadline', 'summary', 'editorsNote']);

export function diffFields(before: Article, after: Article): FieldChange[] {
  const changes: FieldChange[] = [];
  const text = (field: DiffField, a: string, b: string): void => {
    if (a === b) return;
    const change: FieldChange = { field, before: a, after: b };
    if (PROSE_FIELDS.has(field)) change.segments = diffInline(plainRuns(a), plainRuns(b)).segments;
    changes.push(change);
  };
  const list = (field: DiffField, a: string[], b: string[]): void => {
    if (a.join('\u0000') === b.join('\u0000')) return;
    const inA = new Set(a);
    const inB = new Set(b);
    changes.push({
      field,
      before: a.join(', '),
      after: b.join(', '),
      added: b.filter((entry) => !inA.has(entry)),
      removed: a.filter((entry) => !inB.has(entry)),
    });
  };

  text('headline', before.headline, after.headline);
  text('subheadline', before.subheadline, after.subheadline);
  text('summary', before.summary, after.summary);
  text('section', before.meta.section, after.meta.section);
  list('tags', before.meta.tags, after.meta.tags);
  list('bylines', before.meta.bylines.map(formatByline), after.meta.bylines.map(formatByline));
  text('source', before.meta.source, after.meta.source);
  text('publisher', before.meta.publisher, after.meta.publisher);
  text('dateline', before.meta.dateline, after.meta.dateline);
  text('slug', before.meta.slug, after.meta.slug);
  if (!sameInstant(before.meta.plannedAt, after.meta.plannedAt)) {
    changes.push({ field: 'plannedAt', before: before.meta.plannedAt ?? '', after: after.meta.plannedAt ?? '' });
  }
  text('language', before.meta.language, after.meta.language);
  text('editorsNote', before.meta.editorsNote, after.meta.editorsNote);
  return changes;
}

/** "Name (role)", or just the name when there is no role. */
export function formatByline(byline: Byline): string {
  const name = byline.name.trim();
  const role = byline.role.trim();
  return role ? `${name} (${role})` : name;
}

/** The same moment written with another offset is no change. */
function sameInstant(a: string | null, b: string | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return !Number.isNaN(ta) && ta === tb;
}
