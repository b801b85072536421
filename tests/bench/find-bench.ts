// Runs in: the benchmark script (Node). Find-all over a 100k-word article (issue 9): the body
// search the find panel runs (walk the document, fold, match, map offsets back) against a plain
// indexOf scan of the same text joined into one string, measured in the same run.
import { Node as PmNode } from '@tiptap/pm/model';
import { compileFind, findBudget } from '../../common/find/compile-find';
import { DEFAULT_FIND_OPTIONS, MAX_FIND_MATCHES, type FindOptions } from '../../common/find/find-options';
import { editorSchema } from '../../common/editor/editor-schema';
import { findInDoc } from '../../renderer/editor/find/find-in-doc';
import { BenchText } from './bench-text';
import { bodyDoc } from './body-doc';
import { formatMs, formatRatio } from './format-ms';
import type { Table } from './print-table';
import { stats } from './stats';

interface FindCase {
  label: string;
  query: string;
  options: Partial<FindOptions>;
  /** The indexOf baseline searches for this (the literal the case boils down to). */
  literal: string;
}

function article(language: 'en' | 'zh', size: number): PmNode {
  const text = new BenchText(language === 'en' ? 9 : 10);
  const paragraphs: string[] = [];
  if (language === 'en') for (let words = 0; words < size; words += 100) paragraphs.push(text.englishParagraph(100));
  else for (let chars = 0; chars < size; chars += 200) paragraphs.push(text.chineseParagraph(200));
  return PmNode.fromJSON(editorSchema(), bodyDoc(paragraphs));
}

function indexOfCount(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1 && count < MAX_FIND_MATCHES; at = text.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

function time(run: () => number, samples: number): { ms: number[]; found: number } {
  let found = 0;
  for (let i = 0; i < 2; i++) found = run(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    found = run();
    ms.push(performance.now() - start);
  }
  return { ms, found };
}

export function runFindBench(quick: boolean, log: (line: string) => void): Table {
  const samples = quick ? 5 : 15;
  const docs = { en: article('en', 100_000), zh: article('zh', 100_000) };
  const cases: (FindCase & { doc: 'en' | 'zh' })[] = [
    { doc: 'en', label: 'word, match case', query: 'council', options: { matchCase: true, foldWidth: false }, literal: 'council' },
    { doc: 'en', label: 'word, any case + width folding (default)', query: 'Council', options: {}, literal: 'council' },
    { doc: 'en', label: 'whole word', query: 'council', options: { wholeWord: true, matchCase: true, foldWidth: false }, literal: 'council' },
    { doc: 'en', label: 'regex \\b\\w+ing\\b', query: '\\b\\w+ing\\b', options: { regex: true, foldWidth: false }, literal: 'ing' },
    { doc: 'zh', label: '中文 two characters + width folding', query: '记者', options: {}, literal: '记者' },
  ];
  const rows: (string | number)[][] = [];
  for (const c of cases) {
    const doc = docs[c.doc];
    const joined = doc.textBetween(0, doc.content.size, '\n', '\uFFFC');
    const compiled = compileFind(c.query, { ...DEFAULT_FIND_OPTIONS, ...c.options });
    if (!compiled.ok) throw new Error(`bench query ${c.query} did not compile`);
    const find = compiled.find;
    const ours = time(() => findInDoc(doc, find, findBudget(MAX_FIND_MATCHES, 60_000)).length, samples);
    const base = time(() => indexOfCount(joined, c.literal), samples);
    const o = stats(ours.ms);
    const b = stats(base.ms);
    log(`find: ${c.label}: ${formatMs(o.median)} vs indexOf ${formatMs(b.median)}`);
    rows.push([c.label, c.doc === 'en' ? '100k words' : '100k 字', ours.found, formatMs(o.median), formatMs(o.p95), formatMs(b.median), formatRatio(o.median, b.median)]);
  }
  return {
    title: 'Find all in a 100k-word article (find panel search vs plain indexOf of the same text)',
    headers: ['Search', 'Article', 'Matches', 'Find median', 'Find p95', 'indexOf median', 'Ratio'],
    rows,
    notes: [
      `_${samples} runs each after 2 warm-ups. Find walks the ProseMirror document block by block, folds, matches and maps each match back; indexOf scans one pre-joined string for the literal (matches capped at ${MAX_FIND_MATCHES.toLocaleString('en')} on both sides)._`,
    ],
  };
}
