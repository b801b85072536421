// Runs in: renderer. Every match of a compiled find in the body: each textblock (paragraphs,
// headings, list items, photo captions) is searched on its own, within one shared budget.
import type { Node as PmNode } from '@tiptap/pm/model';
import type { CompiledFind, FindBudget } from '../../../common/find/compile-find';

/** A non-text inline node (a line break) stands as one character, so text offsets are doc offsets. */
export const LEAF_CHAR = '\uFFFC';

export interface DocMatch {
  from: number;
  to: number;
  /** Where the match is: a photo caption or the running text. */
  inCaption: boolean;
  groups: readonly (string | undefined)[];
}

export function findInDoc(doc: PmNode, find: CompiledFind, budget: FindBudget): DocMatch[] {
  const found: DocMatch[] = [];
  doc.descendants((node, pos) => {
    if (budget.matchesLeft <= 0 || budget.exhausted) return false;
    if (!node.isTextblock) return true;
    const text = node.textBetween(0, node.content.size, undefined, LEAF_CHAR);
    const start = pos + 1;
    for (const m of find.matchesIn(text, budget)) {
      // A match across a line break would delete the break on replace: not a match.
      if (text.slice(m.from, m.to).includes(LEAF_CHAR)) continue;
      found.push({ from: start + m.from, to: start + m.to, inCaption: node.type.name === 'figure', groups: m.groups });
    }
    return false;
  });
  return found;
}
