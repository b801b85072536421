// Runs in: services. The segment new and changed articles go into: plain Maps and arrays, cheap to
// add to; frozen into a FrozenSegment when it grows large and when the index is written.
import { tokenize } from '../../../../common/search/search-tokenizer';
import type { SearchDoc } from '../search-doc';
import { SEARCH_FIELDS } from '../search-options';
import { FrozenSegment } from './frozen-segment';
import { FIELD_BITS, type Postings, type Segment } from './segment';

/** Prefixes are looked up by their first this many UTF-16 units (a search's prefix has at least three letters). */
const BUCKET = 3;
const MAX_FREQ = 0xffff;

interface LivePostings {
  docFields: number[];
  freqs: number[];
}

export class LiveSegment implements Segment {
  private readonly ids: string[] = [];
  private readonly stamps: string[] = [];
  private readonly lengths: number[] = [];
  private readonly terms = new Map<string, LivePostings>();
  /** Terms by their first BUCKET units, for prefix lookups without sorting. */
  private readonly buckets = new Map<string, string[]>();
  private entries = 0;

  get size(): number {
    return this.ids.length;
  }

  /** Postings held: what freezing costs and what the segment weighs in memory. */
  get postingCount(): number {
    return this.entries;
  }

  id(doc: number): string {
    return this.ids[doc]!;
  }

  stamp(doc: number): string {
    return this.stamps[doc]!;
  }

  fieldLength(doc: number, field: number): number {
    return this.lengths[doc * SEARCH_FIELDS.length + field]!;
  }

  /** Tokenizes and adds a document; returns its number here, and the length of each field. */
  add(doc: SearchDoc, stamp: string): { doc: number; lengths: number[] } {
    const local = this.ids.length;
    this.ids.push(doc.id);
    this.stamps.push(stamp);
    const lengths = SEARCH_FIELDS.map((field, fieldId) => {
      const counts = new Map<string, number>();
      for (const token of tokenize(doc[field] ?? '')) counts.set(token, (counts.get(token) ?? 0) + 1);
      // Frequencies are kept to 16 bits (as frozen segments store them), so a save scores as it will after a reload.
      for (const [term, freq] of counts) this.post(term, local * (1 << FIELD_BITS) + fieldId, Math.min(freq, MAX_FREQ));
      // The field's length is its number of distinct tokens (as MiniSearch counts it).
      return counts.size;
    });
    this.lengths.push(...lengths);
    return { doc: local, lengths };
  }

  postings(term: string): Postings | null {
    const found = this.terms.get(term);
    return found ? { docFields: found.docFields, freqs: found.freqs, from: 0, to: found.docFields.length } : null;
  }

  termsExtending(prefix: string): string[] {
    const candidates = prefix.length >= BUCKET ? (this.buckets.get(prefix.slice(0, BUCKET)) ?? []) : this.terms.keys();
    const found: string[] = [];
    for (const term of candidates) if (term.length > prefix.length && term.startsWith(prefix)) found.push(term);
    return found;
  }

  /** The same documents and postings, sorted into a segment that is compact and can be written. */
  freeze(): FrozenSegment {
    const terms = [...this.terms.keys()].sort();
    const starts = new Uint32Array(terms.length + 1);
    const docFields = new Uint32Array(this.entries);
    const freqs = new Uint16Array(this.entries);
    let at = 0;
    terms.forEach((term, i) => {
      const postings = this.terms.get(term)!;
      starts[i] = at;
      docFields.set(postings.docFields, at);
      freqs.set(postings.freqs, at);
      at += postings.docFields.length;
    });
    starts[terms.length] = at;
    return new FrozenSegment({ ids: this.ids, stamps: this.stamps, lengths: Uint32Array.from(this.lengths), terms, starts, docFields, freqs });
  }

  private post(term: string, docField: number, freq: number): void {
    let postings = this.terms.get(term);
    if (!postings) {
      postings = { docFields: [], freqs: [] };
      this.terms.set(term, postings);
      if (term.length >= BUCKET) {
        const key = term.slice(0, BUCKET);
        const bucket = this.buckets.get(key);
        if (bucket) bucket.push(term);
        else this.buckets.set(key, [term]);
      }
    }
    postings.docFields.push(docField);
    postings.freqs.push(freq);
    this.entries += 1;
  }
}
