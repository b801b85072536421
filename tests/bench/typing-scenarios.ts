// Runs in: the benchmark script (Node). What the typing bench presses and where: letters at the
// end of the body and in its middle, Enter (a paragraph split) and Backspace in the middle; and the
// in-page script that puts the caret there and checks the keys did what they should.
export interface TypingScenario {
  id: 'end' | 'middle' | 'enter' | 'backspace';
  label: string;
  /** Which paragraph the caret goes to the end of: the last, the middle one, or 40% down. */
  at: 'last' | 'middle' | 'early';
  /** `letters` types a…z in turn. */
  key: 'letters' | 'Enter' | 'Backspace';
}

export const TYPING_SCENARIOS: readonly TypingScenario[] = [
  { id: 'end', label: 'letters at the end', at: 'last', key: 'letters' },
  { id: 'middle', label: 'letters in the middle', at: 'middle', key: 'letters' },
  // Before Enter, and in another paragraph than the letters: each key deletes one original character.
  { id: 'backspace', label: 'Backspace in the middle', at: 'early', key: 'Backspace' },
  { id: 'enter', label: 'Enter in the middle', at: 'middle', key: 'Enter' },
];

export interface BodyShape {
  chars: number;
  paragraphs: number;
}

/** In-page: the caret at the end of the chosen top-level paragraph of `root`, scrolled into view. */
export function placeCaretScript(rootSelector: string, at: TypingScenario['at']): string {
  return `(() => {
  const root = document.querySelector(${JSON.stringify(rootSelector)});
  const ps = root.querySelectorAll(':scope > p');
  const at = ${JSON.stringify(at)};
  const p = ps[at === 'last' ? ps.length - 1 : at === 'middle' ? Math.floor(ps.length / 2) : Math.floor(ps.length * 0.4)];
  root.focus();
  p.scrollIntoView({ block: 'center' });
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  let last = null;
  while (walker.nextNode()) last = walker.currentNode;
  const range = document.createRange();
  if (last) range.setStart(last, last.length); else range.setStart(p, 0);
  range.collapse(true);
  const selection = getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
})()`;
}

/**
 * In-page: the middle of the caret's paragraph, in viewport pixels. Benches rest the pointer there in
 * every page alike: Chromium hit-tests under a resting pointer after each layout (at 100k words that is
 * milliseconds a key), and the app's click on Open would otherwise leave the pointer in the app alone.
 */
export const CARET_PARAGRAPH_CENTRE_SCRIPT = `(() => {
  const node = getSelection().focusNode;
  const p = node && (node.nodeType === 1 ? node : node.parentElement).closest('p');
  const r = p.getBoundingClientRect();
  return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };
})()`;

/** In-page: characters and top-level paragraphs in `root`. */
export function bodyShapeScript(rootSelector: string): string {
  return `(() => { const root = document.querySelector(${JSON.stringify(rootSelector)}); return { chars: root.textContent.length, paragraphs: root.querySelectorAll(':scope > p').length }; })()`;
}

/** Did `keys` presses change the body as they should (letters add, Enter splits, Backspace deletes)? */
export function keysLanded(scenario: TypingScenario, keys: number, before: BodyShape, after: BodyShape): boolean {
  if (scenario.key === 'letters') return after.chars - before.chars === keys && after.paragraphs === before.paragraphs;
  if (scenario.key === 'Enter') return after.paragraphs - before.paragraphs === keys && after.chars === before.chars;
  return before.chars - after.chars === keys && after.paragraphs === before.paragraphs;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function keyFor(scenario: TypingScenario, i: number): string {
  return scenario.key === 'letters' ? (LETTERS[i % LETTERS.length] as string) : scenario.key;
}
