// Runs in: renderer. The colour of a person's caret in a shared story: the same palette and the same
// pick as their suggestions (authorColourIndex), so one person has one colour everywhere.
import { authorColourIndex, authorIdOf } from '../../../common/editor/author-colour';

/** suggestion-marks.css's palette, in its order; each reaches 4.5:1 on white. */
const CARET_COLOURS = ['#0b57d0', '#b3261e', '#146c2e', '#8e24aa', '#a14a00', '#00696f', '#c2185b', '#4a4a9c'] as const;

export function caretColourOf(name: string): string {
  return CARET_COLOURS[authorColourIndex(authorIdOf(name)) % CARET_COLOURS.length] ?? CARET_COLOURS[0];
}
