// Runs in: services and renderer. The marks a text node carries, reduced to the ones the editor
// schema knows, in one fixed nesting order, with link targets checked against the link policy.
import type { DocNode } from '../article';
import { isAllowedLinkHref } from '../editor/link-policy';

export type InlineMark = { type: 'link'; href: string } | { type: 'bold' | 'italic' | 'strike' | 'underline' };

// Links outermost, so one link can span text in several styles.
const ORDER = ['link', 'bold', 'italic', 'strike', 'underline'] as const;

/** Known marks of `node`, outermost first; unknown marks and refused links are left out. */
export function inlineMarksOf(node: DocNode): InlineMark[] {
  const found = new Map<InlineMark['type'], InlineMark>();
  for (const mark of node.marks ?? []) {
    if (found.has(mark.type as InlineMark['type'])) continue;
    if (mark.type === 'link') {
      const href = mark.attrs?.href;
      if (isAllowedLinkHref(href)) found.set('link', { type: 'link', href: href.trim() });
    } else if (mark.type === 'bold' || mark.type === 'italic' || mark.type === 'strike' || mark.type === 'underline') {
      found.set(mark.type, { type: mark.type });
    }
  }
  return ORDER.flatMap((type) => {
    const mark = found.get(type);
    return mark ? [mark] : [];
  });
}

export function sameMark(a: InlineMark, b: InlineMark): boolean {
  if (a.type === 'link' || b.type === 'link') return a.type === b.type && a.type === 'link' && b.type === 'link' && a.href === b.href;
  return a.type === b.type;
}
