// Runs in: tests (node). A shard built in bulk is the index `add` builds: the same hits with the
// same scores for every kind of query, and it takes later saves, removals and searches alike.
import { describe, expect, it } from 'vitest';
import { BULK_BUILD_MAX_DOCS, SearchBulkBuild } from './search-bulk-build';
import { SearchIndex, type SearchDoc } from './search-index';

const STAMP = '2026-11-25T08:00:00.000Z';
const WORDS = ['Council', 'council', 'budget', 'Budget', 'school', 'harbour', 'railway', 'election', 'mayor', 'counsel', 'country', 'water'];
const HAN = ['认证', '失败', '用户', '身份', '北京', '上海', '市长', '讲话', '天气', '高铁', '新闻', '发布'];

/** Deterministic documents: Latin (mixed case, repeats), Chinese, mixed, some fields empty. */
function docs(count: number, from = 0): SearchDoc[] {
  return Array.from({ length: count }, (_, j) => {
    const i = from + j;
    const w = (k: number) => WORDS[(i * 7 + k * 3) % WORDS.length]!;
    const h = (k: number) => HAN[(i * 5 + k * 7) % HAN.length]!;
    const chinese = i % 3 === 1;
    const body = chinese
      ? Array.from({ length: 3 + (i % 5) }, (_, k) => `${h(k)}${h(k + 1)}，`).join('')
      : Array.from({ length: 4 + (i % 6) }, (_, k) => `${w(k)} ${w(k + 2)} item${i % 9}.`).join(' ');
    return {
      id: `d${String(i).padStart(21, '0')}`,
      headline: chinese ? `${h(2)}${h(3)}` : `${w(1)} ${w(4)} ${i}`,
      subheadline: i % 4 === 0 ? '' : `${w(5)} ${h(5)}`,
      summary: i % 5 === 0 ? '' : `${w(6)} ${w(6)} ${w(7)}`,
      body,
      tags: i % 2 === 0 ? `${w(8)}\n${h(8)}` : '',
      bylines: i % 3 === 0 ? 'Jane Doe\nJohn Roe' : '',
    };
  });
}

const QUERIES = ['认证', '认证失败', '北京市长', '上海', 'council', 'Budget', 'cou', 'bud', 'council budget', 'mayor elec', 'jane', 'item3', '高铁 railway', 'nothing'];

function byAdd(all: readonly SearchDoc[]): SearchIndex {
  const index = SearchIndex.empty();
  for (const d of all) index.addDoc(d, STAMP);
  return index;
}

function byBulk(all: readonly SearchDoc[], base = SearchIndex.empty()): SearchIndex {
  const build = new SearchBulkBuild();
  for (const d of all) build.add(d, STAMP);
  base.addBulk(build);
  return base;
}

/** Every query's hits with their scores, in a stable order (ties may come in either order). */
function answers(index: SearchIndex): Record<string, { id: string; score: number }[]> {
  return Object.fromEntries(QUERIES.map((q) => [q, index.searchScored(q).sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))]));
}

describe('SearchBulkBuild', () => {
  it('gives exactly the hits and scores of an index built with add (Latin, Chinese, prefix, several terms, boosts)', () => {
    const all = docs(300);
    const added = answers(byAdd(all));
    // The queries do find things, in several fields (else the comparison proves little).
    expect(added['认证']!.length).toBeGreaterThan(10);
    expect(added['cou']!.length).toBeGreaterThan(added['council']!.length);
    expect(added['jane']!.length).toBeGreaterThan(10);
    expect(new Set(added['council']!.map((r) => r.score)).size).toBeGreaterThan(5);
    expect(answers(byBulk(all))).toEqual(added);
    expect(byBulk(all).size).toBe(300);
    expect(byBulk(all).stampOf(all[0]!.id)).toBe(STAMP);
  });

  it('added onto an index that holds articles, equals add over all of them, replacing the ones it holds', () => {
    const first = docs(120);
    const second = docs(200, 100); // 100–119 are replaced, with the same text
    const reference = byAdd([...first, ...second]);
    const merged = byBulk(second, byAdd(first));
    expect(merged.size).toBe(reference.size);
    // Replacing reorders nothing a search can see, but floating point: compare ids exactly and scores closely.
    const want = answers(reference);
    const got = answers(merged);
    for (const q of QUERIES) {
      expect(got[q]!.map((r) => r.id).sort(), q).toEqual(want[q]!.map((r) => r.id).sort());
      got[q]!.forEach((r, i) => expect(r.score, q).toBeCloseTo(want[q]![i]!.score, 9));
    }
  });

  it('takes later saves, removals and replacements as an add-built index does, and survives a snapshot', () => {
    const all = docs(200);
    const later = docs(3, 500);
    const edit = (index: SearchIndex): SearchIndex => {
      for (const d of later) index.addDoc(d, STAMP);
      index.remove(all[3]!.id);
      index.addDoc({ ...all[4]!, headline: 'Harbour closes' }, '2026-11-26T08:00:00.000Z');
      return index;
    };
    const added = edit(byAdd(all));
    const bulk = edit(byBulk(all));
    expect(answers(bulk)).toEqual(answers(added));
    expect(bulk.search('harbour closes')[0]).toBe(all[4]!.id);
    expect(bulk.search(all[3]!.headline)).not.toContain(all[3]!.id);
    expect(bulk.stampOf(all[4]!.id)).toBe('2026-11-26T08:00:00.000Z');
    // A snapshot of either (read back) answers the same.
    const reloadedBulk = SearchIndex.load(bulk.serialize());
    const reloadedAdded = SearchIndex.load(added.serialize());
    expect(reloadedBulk && answers(reloadedBulk)).toEqual(reloadedAdded && answers(reloadedAdded));
  });

  it('refuses the same article twice, and says when it holds as many as it may', () => {
    const build = new SearchBulkBuild();
    const [d] = docs(1);
    build.add(d!, STAMP);
    expect(() => build.add(d!, STAMP)).toThrow();
    expect(build.full).toBe(false);
    expect(BULK_BUILD_MAX_DOCS).toBeGreaterThan(1000);
  });
});
