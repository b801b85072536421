// Runs in: services and renderer. What a search box query must match: every bigram of each CJK
// run, every Latin word, with prefix matching for what may still be being typed.
import { CJK_CLASS, tokenize } from './search-tokenizer';

/**
 * The last Latin word matches as a prefix only from this many characters: a one- or two-letter
 * prefix expands to a large share of the vocabulary and matches nearly every article, at many
 * times the cost of any other query; shorter words match whole (un, eu, 5g).
 */
export const MIN_PREFIX_LENGTH = 3;

export interface QueryTerm {
  term: string;
  prefix: boolean;
}

const CJK_RUN = new RegExp(`${CJK_CLASS}+`, 'gu');

export function searchQueryTerms(query: string): QueryTerm[] {
  const normalized = query.normalize('NFKC').toLowerCase();
  const terms: QueryTerm[] = [];
  const latin: string[] = [];
  let last = 0;
  for (const match of normalized.matchAll(CJK_RUN)) {
    latin.push(...tokenize(normalized.slice(last, match.index)));
    const chars = [...match[0]];
    // Every character is indexed on its own as well: a lone one is an exact term.
    if (chars.length === 1) terms.push({ term: match[0], prefix: false });
    for (let i = 0; i + 1 < chars.length; i++) terms.push({ term: chars[i]! + chars[i + 1]!, prefix: false });
    last = match.index + match[0].length;
  }
  latin.push(...tokenize(normalized.slice(last)));
  latin.forEach((term, i) => terms.push({ term, prefix: i === latin.length - 1 && [...term].length >= MIN_PREFIX_LENGTH }));
  const seen = new Set<string>();
  return terms.filter((t) => {
    const key = `${t.term}\u0000${t.prefix}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
