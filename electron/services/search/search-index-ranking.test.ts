// Runs in: tests (node). The index of our own finds what MiniSearch found, in the same order with
// the same scores: over varied English and Chinese articles, across several segments, after
// articles are replaced and removed, and after a write and a read.
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { BENCH_VOCABULARY as V } from '../../../tests/bench/bench-vocabulary';
import { seededRandom } from '../../../tests/bench/seeded-random';
import { MINISEARCH_OPTIONS, miniSearchScored } from '../../../tests/support/minisearch-options';
import type { SearchDoc } from './search-doc';
import { SearchIndex } from './search-index';

const random = seededRandom(13);
const englishText = (words: number) => Array.from({ length: words }, () => random.zipf(V.englishWords)).join(' ');
const chineseText = (words: number) => Array.from({ length: words }, () => random.zipf(V.chineseWords)).join('');

function doc(n: number): SearchDoc {
  const chinese = n % 3 === 0;
  const text = chinese ? chineseText : englishText;
  return {
    id: `d${String(n).padStart(4, '0')}`,
    headline: text(random.int(2, 8)),
    subheadline: n % 4 === 0 ? '' : text(random.int(3, 10)),
    summary: text(random.int(5, 20)),
    body: text(random.int(20, 200)),
    tags: [random.pick(V.englishWords), random.pick(V.chineseWords)].join('\n'),
    bylines: chinese ? random.pick(V.chineseNames) : 'Jane Doe',
  };
}

const DOCS = Array.from({ length: 300 }, (_, n) => doc(n));

const QUERIES = [
  ...Array.from({ length: 25 }, () => random.pick(V.englishWords)),
  ...Array.from({ length: 20 }, () => random.pick(V.englishWords.filter((w) => w.length >= 4)).slice(0, random.int(1, 4))),
  ...Array.from({ length: 15 }, () => `${random.zipf(V.englishWords)} ${random.pick(V.englishWords)}`),
  ...Array.from({ length: 25 }, () => [...random.pick(V.chineseWords)].slice(0, random.int(1, 2)).join('')),
  ...Array.from({ length: 10 }, () => `${random.pick(V.chineseWords)}${random.pick(V.chineseWords)}`),
  'jane',
  '  ',
];

/** An answer as text: ids in score order (ties by id), scores to 9 decimals. */
const answer = (found: { id: string; score: number }[]) =>
  [...found]
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .map((r) => `${r.id}:${r.score.toFixed(9)}`)
    .join(' ');

function miniSearchOf(docs: readonly SearchDoc[]): MiniSearch<SearchDoc> {
  const mini = new MiniSearch<SearchDoc>(MINISEARCH_OPTIONS);
  mini.addAll(docs);
  return mini;
}

function expectSameAnswers(index: SearchIndex, mini: MiniSearch<SearchDoc>): void {
  let matches = 0;
  for (const query of QUERIES) {
    const ours = index.searchScored(query);
    matches += ours.length;
    expect(answer(ours), query).toBe(answer(miniSearchScored(mini, query)));
  }
  // The queries find something: equal empty answers would prove nothing.
  expect(matches).toBeGreaterThan(QUERIES.length * 5);
}

describe('SearchIndex ranks as MiniSearch did', () => {
  it('over one live segment, and over many frozen segments', () => {
    const mini = miniSearchOf(DOCS);
    const one = SearchIndex.empty();
    const many = SearchIndex.empty({ livePostingsLimit: 500 });
    for (const d of DOCS) {
      one.addDoc(d, 's1');
      many.addDoc(d, 's1');
    }
    expect(one.segmentCount).toBe(1);
    expect(many.segmentCount).toBeGreaterThan(10);
    expectSameAnswers(one, mini);
    expectSameAnswers(many, mini);
  });

  it('after replacing and removing articles, as an index built from the articles left', () => {
    const index = SearchIndex.empty({ livePostingsLimit: 2000 });
    for (const d of DOCS) index.addDoc(d, 's1');
    const replaced = DOCS.slice(0, 40).map((d, i) => ({ ...doc(1000 + i), id: d.id }));
    for (const d of replaced) index.addDoc(d, 's2');
    for (const d of DOCS.slice(40, 70)) index.remove(d.id);
    const left = [...replaced, ...DOCS.slice(70)];
    expect(index.size).toBe(left.length);
    expect(index.stampOf(DOCS[0]!.id)).toBe('s2');
    expect(index.stampOf(DOCS[50]!.id)).toBeUndefined();
    expectSameAnswers(index, miniSearchOf(left));
  });

  it('after a write and a read, and folds every segment into one when written', () => {
    const index = SearchIndex.empty({ livePostingsLimit: 2000 });
    for (const d of DOCS) index.addDoc(d, 's1');
    for (const d of DOCS.slice(0, 30)) index.remove(d.id);
    expect(index.segmentCount).toBeGreaterThan(1);
    const bytes = index.serialize();
    expect(index.segmentCount).toBe(1);
    const loaded = SearchIndex.load(bytes);
    expect(loaded?.size).toBe(270);
    expect(loaded?.stampOf(DOCS[40]!.id)).toBe('s1');
    const mini = miniSearchOf(DOCS.slice(30));
    expectSameAnswers(index, mini);
    expectSameAnswers(loaded!, mini);
    // The loaded index takes saves like any other.
    loaded!.addDoc({ ...DOCS[100]!, headline: 'quokkafest' }, 's3');
    expect(loaded!.search('quokkafest')).toEqual([DOCS[100]!.id]);
  });
});
