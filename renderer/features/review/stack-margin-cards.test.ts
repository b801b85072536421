// Runs in: tests (node). The margin's cards line up with their text and never overlap: a lone card
// sits at its text, crowded ones stack below each other in the order of their text, and the active
// one sits at its text while the others make room above it (or, with no room above, below).
import { describe, expect, it } from 'vitest';
import { stackMarginCards, type MarginCard } from './stack-margin-cards';

const GAP = 8;

function overlaps(cards: readonly MarginCard[], tops: Map<string, number>): boolean {
  const boxes = cards.map((c) => ({ top: tops.get(c.id)!, bottom: tops.get(c.id)! + c.height })).sort((a, b) => a.top - b.top);
  return boxes.some((box, i) => i > 0 && box.top < boxes[i - 1]!.bottom + GAP);
}

describe('stacking comment cards in the margin', () => {
  it('puts each card beside its text when there is room', () => {
    const cards = [
      { id: 'a', anchorTop: 40, height: 60, position: 5 },
      { id: 'b', anchorTop: 300, height: 80, position: 90 },
    ];
    expect(stackMarginCards(cards, null, GAP)).toEqual(new Map([['a', 40], ['b', 300]]));
  });

  it('stacks cards whose text shares a line below each other, in the order of the text', () => {
    const cards = [
      { id: 'second', anchorTop: 100, height: 70, position: 30 },
      { id: 'first', anchorTop: 100, height: 50, position: 12 },
      { id: 'third', anchorTop: 120, height: 40, position: 60 },
    ];
    const tops = stackMarginCards(cards, null, GAP);
    expect(tops).toEqual(new Map([['first', 100], ['second', 158], ['third', 236]]));
    expect(overlaps(cards, tops)).toBe(false);
  });

  it('follows the order of the text, not of the list', () => {
    const tops = stackMarginCards([
      { id: 'late', anchorTop: 500, height: 40, position: 400 },
      { id: 'early', anchorTop: 10, height: 40, position: 3 },
    ], null, GAP);
    expect(tops.get('early')).toBe(10);
    expect(tops.get('late')).toBe(500);
  });

  it('puts the active card at its text and moves the cards before it up', () => {
    const cards = [
      { id: 'a', anchorTop: 200, height: 60, position: 10 },
      { id: 'b', anchorTop: 210, height: 60, position: 20 },
      { id: 'c', anchorTop: 220, height: 60, position: 30 },
    ];
    const tops = stackMarginCards(cards, 'b', GAP);
    expect(tops.get('b')).toBe(210);
    expect(tops.get('a')).toBe(210 - GAP - 60);
    expect(tops.get('c')).toBe(210 + 60 + GAP);
    expect(overlaps(cards, tops)).toBe(false);
  });

  it('lays the cards out downwards when there is no room above the active one', () => {
    const cards = [
      { id: 'a', anchorTop: 0, height: 100, position: 1 },
      { id: 'b', anchorTop: 20, height: 60, position: 8 },
    ];
    const tops = stackMarginCards(cards, 'b', GAP);
    expect(tops).toEqual(new Map([['a', 0], ['b', 108]]));
    expect(overlaps(cards, tops)).toBe(false);
  });

  it('never places a card above the top of the margin, nor lets any overlap, whatever the input', () => {
    // A fixed pseudo-random sequence: the same cards on every run.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 200; round++) {
      const cards = Array.from({ length: 1 + Math.floor(next() * 12) }, (_, i) => ({ id: `c${i}`, anchorTop: Math.floor(next() * 600) - 20, height: 20 + Math.floor(next() * 120), position: i }));
      const active = next() < 0.5 ? null : cards[Math.floor(next() * cards.length)]!.id;
      const tops = stackMarginCards(cards, active, GAP);
      expect(overlaps(cards, tops)).toBe(false);
      for (const top of tops.values()) expect(top).toBeGreaterThanOrEqual(0);
      // With no active card, none sits above its own text.
      if (active === null) for (const card of cards) expect(tops.get(card.id)!).toBeGreaterThanOrEqual(card.anchorTop);
    }
  });

  it('gives an empty margin no cards', () => {
    expect(stackMarginCards([], 'x', GAP).size).toBe(0);
  });
});
