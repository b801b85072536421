// Runs in: services. Folds frozen segments into one, leaving out deleted documents and renumbering
// the rest in order: what the index writes, and what it keeps in memory after writing.
import { SEARCH_FIELDS } from '../search-options';
import { FrozenSegment } from './frozen-segment';
import { FIELD_BITS, FIELD_MASK } from './segment';

export interface MergeInput {
  segment: FrozenSegment;
  /** True for a document replaced or removed since it was indexed here. */
  dead: (doc: number) => boolean;
}

export function mergeSegments(inputs: readonly MergeInput[]): FrozenSegment {
  const F = SEARCH_FIELDS.length;
  const ids: string[] = [];
  const stamps: string[] = [];
  const lengths: number[] = [];
  /** Per input, its documents' new numbers (−1 when left out). */
  const renumber = inputs.map(({ segment, dead }) => {
    const map = new Int32Array(segment.size).fill(-1);
    for (let doc = 0; doc < segment.size; doc++) {
      if (dead(doc)) continue;
      map[doc] = ids.length;
      ids.push(segment.id(doc));
      stamps.push(segment.stamp(doc));
      for (let f = 0; f < F; f++) lengths.push(segment.fieldLength(doc, f));
    }
    return map;
  });
  const capacity = inputs.reduce((sum, { segment }) => sum + segment.parts.docFields.length, 0);
  const docFields = new Uint32Array(capacity);
  const freqs = new Uint16Array(capacity);
  const terms: string[] = [];
  const starts: number[] = [];
  const next = inputs.map(() => 0);
  let at = 0;
  for (;;) {
    // The smallest term any input has left (inputs are few: a linear look beats a heap).
    let term: string | undefined;
    inputs.forEach(({ segment }, k) => {
      const candidate = segment.parts.terms[next[k]!];
      if (candidate !== undefined && (term === undefined || candidate < term)) term = candidate;
    });
    if (term === undefined) break;
    const from = at;
    inputs.forEach(({ segment }, k) => {
      if (segment.parts.terms[next[k]!] !== term) return;
      const postings = segment.postingsAt(next[k]!);
      next[k]! += 1;
      const map = renumber[k]!;
      for (let i = postings.from; i < postings.to; i++) {
        const docField = postings.docFields[i]!;
        const doc = map[docField >>> FIELD_BITS]!;
        if (doc < 0) continue;
        docFields[at] = doc * (1 << FIELD_BITS) + (docField & FIELD_MASK);
        freqs[at] = postings.freqs[i]!;
        at += 1;
      }
    });
    if (at === from) continue;
    terms.push(term);
    starts.push(from);
  }
  starts.push(at);
  return new FrozenSegment({
    ids,
    stamps,
    lengths: Uint32Array.from(lengths),
    terms,
    starts: Uint32Array.from(starts),
    docFields: docFields.slice(0, at),
    freqs: freqs.slice(0, at),
  });
}
