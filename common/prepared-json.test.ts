// Runs in: vitest (node). A prepared value stands in for itself across a transport and comes back as plain data.
import { describe, expect, it } from 'vitest';
import { expandPreparedJson, mapPreparedJson, PREPARED_JSON_KEY, PreparedJsonError, prepareJson, preparedJsonForIpc } from './prepared-json';

describe('prepared JSON', () => {
  it('decodes to the value it was made from', () => {
    const value = { type: 'doc', content: [{ type: 'text', text: '新华社 😀 "q"' }] };
    expect(prepareJson(value).decode()).toEqual(value);
  });

  it('is replaced where it sits; the objects around it are copied and the rest shared', () => {
    const photos = [{ id: 'p1' }];
    const input = { article: { headline: 'H', photos, body: prepareJson({ type: 'doc' }).asValue() }, explicit: true };
    const out = preparedJsonForIpc(input) as { article: { photos: unknown; body: Record<string, unknown> } };
    expect(out).not.toBe(input);
    expect(out.article.photos).toBe(photos);
    expect(out.article.body[PREPARED_JSON_KEY]).toBeInstanceOf(Uint8Array);
    expect(input.article.body).not.toHaveProperty(PREPARED_JSON_KEY);
    const plain = { a: [1, { b: 2 }] };
    expect(mapPreparedJson(plain, () => 0)).toBe(plain);
    // Only the top levels are looked at: a deep or cyclic input is not walked.
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(mapPreparedJson(cyclic, () => 0)).toBe(cyclic);
    expect(mapPreparedJson({ a: { b: { c: prepareJson(1) } } }, () => 0)).toEqual({ a: { b: { c: 0 } } });
  });

  it('expands stand-ins near the top of an input, bounded in size, and leaves deeper look-alikes as data', () => {
    const bytes = prepareJson({ type: 'doc' }).bytes;
    expect(expandPreparedJson({ article: { body: { [PREPARED_JSON_KEY]: bytes } } }, 1_000)).toEqual({ article: { body: { type: 'doc' } } });
    // As deep as a stand-in may sit, and one level deeper.
    expect(expandPreparedJson({ a: { b: { c: { [PREPARED_JSON_KEY]: bytes } } } }, 1_000)).toEqual({ a: { b: { c: { type: 'doc' } } } });
    const deep = { a: { b: { c: { d: { [PREPARED_JSON_KEY]: bytes } } } } };
    expect(expandPreparedJson(deep, 1_000)).toBe(deep);
    // The limit is for all the stand-ins of one input together.
    expect(() => expandPreparedJson([{ [PREPARED_JSON_KEY]: bytes }, { [PREPARED_JSON_KEY]: bytes }], bytes.byteLength * 2 - 1)).toThrow(PreparedJsonError);
    // Two keys, or no bytes: not a stand-in, just data for the schema to judge.
    const lookalike = { body: { [PREPARED_JSON_KEY]: bytes, extra: 1 }, other: { [PREPARED_JSON_KEY]: 'text' } };
    expect(expandPreparedJson(lookalike, 1_000)).toBe(lookalike);
    expect(() => expandPreparedJson({ body: { [PREPARED_JSON_KEY]: bytes } }, bytes.byteLength - 1)).toThrow(PreparedJsonError);
  });
});
