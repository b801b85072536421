// Runs in: tests (node). What travels between the renderer and the host: JSON with bytes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeWire, encodeWire } from './wire-codec';

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
});
