// Runs in: tests (node). A query becomes the terms a matching article must contain.
import { describe, expect, it } from 'vitest';
import { searchQueryTerms } from './search-query-terms';

describe('searchQueryTerms', () => {
  it('requires every bigram of a Chinese query, exactly', () => {
    expect(searchQueryTerms('身份认证')).toEqual([
      { term: '身份', prefix: false },
      { term: '份认', prefix: false },
      { term: '认证', prefix: false },
    ]);
  });

  it('treats the last Latin word as a prefix still being typed', () => {
    expect(searchQueryTerms('City Coun')).toEqual([
      { term: 'city', prefix: false },
      { term: 'coun', prefix: true },
    ]);
  });

  it('matches a last word of one or two letters whole, not as a prefix of most of the vocabulary', () => {
    expect(searchQueryTerms('c')).toEqual([{ term: 'c', prefix: false }]);
    expect(searchQueryTerms('city co')).toEqual([
      { term: 'city', prefix: false },
      { term: 'co', prefix: false },
    ]);
    expect(searchQueryTerms('cou')).toEqual([{ term: 'cou', prefix: true }]);
  });

  it('mixes scripts and matches a lone character as one exact term (every character is indexed)', () => {
    expect(searchQueryTerms('京 apple 北京')).toEqual([
      { term: '京', prefix: false },
      { term: '北京', prefix: false },
      { term: 'apple', prefix: true },
    ]);
  });
});
