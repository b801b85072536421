// Runs in: services. How a match scores: BM25+ per field, as MiniSearch scores it (k 1.2, b 0.7,
// d 0.5), so ranking stays what it was when the index was MiniSearch's.
const K = 1.2;
const B = 0.7;
const D = 0.5;
/** A term found as a longer word's prefix weighs this much at most (MiniSearch's prefix weight). */
const PREFIX_WEIGHT = 0.375;

/**
 * @param freq how often the term is in this document's field
 * @param matching documents whose field holds the term
 * @param total documents in the corpus searched (every shard)
 */
export function bm25(freq: number, matching: number, total: number, fieldLength: number, averageFieldLength: number): number {
  const inverseDocumentFrequency = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return inverseDocumentFrequency * (D + (freq * (K + 1)) / (freq + K * (1 - B + (B * fieldLength) / averageFieldLength)));
}

/** The weight of `term` found for a query word it is a longer form of: less the more it adds. */
export function prefixWeight(term: string, queryTerm: string): number {
  const distance = term.length - queryTerm.length;
  return (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance);
}
