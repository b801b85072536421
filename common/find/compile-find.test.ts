import { describe, expect, it } from 'vitest';
import { compileFind, expandReplacement, findBudget, hasNestedQuantifier, type CompiledFind } from './compile-find';
import { DEFAULT_FIND_OPTIONS, type FindOptions } from './find-options';
import { foldText } from './fold-text';

function matcher(query: string, options: Partial<FindOptions> = {}): CompiledFind {
  const result = compileFind(query, { ...DEFAULT_FIND_OPTIONS, ...options });
  if (!result.ok) throw new Error(`not compiled: ${JSON.stringify(result.problem)}`);
  return result.find;
}

function found(query: string, text: string, options: Partial<FindOptions> = {}): string[] {
  return matcher(query, options)
    .matchesIn(text, findBudget(1000, 10_000))
    .map((m) => text.slice(m.from, m.to));
}

describe('the find matcher', () => {
  it('ignores case unless asked to match it', () => {
    expect(found('mayor', 'The Mayor met the mayor.')).toEqual(['Mayor', 'mayor']);
    expect(found('mayor', 'The Mayor met the mayor.', { matchCase: true })).toEqual(['mayor']);
  });

  it('finds whole Latin words only when asked, and ignores the option inside Chinese text', () => {
    expect(found('cat', 'cat concatenate cat_ cats (cat)', { wholeWord: true })).toEqual(['cat', 'cat']);
    expect(found('cat', 'concatenate')).toEqual(['cat']);
    expect(found('市长', '北京市长表示', { wholeWord: true })).toEqual(['市长']);
    expect(found('AI', '人工智能AI技术', { wholeWord: true })).toEqual(['AI']);
  });

  it('treats full-width and half-width forms as equal, and maps matches back to the original text', () => {
    const text = '记者（北京）报道：ＧＤＰ增长１２％，好。';
    expect(found('(北京)', text)).toEqual(['（北京）']);
    expect(found('GDP', text)).toEqual(['ＧＤＰ']);
    expect(found('12%,', text)).toEqual(['１２％，']);
    expect(found('（', 'a (b) （c）')).toEqual(['(', '（']);
    expect(found('(北京)', text, { foldWidth: false })).toEqual([]);
  });

  it('keeps offsets right where folding changes the length', () => {
    // ﬁ (one unit) folds to "fi" (two); İ lower-cases to two units.
    const text = 'oﬁce İstanbul ﬁ';
    const m = matcher('fi').matchesIn(text, findBudget(10, 10_000));
    expect(m.map((x) => [x.from, x.to])).toEqual([
      [1, 2],
      [14, 15],
    ]);
    const folded = foldText('aİb', { caseless: true, width: false });
    expect(folded.text.length).toBe(4);
    expect(Array.from(folded.starts ?? [])).toEqual([0, 1, 1, 2]);
    expect(Array.from(folded.ends ?? [])).toEqual([1, 2, 2, 3]);
  });

  it('keeps astral characters whole', () => {
    expect(found('𠮷', '吉𠮷野家')).toEqual(['𠮷']);
  });

  it('runs regular expressions, with capture groups in the replacement', () => {
    const m = matcher('(\\d+)年', { regex: true });
    const text = '2024年和2025年';
    const matches = m.matchesIn(text, findBudget(10, 10_000));
    expect(matches.map((x) => text.slice(x.from, x.to))).toEqual(['2024年', '2025年']);
    const first = matches[0];
    if (!first) throw new Error('no match');
    expect(expandReplacement('$1 year ($&) $$', text.slice(first.from, first.to), first, true)).toBe('2024 year (2024年) $');
    expect(expandReplacement('$1', 'x', first, false)).toBe('$1');
  });

  it('matches full-width text with a regular expression when folding is on', () => {
    expect(found('\\d+', '共１２３人', { regex: true })).toEqual(['１２３']);
  });

  it('refuses an invalid pattern with the reason', () => {
    const result = compileFind('(unclosed', { ...DEFAULT_FIND_OPTIONS, regex: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.kind).toBe('invalid-pattern');
    // The same text is fine as a literal.
    expect(found('(unclosed', 'an (unclosed bracket')).toEqual(['(unclosed']);
  });

  it('refuses patterns shaped for catastrophic backtracking', () => {
    for (const bad of ['(a+)+$', '(a*)*b', '(a|aa)+$', '(\\w+\\s?)*$', '((ab)*)+']) {
      expect(hasNestedQuantifier(bad), bad).toBe(true);
      const result = compileFind(bad, { ...DEFAULT_FIND_OPTIONS, regex: true });
      expect(result.ok ? 'compiled' : result.problem.kind, bad).toBe('nested-quantifier');
    }
    for (const fine of ['(ab)+', 'a+b*', '(colou?r)', '[(a+)+]', '\\(a+\\)+', '(a|b)']) expect(hasNestedQuantifier(fine), fine).toBe(false);
  });

  it('refuses a pattern over the length limit', () => {
    const result = compileFind('a'.repeat(501), DEFAULT_FIND_OPTIONS);
    expect(result.ok ? 'compiled' : result.problem.kind).toBe('too-long');
  });

  it('stops at the match cap and says so', () => {
    const budget = findBudget(5, 10_000);
    expect(matcher('a').matchesIn('a'.repeat(100), budget)).toHaveLength(5);
    expect(budget.exhausted).toBe(true);
  });

  it('stops searching further texts once the step budget is spent', () => {
    let clock = 0;
    const budget = findBudget(100, 10, () => clock);
    const m = matcher('x');
    expect(m.matchesIn('x x', budget)).toHaveLength(2);
    clock = 11;
    expect(m.matchesIn('x x', budget)).toHaveLength(0);
    expect(budget.exhausted).toBe(true);
  });

  it('skips empty matches and finds nothing for an empty query', () => {
    expect(found('x*', 'abc', { regex: true })).toEqual([]);
    expect(found('', 'abc')).toEqual([]);
  });
});
