// Runs in: services. A segment that no longer changes: its terms sorted, and its postings in typed
// arrays, so it is written and read as a few blocks of bytes instead of parsed object by object.
import { SEARCH_FIELDS } from '../search-options';
import type { Postings, Segment } from './segment';

export interface FrozenParts {
  ids: readonly string[];
  stamps: readonly string[];
  /** Per document, the length of each field (SEARCH_FIELDS order). */
  lengths: Uint32Array;
  /** Sorted (by UTF-16 code units), no duplicates. */
  terms: readonly string[];
  /** Term i's postings are entries starts[i] to starts[i + 1]. */
  starts: Uint32Array;
  docFields: Uint32Array;
  freqs: Uint16Array;
}

export class FrozenSegment implements Segment {
  constructor(readonly parts: FrozenParts) {}

  get size(): number {
    return this.parts.ids.length;
  }

  id(doc: number): string {
    return this.parts.ids[doc]!;
  }

  stamp(doc: number): string {
    return this.parts.stamps[doc]!;
  }

  fieldLength(doc: number, field: number): number {
    return this.parts.lengths[doc * SEARCH_FIELDS.length + field]!;
  }

  postings(term: string): Postings | null {
    const i = this.lowerBound(term);
    if (this.parts.terms[i] !== term) return null;
    return this.postingsAt(i);
  }

  /** The postings of the i-th term. */
  postingsAt(i: number): Postings {
    const { docFields, freqs, starts } = this.parts;
    return { docFields, freqs, from: starts[i]!, to: starts[i + 1]! };
  }

  termsExtending(prefix: string): string[] {
    const { terms } = this.parts;
    const found: string[] = [];
    for (let i = this.lowerBound(prefix); i < terms.length && terms[i]!.startsWith(prefix); i++) if (terms[i] !== prefix) found.push(terms[i]!);
    return found;
  }

  /** The first term not less than `term`. */
  private lowerBound(term: string): number {
    const { terms } = this.parts;
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[mid]! < term) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
