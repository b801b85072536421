// Runs in: renderer. Find and replace in the story's text fields (headline, subheadline, summary),
// which live outside the body editor; they come before the body in the panel's order.
import { expandReplacement, type CompiledFind, type FindBudget, type TextMatch } from '../../../common/find/compile-find';

export const FIND_FIELDS = ['headline', 'subheadline', 'summary'] as const;
export type FindField = (typeof FIND_FIELDS)[number];
export type FieldValues = Record<FindField, string>;

export interface FieldMatch extends TextMatch {
  field: FindField;
}

export function findInFields(values: FieldValues, find: CompiledFind, budget: FindBudget): FieldMatch[] {
  return FIND_FIELDS.flatMap((field) => find.matchesIn(values[field], budget).map((m) => ({ ...m, field })));
}

/** The fields with `matches` replaced (all of one field's at once, from its end); only changed fields. */
export function replaceInFields(values: FieldValues, matches: readonly FieldMatch[], replacement: string, find: CompiledFind): Partial<FieldValues> {
  const patch: Partial<FieldValues> = {};
  for (const field of FIND_FIELDS) {
    const own = matches.filter((m) => m.field === field).sort((a, b) => b.from - a.from);
    if (own.length === 0) continue;
    let text = values[field];
    for (const m of own) {
      const replaced = expandReplacement(replacement, text.slice(m.from, m.to), m, find.options.regex);
      text = text.slice(0, m.from) + replaced + text.slice(m.to);
    }
    // A headline stays one line, as its field keeps it.
    patch[field] = field === 'headline' ? text.replace(/[\r\n]+/g, ' ') : text;
  }
  return patch;
}
