// Runs in: renderer. Where the comment cards go in the margin: each beside its text, none over
// another. The active card sits exactly beside its text; the others make room above and below it.

export interface MarginCard {
  id: string;
  /** The top of the text the card belongs to, in the margin's pixels. */
  anchorTop: number;
  /** The card's own height. */
  height: number;
  /** Where its text starts in the body: cards whose text shares a line keep the order of the text. */
  position: number;
}

/**
 * Each card's top. Cards keep the order of their text (by top, then position), start no higher
 * than 0 and no two overlap (at least `gap` apart). Without an active card each sits at its text or
 * just below the card before it; the active one sits at its text and the cards before it move up,
 * unless that would take them above the top, when all are laid out downwards again.
 */
export function stackMarginCards(cards: readonly MarginCard[], activeId: string | null, gap: number): Map<string, number> {
  const sorted = [...cards].sort((a, b) => a.anchorTop - b.anchorTop || a.position - b.position);
  const tops = new Array<number>(sorted.length);
  const active = activeId === null ? -1 : sorted.findIndex((card) => card.id === activeId);
  const below = (i: number): number => tops[i - 1]! + sorted[i - 1]!.height + gap;
  const downwards = (): void => {
    for (let i = 0; i < sorted.length; i++) tops[i] = Math.max(0, sorted[i]!.anchorTop, i === 0 ? 0 : below(i));
  };
  // The first card at its text is already where the active one belongs.
  if (active <= 0) downwards();
  else {
    tops[active] = Math.max(0, sorted[active]!.anchorTop);
    for (let i = active + 1; i < sorted.length; i++) tops[i] = Math.max(sorted[i]!.anchorTop, below(i));
    for (let i = active - 1; i >= 0; i--) tops[i] = Math.min(sorted[i]!.anchorTop, tops[i + 1]! - gap - sorted[i]!.height);
    if (tops[0]! < 0) downwards();
  }
  return new Map(sorted.map((card, i) => [card.id, tops[i]!]));
}
