// Runs in: services and renderer. Turns a query and its options into a matcher over plain text:
// literal or regular expression, case, Latin whole words and full-width folding. A pattern that is
// invalid, too long, or shaped to backtrack without end (a quantified group holding a quantifier)
// is refused with a reason, and every search is bounded by a match count and a step budget.
import { foldText, originalRange, type FoldOptions } from './fold-text';
import { MAX_FIND_QUERY_LENGTH, type FindOptions } from './find-options';

export interface TextMatch {
  from: number;
  to: number;
  /** The regular expression's capture groups (for $1 in the replacement). */
  groups: readonly (string | undefined)[];
}

export type FindProblem =
  | { kind: 'invalid-pattern'; detail: string }
  | { kind: 'nested-quantifier' }
  | { kind: 'too-long'; limit: number };

/** How much work a search may still do; shared across the texts of one search. */
export interface FindBudget {
  matchesLeft: number;
  /** Past this time (by `now`) no further text is searched. */
  deadline: number;
  now: () => number;
  /** Set when the budget ran out before the last text was searched to its end. */
  exhausted: boolean;
}

export interface CompiledFind {
  options: FindOptions;
  /** The matches in `text`, in order, within the budget. */
  matchesIn(text: string, budget: FindBudget): TextMatch[];
}

export type CompileResult = { ok: true; find: CompiledFind } | { ok: false; problem: FindProblem };

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const NOT_LATIN_WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function isLatinWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch) && !NOT_LATIN_WORD.test(ch);
}

function charBefore(text: string, at: number): string | undefined {
  if (at <= 0) return undefined;
  const low = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text[at - 1];
}

function charAt(text: string, at: number): string | undefined {
  const cp = text.codePointAt(at);
  return cp === undefined ? undefined : String.fromCodePoint(cp);
}

/** A whole word: no Latin word character on both sides of either edge. */
function isWholeWord(text: string, from: number, to: number): boolean {
  if (isLatinWordChar(charBefore(text, from)) && isLatinWordChar(charAt(text, from))) return false;
  if (isLatinWordChar(charBefore(text, to)) && isLatinWordChar(charAt(text, to))) return false;
  return true;
}

/**
 * True when a quantified group itself holds a quantifier or an alternation, as in (a+)+, (a*)*,
 * (a|aa)+ or (\w+\s?)*: the shapes that make a backtracking engine take exponential time.
 */
export function hasNestedQuantifier(source: string): boolean {
  const stack: { quantified: boolean; alternation: boolean }[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i];
    if (ch === '\\') {
      i += 1;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') stack.push({ quantified: false, alternation: false });
    else if (ch === '|') {
      const top = stack[stack.length - 1];
      if (top) top.alternation = true;
    } else if (ch === ')') {
      const inner = stack.pop();
      const next = source[i + 1];
      const quantifiedAfter = next === '*' || next === '+' || next === '?' || next === '{';
      const repeats = quantifiedAfter && next !== '?';
      if (inner && repeats && (inner.quantified || inner.alternation)) return true;
      const parent = stack[stack.length - 1];
      if (parent && (quantifiedAfter || inner?.quantified)) parent.quantified = true;
    } else if (ch === '*' || ch === '+' || ch === '{') {
      const top = stack[stack.length - 1];
      if (top) top.quantified = true;
    }
  }
  return false;
}

function foldOptions(options: FindOptions, regex: boolean): FoldOptions {
  // A regular expression folds case with its own `i` flag, so \p{Lu} still means upper case.
  return { caseless: !options.matchCase && !regex, width: options.foldWidth };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The matcher for `query`, or why it cannot be one. An empty query finds nothing. */
export function compileFind(query: string, options: FindOptions): CompileResult {
  if (query.length > MAX_FIND_QUERY_LENGTH) return { ok: false, problem: { kind: 'too-long', limit: MAX_FIND_QUERY_LENGTH } };
  const fold = foldOptions(options, options.regex);
  let source: string;
  if (options.regex) {
    if (hasNestedQuantifier(query)) return { ok: false, problem: { kind: 'nested-quantifier' } };
    source = options.foldWidth ? query.normalize('NFKC') : query;
  } else {
    source = escapeRegExp(foldText(query, fold).text);
  }
  let pattern: RegExp;
  try {
    pattern = new RegExp(source, `gu${options.regex && !options.matchCase ? 'i' : ''}`);
  } catch (error) {
    return { ok: false, problem: { kind: 'invalid-pattern', detail: error instanceof Error ? error.message : String(error) } };
  }
  const empty = query.length === 0;
  return {
    ok: true,
    find: {
      options,
      matchesIn(text, budget) {
        const found: TextMatch[] = [];
        if (empty || text.length === 0 || budget.matchesLeft <= 0) return found;
        if (budget.now() > budget.deadline) {
          budget.exhausted = true;
          return found;
        }
        const folded = foldText(text, fold);
        pattern.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = pattern.exec(folded.text)) !== null) {
          if (m[0].length === 0) {
            // A pattern that matches nothing (a lookahead, x*): step on, find nothing here.
            pattern.lastIndex += 1;
            continue;
          }
          const range = originalRange(folded, m.index, m.index + m[0].length);
          if (!options.wholeWord || isWholeWord(text, range.from, range.to)) {
            found.push({ from: range.from, to: range.to, groups: m.slice(1) });
            budget.matchesLeft -= 1;
            if (budget.matchesLeft <= 0) {
              budget.exhausted = true;
              break;
            }
          }
        }
        return found;
      },
    },
  };
}

/** A budget of `matches` matches and `ms` milliseconds from now. */
export function findBudget(matches: number, ms: number, now: () => number = () => performance.now()): FindBudget {
  return { matchesLeft: matches, deadline: now() + ms, now, exhausted: false };
}

/** The replacement text for one match: `$&` the match, `$1`…`$9` its groups, `$$` a dollar (regex only). */
export function expandReplacement(replacement: string, matched: string, match: TextMatch, regex: boolean): string {
  if (!regex) return replacement;
  return replacement.replace(/\$(\$|&|[1-9])/g, (_all, what: string) => {
    if (what === '$') return '$';
    if (what === '&') return matched;
    return match.groups[Number(what) - 1] ?? '';
  });
}
