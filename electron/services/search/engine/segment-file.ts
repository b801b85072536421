// Runs in: services. A frozen segment as bytes: one JSON header line (the articles' ids and
// versions), then the field lengths, term starts, postings and frequencies as raw typed arrays and
// the terms as one string. Reading it parses only the header; the arrays are views of the file's
// bytes. Everything is checked on the way in (a damaged file is refused, and the caller rebuilds).
import { endianness } from 'node:os';
import { SEARCH_FIELDS } from '../search-options';
import { FrozenSegment } from './frozen-segment';
import { FIELD_BITS, FIELD_MASK } from './segment';

const FORMAT = 'dateline-search-segment';
const SEPARATOR = '\u0000';
const FIELDS = SEARCH_FIELDS.length;

interface Header {
  format: typeof FORMAT;
  version: number;
  endian: 'LE' | 'BE';
  terms: number;
  postings: number;
  termBytes: number;
  ids: string[];
  stamps: string[];
}

const pad4 = (bytes: number): number => (bytes + 3) & ~3;

/** The file's bytes; `version` is the caller's format version, written into the header. */
export function encodeSegment(segment: FrozenSegment, version: number): Buffer {
  const { ids, stamps, lengths, terms, starts, docFields, freqs } = segment.parts;
  if (terms.some((term) => term.includes(SEPARATOR))) throw new Error('encodeSegment: a term holds the separator');
  const termText = Buffer.from(terms.join(SEPARATOR), 'utf8');
  const header: Header = {
    format: FORMAT,
    version,
    endian: endianness(),
    terms: terms.length,
    postings: docFields.length,
    termBytes: termText.length,
    ids: [...ids],
    stamps: [...stamps],
  };
  let headerText = JSON.stringify(header);
  // Spaces before the newline put the arrays on a four-byte boundary (JSON allows them).
  headerText += ' '.repeat(pad4(Buffer.byteLength(headerText) + 1) - Buffer.byteLength(headerText) - 1) + '\n';
  const freqBytes = Buffer.from(freqs.buffer, freqs.byteOffset, freqs.byteLength);
  return Buffer.concat([
    Buffer.from(headerText, 'utf8'),
    bytesOf(lengths),
    bytesOf(starts),
    bytesOf(docFields),
    freqBytes,
    Buffer.alloc(pad4(freqBytes.length) - freqBytes.length),
    termText,
  ]);
}

/** The segment in these bytes, or null when they are not one this version wrote, or are damaged. */
export function decodeSegment(file: Uint8Array, version: number): FrozenSegment | null {
  const newline = file.indexOf(10);
  if (newline < 0) return null;
  const header = parseHeader(Buffer.from(file.buffer, file.byteOffset, newline).toString('utf8'), version);
  if (!header) return null;
  const docs = header.ids.length;
  const { terms: termCount, postings, termBytes } = header;
  const at = newline + 1;
  // The writer pads the header line to a four-byte boundary; the arrays after it rely on that.
  if (at % 4 !== 0) return null;
  const expected = at + 4 * docs * FIELDS + 4 * (termCount + 1) + 4 * postings + pad4(2 * postings) + termBytes;
  if (file.byteLength !== expected) return null;
  // Typed arrays need their offset aligned: a buffer that does not start on a boundary is copied once.
  const bytes = (file.byteOffset + at) % 4 === 0 ? file : new Uint8Array(file);
  let offset = bytes.byteOffset + at;
  const take = <T>(make: (buffer: ArrayBufferLike, offset: number, length: number) => T, length: number, size: number): T => {
    const view = make(bytes.buffer, offset, length);
    offset += pad4(length * size);
    return view;
  };
  const lengths = take((b, o, n) => new Uint32Array(b, o, n), docs * FIELDS, 4);
  const starts = take((b, o, n) => new Uint32Array(b, o, n), termCount + 1, 4);
  const docFields = take((b, o, n) => new Uint32Array(b, o, n), postings, 4);
  const freqs = take((b, o, n) => new Uint16Array(b, o, n), postings, 2);
  const termText = Buffer.from(bytes.buffer, offset, termBytes).toString('utf8');
  const terms = termCount === 0 ? [] : termText.split(SEPARATOR);
  if (terms.length !== termCount || !postingsAreSound(starts, docFields, freqs, lengths, docs) || !strictlyAscending(terms)) return null;
  return new FrozenSegment({ ids: header.ids, stamps: header.stamps, lengths, terms, starts, docFields, freqs });
}

function parseHeader(text: string, version: number): Header | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const h = value as Partial<Header> | null;
  if (!h || h.format !== FORMAT || h.version !== version || h.endian !== endianness()) return null;
  const counts = [h.terms, h.postings, h.termBytes];
  if (!counts.every((n) => Number.isSafeInteger(n) && n! >= 0)) return null;
  const strings = (list: unknown): list is string[] => Array.isArray(list) && list.every((s) => typeof s === 'string');
  if (!strings(h.ids) || !strings(h.stamps) || h.ids.length !== h.stamps.length || new Set(h.ids).size !== h.ids.length) return null;
  if (h.ids.length >= 2 ** (32 - FIELD_BITS)) return null;
  return h as Header;
}

/**
 * Starts run from 0 to the end without going back; each term's entries name a known document and
 * field, in order, once, in a field that has a length (a zero length would make scores NaN).
 */
function postingsAreSound(starts: Uint32Array, docFields: Uint32Array, freqs: Uint16Array, lengths: Uint32Array, docs: number): boolean {
  if (starts[0] !== 0 || starts[starts.length - 1] !== docFields.length) return false;
  const limit = docs * (1 << FIELD_BITS);
  for (let t = 0; t + 1 < starts.length; t++) {
    const from = starts[t]!;
    const to = starts[t + 1]!;
    if (to < from) return false;
    let previous = -1;
    for (let i = from; i < to; i++) {
      const docField = docFields[i]!;
      if (docField <= previous || docField >= limit || (docField & FIELD_MASK) >= FIELDS || freqs[i] === 0) return false;
      if (lengths[(docField >>> FIELD_BITS) * FIELDS + (docField & FIELD_MASK)] === 0) return false;
      previous = docField;
    }
  }
  return true;
}

function strictlyAscending(terms: readonly string[]): boolean {
  for (let i = 1; i < terms.length; i++) if (!(terms[i - 1]! < terms[i]!)) return false;
  return true;
}

function bytesOf(array: Uint32Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}
