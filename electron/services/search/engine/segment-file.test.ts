// Runs in: tests (node). A written segment reads back whole, reading parses only its header, and a
// damaged or foreign file is refused (the index rebuilds) instead of answering wrong or throwing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchDoc } from '../search-doc';
import { SEARCH_FIELDS } from '../search-options';
import { LiveSegment } from './live-segment';
import { decodeSegment, encodeSegment } from './segment-file';

const VERSION = 2003;

function written(count = 50): Buffer {
  const live = new LiveSegment();
  for (let n = 0; n < count; n++) {
    const doc: SearchDoc = {
      id: `doc${n}`,
      headline: `Council budget ${n}`,
      subheadline: '',
      summary: '市长在新闻发布会上讲话',
      body: `The council voted ${n} to ${n % 7} on item${n}. 上海明天有雨，编号${n}。`,
      tags: 'politics',
      bylines: 'Jane Doe',
    };
    live.add(doc, `stamp${n}`);
  }
  return encodeSegment(live.freeze(), VERSION);
}

/** Where the arrays start, from the header the file gives. */
function layout(file: Buffer) {
  const newline = file.indexOf(10);
  const header = JSON.parse(file.subarray(0, newline).toString('utf8')) as { ids: string[]; terms: number; postings: number };
  const lengthsAt = newline + 1;
  const startsAt = lengthsAt + 4 * header.ids.length * SEARCH_FIELDS.length;
  const docFieldsAt = startsAt + 4 * (header.terms + 1);
  const freqsAt = docFieldsAt + 4 * header.postings;
  return { newline, header, docFieldsAt, freqsAt, termsAt: freqsAt + ((2 * header.postings + 3) & ~3) };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('segment files', () => {
  it('read back with the same documents, terms and postings', () => {
    const file = written();
    const segment = decodeSegment(file, VERSION)!;
    expect(segment.size).toBe(50);
    expect(segment.id(7)).toBe('doc7');
    expect(segment.stamp(7)).toBe('stamp7');
    expect(segment.postings('item7')?.to).toBe((segment.postings('item7')?.from ?? 0) + 1);
    expect(segment.postings('上海')).not.toBeNull();
    expect(segment.termsExtending('ite').length).toBe(50);
  });

  it('reading parses only the header line, never the postings', () => {
    const file = written(400);
    const parse = vi.spyOn(JSON, 'parse');
    expect(decodeSegment(file, VERSION)).not.toBeNull();
    const parsed = parse.mock.calls.reduce((sum, [text]) => sum + String(text).length, 0);
    expect(parsed).toBeLessThanOrEqual(file.indexOf(10));
    expect(parsed).toBeLessThan(file.length / 4);
  });

  it('reads from a buffer that does not start on a four-byte boundary', () => {
    const file = written();
    const shifted = Buffer.alloc(file.length + 1);
    file.copy(shifted, 1);
    expect(decodeSegment(shifted.subarray(1), VERSION)?.size).toBe(50);
  });

  it('refuses another version, a foreign or truncated file, and damaged postings or terms', () => {
    const file = written();
    const { docFieldsAt, freqsAt, termsAt, header } = layout(file);
    const damaged = (change: (copy: Buffer) => void) => {
      const copy = Buffer.from(file);
      change(copy);
      return decodeSegment(copy, VERSION);
    };
    expect(decodeSegment(file, VERSION + 1)).toBeNull();
    expect(decodeSegment(Buffer.from('{"format":"dateline-search-index","version":1003,"stamps":{}}\n{"documentCount":0}'), VERSION)).toBeNull();
    expect(decodeSegment(Buffer.alloc(0), VERSION)).toBeNull();
    expect(decodeSegment(file.subarray(0, file.length - 1), VERSION)).toBeNull();
    expect(decodeSegment(Buffer.concat([file, Buffer.from([0])]), VERSION)).toBeNull();
    // A posting naming a document past the last.
    expect(damaged((c) => c.writeUInt32LE(header.ids.length * 8, docFieldsAt))).toBeNull();
    // A posting naming a field that does not exist.
    expect(damaged((c) => c.writeUInt32LE(SEARCH_FIELDS.length, docFieldsAt))).toBeNull();
    // A frequency of zero.
    expect(damaged((c) => c.writeUInt16LE(0, freqsAt))).toBeNull();
    // Terms out of order: the first term (a number) begins with a tilde, above the Latin ones after it.
    expect(file.subarray(termsAt, termsAt + 1).toString()).toMatch(/\d/);
    expect(damaged((c) => (c[termsAt] = 0x7e))).toBeNull();
    // Ids that repeat.
    expect(damaged((c) => c.write('"doc1"', file.indexOf('"doc0"'), 'utf8'))).toBeNull();
    // A header line one byte longer than the writer pads it: the arrays after it are misaligned.
    const newline = file.indexOf(10);
    expect(decodeSegment(Buffer.concat([file.subarray(0, newline), Buffer.from(' '), file.subarray(newline)]), VERSION)).toBeNull();
    // Field lengths of zero under postings (scores would be NaN).
    expect(damaged((c) => c.fill(0, newline + 1, docFieldsAt - 4 * (header.terms + 1)))).toBeNull();
    expect(decodeSegment(file, VERSION)).not.toBeNull();
  });
});
