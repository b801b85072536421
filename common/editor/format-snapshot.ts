// Runs in: services (headless) and renderer. A format suggestion remembers the formatting its text
// had before the change (bold, italic, strike, underline, link), so rejecting it, and every
// serializer, can put that formatting back. The snapshot arrives in bodies from hubs and pastes:
// anything but a short list of known formatting marks with well-formed attributes is refused.
import { isAllowedLinkHref } from './link-policy';

export const FORMAT_MARK_NAMES: readonly string[] = ['bold', 'italic', 'strike', 'underline', 'link'];

export interface FormatMarkJSON {
  type: string;
  attrs?: Record<string, string | null>;
}

const LINK_ATTRS = ['href', 'target', 'rel', 'title'] as const;
const MAX_ATTR_CHARS = 4096;

export function isFormatMarkName(name: string): boolean {
  return FORMAT_MARK_NAMES.includes(name);
}

/** The formatting marks among `marks`, in a fixed order: what a snapshot holds and what is compared. */
export function formatMarksOf(marks: readonly { type: string | { name: string }; attrs?: Record<string, unknown> }[]): FormatMarkJSON[] {
  const out: FormatMarkJSON[] = [];
  for (const name of FORMAT_MARK_NAMES) {
    const mark = marks.find((m) => (typeof m.type === 'string' ? m.type : m.type.name) === name);
    if (!mark) continue;
    if (name !== 'link') {
      out.push({ type: name });
      continue;
    }
    const attrs: Record<string, string | null> = {};
    for (const key of LINK_ATTRS) {
      const value = mark.attrs?.[key];
      attrs[key] = typeof value === 'string' ? value : null;
    }
    out.push({ type: name, attrs });
  }
  return out;
}

export function sameFormat(a: readonly FormatMarkJSON[], b: readonly FormatMarkJSON[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** `value` as a snapshot when it is a well-formed one, else null. */
export function formatSnapshot(value: unknown): FormatMarkJSON[] | null {
  if (!Array.isArray(value) || value.length > FORMAT_MARK_NAMES.length) return null;
  const seen = new Set<string>();
  const marks: { type: string; attrs?: Record<string, unknown> }[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) return null;
    const { type, attrs } = item as { type?: unknown; attrs?: unknown };
    if (typeof type !== 'string' || !isFormatMarkName(type) || seen.has(type)) return null;
    seen.add(type);
    if (type !== 'link') {
      if (attrs !== undefined && (typeof attrs !== 'object' || attrs === null || Object.keys(attrs).length > 0)) return null;
      marks.push({ type });
      continue;
    }
    if (typeof attrs !== 'object' || attrs === null) return null;
    const record = attrs as Record<string, unknown>;
    if (Object.keys(record).some((key) => !(LINK_ATTRS as readonly string[]).includes(key))) return null;
    for (const key of LINK_ATTRS) {
      const v = record[key];
      if (v !== undefined && v !== null && (typeof v !== 'string' || v.length > MAX_ATTR_CHARS)) return null;
    }
    if (typeof record.href !== 'string' || !isAllowedLinkHref(record.href)) return null;
    marks.push({ type, attrs: record });
  }
  return formatMarksOf(marks);
}
