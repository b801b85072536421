// Runs in: tests (node). Find and replace in the headline, subheadline and summary.
import { describe, expect, it } from 'vitest';
import { compileFind, findBudget, type CompiledFind } from '../../../common/find/compile-find';
import { DEFAULT_FIND_OPTIONS, type FindOptions } from '../../../common/find/find-options';
import { findInFields, replaceInFields } from './find-in-fields';

function compiled(query: string, options: Partial<FindOptions> = {}): CompiledFind {
  const result = compileFind(query, { ...DEFAULT_FIND_OPTIONS, ...options });
  if (!result.ok) throw new Error('not compiled');
  return result.find;
}

const values = { headline: 'Mayor quits', subheadline: '', summary: 'The mayor（市长）quit; the MAYOR left.' };

describe('find in the fields', () => {
  it('finds in the headline first, then the summary, folding width and case', () => {
    const matches = findInFields(values, compiled('mayor'), findBudget(100, 1000));
    expect(matches.map((m) => [m.field, m.from])).toEqual([
      ['headline', 0],
      ['summary', 4],
      ['summary', 23],
    ]);
    expect(findInFields(values, compiled('(市长)'), findBudget(100, 1000)).map((m) => values.summary.slice(m.from, m.to))).toEqual(['（市长）']);
  });

  it('replaces every match of each field at once, and keeps the headline on one line', () => {
    const find = compiled('(m)ayor', { regex: true });
    const matches = findInFields(values, find, findBudget(100, 1000));
    expect(replaceInFields(values, matches, '$1inister', find)).toEqual({ headline: 'Minister quits', summary: 'The minister（市长）quit; the Minister left.' });
    const line = compiled('quits');
    expect(replaceInFields(values, findInFields(values, line, findBudget(10, 1000)), 'goes\nnow', line)).toEqual({ headline: 'Mayor goes now' });
  });
});
