// Runs in: renderer. Keeps the objects a new answer repeats unchanged, so that components selecting
// them (a memoised row, the filter menus) see the same object and do not render again.
import type { ArticleSummary } from '../../common/article';

/** `next`, with each summary equal to the one already held under its id replaced by that one (and `previous` itself when nothing changed). */
export function reuseSummaries(previous: readonly ArticleSummary[], next: readonly ArticleSummary[]): ArticleSummary[] {
  const byId = new Map(previous.map((summary) => [summary.id, summary]));
  let changed = previous.length !== next.length;
  const out = next.map((summary, index) => {
    const held = byId.get(summary.id);
    const kept = held !== undefined && sameSummary(held, summary) ? held : summary;
    if (kept !== previous[index]) changed = true;
    return kept;
  });
  return changed ? out : (previous as ArticleSummary[]);
}

/** `next`, or `previous` when it holds the same strings in the same order. */
export function reuseStrings(previous: string[], next: string[]): string[] {
  return sameStrings(previous, next) ? previous : next;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function sameSummary(a: ArticleSummary, b: ArticleSummary): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof ArticleSummary>;
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    if (Array.isArray(x) && Array.isArray(y)) {
      if (!sameStrings(x, y)) return false;
    } else if (x !== y) {
      return false;
    }
  }
  return true;
}
