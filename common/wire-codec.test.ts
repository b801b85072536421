// Runs in: tests (node). What travels between the renderer and the host: JSON with bytes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { prepareJson } from './prepared-json';
import { decodeWire, encodeWire, encodeWireParts } from './wire-codec';

afterEach(() => vi.restoreAllMocks());

describe('wire codec', () => {
  it('carries bytes, also beside text that mentions "$bytes"', () => {
    const value = { photo: new Uint8Array([0, 1, 254, 255]), note: 'the key is "$bytes"', nested: [{ $bytes: 42 }] };
    expect(decodeWire(encodeWire(value))).toEqual(value);
  });

  it('parses a reply without bytes (a long article body) without a call per value', () => {
    const body = { type: 'doc', content: Array.from({ length: 50 }, (_, i) => ({ type: 'paragraph', content: [{ type: 'text', text: `Paragraph ${i} says "$bytes".` }] })) };
    const text = encodeWire({ ok: true, value: { body } });
    const parse = vi.spyOn(JSON, 'parse');
    expect(decodeWire(text)).toEqual({ ok: true, value: { body } });
    expect(parse).toHaveBeenCalledTimes(1);
    expect(parse.mock.calls[0]).toHaveLength(1);
  });

  it('splices prepared JSON in as its bytes, beside bytes and text that imitates a placeholder', () => {
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '新华社 "quoted" \u0000prepared-json:0 😀' }] }] };
    const value = { article: { headline: '\u0000prepared-json:x:0', body: prepareJson(body).asValue(), photo: new Uint8Array([7, 8]) }, explicit: false };
    const encoded = encodeWireParts(value);
    expect(encoded).toBeInstanceOf(Uint8Array);
    const text = new TextDecoder().decode(encoded as Uint8Array);
    expect(decodeWire(text)).toEqual({ article: { headline: '\u0000prepared-json:x:0', body, photo: new Uint8Array([7, 8]) }, explicit: false });
  });

  it('stays text when nothing is prepared', () => {
    const value = { query: 'fire', photo: new Uint8Array([1]) };
    expect(encodeWireParts(value)).toBe(encodeWire(value));
  });
});
