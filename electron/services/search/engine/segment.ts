// Runs in: services. What the search index reads of a segment (a batch of indexed articles, in the
// style of Lucene's): its documents, and for a term the documents and fields that hold it.

/**
 * The postings of one term in one segment, from `from` to `to`: each entry is a document's local
 * number times 8 plus a field number (`docField`), and how often the term is in that field.
 * Entries come in document order, then field order.
 */
export interface Postings {
  readonly docFields: ArrayLike<number>;
  readonly freqs: ArrayLike<number>;
  readonly from: number;
  readonly to: number;
}

/** Field numbers fit in the low bits of a posting's docField. */
export const FIELD_BITS = 3;
export const FIELD_MASK = (1 << FIELD_BITS) - 1;

export interface Segment {
  /** Documents, numbered 0 to size − 1. */
  readonly size: number;
  id(doc: number): string;
  stamp(doc: number): string;
  /** Distinct tokens of a document's field. */
  fieldLength(doc: number, field: number): number;
  postings(term: string): Postings | null;
  /** Terms longer than `prefix` that start with it. */
  termsExtending(prefix: string): string[];
}
