// Runs in: the benchmark script (Node). The baseline of search-index-bench: how catching up built
// MiniSearch shards before the index had segments of its own. Many articles indexed at once: each document is tokenized
// into plain Maps (term → field → document → frequency) and the whole lot is handed to
// MiniSearch.loadJS once, in its serialization format (version 2), instead of `add`, which walks
// the radix tree once per token. The result is the index `add` would have built, score for score:
// field lengths count unique tokens and the average field length is updated in the same order.
import type { AsPlainObject } from 'minisearch';
import type { SearchDoc } from '../../electron/services/search/search-doc';
import { MINISEARCH_OPTIONS as SEARCH_OPTIONS } from '../support/minisearch-options';

/** Documents one build holds at most; the caller commits it and starts another (bounds memory). */
export const BULK_BUILD_MAX_DOCS = 5000;

const FIELDS = SEARCH_OPTIONS.fields;

interface Postings {
  docs: number[];
  freqs: number[];
}

export class SearchBulkBuild {
  /** Local document number → article id, and the version it was indexed from. */
  private readonly docIds: string[] = [];
  private readonly stampsById = new Map<string, string>();
  /** Per local document: unique tokens per field id (undefined when the field was absent). */
  private readonly fieldLengths: (number | undefined)[][] = [];
  /** Term → per field id: the local documents holding it, and how often (parallel arrays, documents ascending). */
  private readonly terms = new Map<string, Postings[]>();

  get size(): number {
    return this.docIds.length;
  }

  get full(): boolean {
    return this.docIds.length >= BULK_BUILD_MAX_DOCS;
  }

  has(id: string): boolean {
    return this.stampsById.has(id);
  }

  ids(): IterableIterator<string> {
    return this.stampsById.keys();
  }

  stamps(): ReadonlyMap<string, string> {
    return this.stampsById;
  }

  /** Tokenizes one document now (its text is not kept). An id already in this build is refused. */
  add(doc: SearchDoc, stamp: string): void {
    if (this.stampsById.has(doc.id)) throw new Error(`SearchBulkBuild: ${doc.id} added twice`);
    const { tokenize, processTerm } = SEARCH_OPTIONS;
    if (!tokenize || !processTerm) throw new Error('SearchBulkBuild: the search options lack a tokenizer');
    const local = this.docIds.length;
    this.docIds.push(doc.id);
    this.stampsById.set(doc.id, stamp);
    const lengths: (number | undefined)[] = [];
    this.fieldLengths.push(lengths);
    FIELDS.forEach((field, fieldId) => {
      const value = doc[field as keyof SearchDoc] as string | null | undefined;
      if (value == null) return;
      const tokens = tokenize(String(value), field);
      // As add: the field's length is its number of distinct tokens before processing.
      lengths[fieldId] = new Set(tokens).size;
      for (const token of tokens) {
        const processed = processTerm(token, field);
        if (Array.isArray(processed)) for (const term of processed) this.post(term, fieldId, local, 1);
        else if (processed) this.post(processed, fieldId, local, 1);
      }
    });
  }

  /**
   * The postings in the serialization format's shape, as JSON text: JSON.parse builds those plain
   * objects keyed by document number several times faster than assigning the keys one by one.
   */
  private indexJson(offset: number): string {
    const entries: string[] = [];
    for (const [term, fields] of this.terms) {
      const parts: string[] = [];
      fields.forEach((postings, fieldId) => {
        const pairs = postings.docs.map((local, i) => `"${offset + local}":${postings.freqs[i]!}`);
        parts.push(`"${fieldId}":{${pairs.join(',')}}`);
      });
      entries.push(`[${JSON.stringify(term)},{${parts.join(',')}}]`);
    }
    return `[${entries.join(',')}]`;
  }

  private post(term: string, fieldId: number, local: number, freq: number): void {
    let fields = this.terms.get(term);
    if (!fields) this.terms.set(term, (fields = []));
    const postings = (fields[fieldId] ??= { docs: [], freqs: [] });
    const last = postings.docs.length - 1;
    // Two tokens of this document that process to one term (Council, council) add up.
    if (postings.docs[last] === local) postings.freqs[last]! += freq;
    else {
      postings.docs.push(local);
      postings.freqs.push(freq);
    }
  }

  /** `base` (an index's own toJSON) with every document of this build added after its own. */
  mergeInto(base: AsPlainObject): AsPlainObject {
    const offset = base.nextId;
    const documentIds: AsPlainObject['documentIds'] = { ...base.documentIds };
    const fieldLength: AsPlainObject['fieldLength'] = { ...base.fieldLength };
    const averageFieldLength = [...base.averageFieldLength];
    this.docIds.forEach((id, local) => {
      const shortId = offset + local;
      documentIds[shortId] = id;
      const lengths = this.fieldLengths[local] ?? [];
      fieldLength[shortId] = lengths as number[];
      // As MiniSearch's addFieldLength: a running mean over the documents before this one.
      const before = base.documentCount + local;
      lengths.forEach((length, fieldId) => {
        if (length === undefined) return;
        averageFieldLength[fieldId] = ((averageFieldLength[fieldId] ?? 0) * before + length) / (before + 1);
      });
    });
    let index = JSON.parse(this.indexJson(offset)) as AsPlainObject['index'];
    if (base.index.length > 0) {
      const merged = new Map(base.index);
      for (const [term, data] of index) {
        const old = merged.get(term);
        if (!old) merged.set(term, data);
        else for (const [fieldId, freqs] of Object.entries(data)) old[fieldId] = { ...old[fieldId], ...freqs };
      }
      index = [...merged];
    }
    return {
      documentCount: base.documentCount + this.docIds.length,
      nextId: offset + this.docIds.length,
      documentIds,
      fieldIds: base.fieldIds,
      fieldLength,
      averageFieldLength,
      storedFields: base.storedFields,
      dirtCount: base.dirtCount,
      index,
      serializationVersion: 2,
    };
  }
}
