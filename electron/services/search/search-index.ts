// Runs in: services. Full-text search over the library (MiniSearch with the shared CJK-aware
// tokenizer). Its snapshot is search-index.json; persistent-search-index.ts adds the update log.
import { readFile } from 'node:fs/promises';
import MiniSearch, { type Query } from 'minisearch';
import type { Article } from '../../../common/article';
import { docText } from '../../../common/doc-text';
import { searchQueryTerms } from '../../../common/search/search-query-terms';
import { TOKENIZER_VERSION } from '../../../common/search/search-tokenizer';
import { atomicWriteFile } from '../store/atomic-write';
import type { SearchBulkBuild } from './search-bulk-build';
import type { SearchDoc } from './search-doc';
import { SEARCH_OPTIONS as OPTIONS } from './search-options';

export type { SearchDoc } from './search-doc';

/** What the index reads of an article (an Article, or what the worker read of its file). */
export type IndexableArticle = Pick<Article, 'id' | 'headline' | 'subheadline' | 'summary' | 'body' | 'updatedAt'> & {
  meta: { tags: readonly string[]; bylines: readonly { name: string }[] };
};

/** The file format: one header line, then MiniSearch's own JSON. */
interface Header {
  format: 'dateline-search-index';
  version: number;
  /** updatedAt of the version each article was indexed from. */
  stamps: Record<string, string>;
}

const FORMAT_VERSION = 1 * 1000 + TOKENIZER_VERSION;

export class SearchIndex {
  private constructor(
    private mini: MiniSearch<SearchDoc>,
    private readonly stamps: Map<string, string>,
  ) {}

  static empty(): SearchIndex {
    return new SearchIndex(new MiniSearch(OPTIONS), new Map());
  }

  /** Null when the text is not an index this version wrote; the caller rebuilds. */
  static load(text: string): SearchIndex | null {
    const parsed = parseSnapshot(text);
    if (!parsed) return null;
    try {
      return new SearchIndex(MiniSearch.loadJSON<SearchDoc>(parsed.json, OPTIONS), parsed.stamps);
    } catch {
      return null;
    }
  }

  /** Reads search-index.json; a missing, corrupt or outdated file gives null. */
  static async loadFileOrNull(path: string): Promise<SearchIndex | null> {
    const text = await readFile(path, 'utf8').catch(() => '');
    return SearchIndex.load(text);
  }

  /** Reads search-index.json; a missing, corrupt or outdated file gives an empty index. */
  static async loadFile(path: string): Promise<SearchIndex> {
    return (await SearchIndex.loadFileOrNull(path)) ?? SearchIndex.empty();
  }

  serialize(): string {
    const header: Header = { format: 'dateline-search-index', version: FORMAT_VERSION, stamps: Object.fromEntries(this.stamps) };
    return `${JSON.stringify(header)}\n${JSON.stringify(this.mini)}`;
  }

  async saveFile(path: string): Promise<void> {
    await atomicWriteFile(path, this.serialize());
  }

  get size(): number {
    return this.mini.documentCount;
  }

  /** updatedAt of the version an article was indexed from, or undefined when it is not indexed. */
  stampOf(id: string): string | undefined {
    return this.stamps.get(id);
  }

  ids(): IterableIterator<string> {
    return this.stamps.keys();
  }

  /** Adds or replaces an article. */
  add(article: Article): void {
    this.addDoc(searchDoc(article), article.updatedAt);
  }

  /** Adds or replaces an article from its extracted text (replaying the update log). */
  addDoc(doc: SearchDoc, stamp: string): void {
    if (this.mini.has(doc.id)) this.mini.discard(doc.id);
    this.mini.add(doc);
    this.stamps.set(doc.id, stamp);
  }

  /**
   * Adds or replaces every article of a bulk build at once: one MiniSearch.loadJS instead of an
   * `add` per article. Costs a serialisation of what the index already holds, so it pays when the
   * build is large next to the index (an empty shard above all).
   */
  addBulk(build: SearchBulkBuild): void {
    if (build.size === 0) return;
    for (const id of build.ids()) if (this.mini.has(id)) this.mini.discard(id);
    this.mini = MiniSearch.loadJS<SearchDoc>(build.mergeInto(this.mini.toJSON()), OPTIONS);
    for (const [id, stamp] of build.stamps()) this.stamps.set(id, stamp);
  }

  replace(article: Article): void {
    this.add(article);
  }

  remove(id: string): void {
    if (this.mini.has(id)) this.mini.discard(id);
    this.stamps.delete(id);
  }

  /** Article ids, best match first. Every term must match; the last Latin word matches as a prefix. */
  search(query: string): string[] {
    return this.searchScored(query).map((r) => r.id);
  }

  /** As `search`, with each match's relevance score (to merge the results of several indexes). */
  searchScored(query: string): { id: string; score: number }[] {
    const terms = searchQueryTerms(query);
    if (terms.length === 0) return [];
    const tree: Query = {
      combineWith: 'AND',
      queries: terms.map((t) => ({ queries: [t.term], prefix: t.prefix, fuzzy: false, tokenize: (s: string) => [s] })),
    };
    return this.mini.search(tree).map((r) => ({ id: String(r.id), score: r.score }));
  }
}

function parseSnapshot(text: string): { json: string; stamps: Map<string, string> } | null {
  const newline = text.indexOf('\n');
  if (newline < 0) return null;
  try {
    const header = JSON.parse(text.slice(0, newline)) as Partial<Header>;
    if (header.format !== 'dateline-search-index' || header.version !== FORMAT_VERSION || typeof header.stamps !== 'object' || header.stamps === null) return null;
    const stamps = new Map<string, string>();
    for (const [id, stamp] of Object.entries(header.stamps)) if (typeof stamp === 'string') stamps.set(id, stamp);
    return { json: text.slice(newline + 1), stamps };
  } catch {
    return null;
  }
}

export function searchDoc(article: IndexableArticle): SearchDoc {
  return {
    id: article.id,
    headline: article.headline,
    subheadline: article.subheadline,
    summary: article.summary,
    body: docText(article.body),
    tags: article.meta.tags.join('\n'),
    bylines: article.meta.bylines.map((b) => b.name).join('\n'),
  };
}
