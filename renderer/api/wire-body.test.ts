// Runs in: tests (node). A long request body is made into bytes a slice at a time, ending the task
// between slices, and arrives whole: no character is split, an emoji across a slice edge included.
import { describe, expect, it } from 'vitest';
import { WIRE_SLICE_BYTES, WIRE_SLICE_CHARS, wireBody } from './wire-body';

describe('wireBody', () => {
  it('keeps a short body as text, with no yield', async () => {
    let yields = 0;
    const body = await wireBody('{"id":"a"}', async () => {
      yields++;
    });
    expect(body).toBe('{"id":"a"}');
    expect(yields).toBe(0);
  });

  it('makes a long body in slices, yielding between them, and loses no character at a slice edge', async () => {
    // An emoji (two UTF-16 units) straddles every slice edge, and Chinese text sits between them.
    const unit = '新闻'.repeat(WIRE_SLICE_CHARS / 2 - 1) + 'x😀';
    const text = unit.repeat(4) + 'end';
    expect(text.charCodeAt(WIRE_SLICE_CHARS - 1)).toBe(0xd83d);
    let yields = 0;
    const body = await wireBody(text, async () => {
      yields++;
    });
    expect(body).toBeInstanceOf(Blob);
    expect(await (body as Blob).text()).toBe(text);
    expect((body as Blob).type).toBe('application/json');
    expect(yields).toBeGreaterThanOrEqual(4);
  });

  it('makes long bytes (a prepared autosave) in slices too, and joins a character split at a slice edge back whole', async () => {
    const text = 'xy' + '新闻'.repeat(WIRE_SLICE_BYTES / 3) + 'end';
    const bytes = new TextEncoder().encode(text);
    // The slice edge falls inside a three-byte character.
    expect((bytes[WIRE_SLICE_BYTES] ?? 0) & 0xc0).toBe(0x80);
    let yields = 0;
    const body = await wireBody(bytes, async () => {
      yields++;
    });
    expect(body).toBeInstanceOf(Blob);
    expect(await (body as Blob).text()).toBe(text);
    expect(yields).toBeGreaterThanOrEqual(1);
    const short = new TextEncoder().encode('{"id":"a"}');
    expect(await wireBody(short, async () => undefined)).toBe(short);
  });
});
