// Runs in: services and renderer. What the find panel asks for.
export interface FindOptions {
  matchCase: boolean;
  /** Latin whole words: a match may not start or end inside a word of letters, digits or _. */
  wholeWord: boolean;
  regex: boolean;
  /** Full-width and half-width forms are equal (，and ,  （and (  ０ and 0). */
  foldWidth: boolean;
}

export const DEFAULT_FIND_OPTIONS: FindOptions = { matchCase: false, wholeWord: false, regex: false, foldWidth: true };

/** At most this many matches are found; the count then reads "10,000+". */
export const MAX_FIND_MATCHES = 10_000;
/** A longer query or pattern is refused. */
export const MAX_FIND_QUERY_LENGTH = 500;
