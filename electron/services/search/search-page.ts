// Runs in: services and the search index worker. A search for one page of the plain list (no
// status, desk or tag chosen, trash apart) needs from the index only the first ids and how many
// match, not every match: at 100k articles a common word matches tens of thousands, and sending
// them all to the services and looking each one up cost more than the search itself.

export interface SearchPage {
  /** Ids wanted from the top: the page's offset plus its length. */
  limit: number;
  /** Ids left out of the answer and its count (the trashed articles). */
  exclude: readonly string[];
}

/** What the index answers: with a page, `hits` are its first `limit` ids and `total` counts them all. */
export interface SearchAnswer {
  hits: string[];
  pending: number;
  indexed: number;
  total?: number;
}

/** The first `page.limit` of `hits` that are not excluded, and how many are not. */
export function pageOfHits(hits: readonly string[], page: SearchPage): { hits: string[]; total: number } {
  const excluded = new Set(page.exclude);
  const first: string[] = [];
  let total = 0;
  for (const id of hits) {
    if (excluded.has(id)) continue;
    if (first.length < page.limit) first.push(id);
    total++;
  }
  return { hits: first, total };
}
