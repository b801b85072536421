// Runs in: vitest (Node). `npm run bench` arguments: a subset, a smoke size, explicit sizes, and
// bounds so a typo cannot start an hours-long run.
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../bench/bench-options';

describe('parseBenchArgs', () => {
  it('runs every section at full size by default: 1k/20k/100k words and 1k/10k/100k articles', () => {
    const o = parseBenchArgs([]);
    expect([...o.only]).toEqual(['typing', 'open', 'library', 'find']);
    expect(o.words).toEqual([1_000, 20_000, 100_000]);
    expect(o.articles).toEqual([1_000, 10_000, 100_000]);
    expect(o.keys).toBe(200);
  });

  it('has a small smoke size', () => {
    const o = parseBenchArgs(['--quick']);
    expect(o.words).toEqual([1_000]);
    expect(o.articles).toEqual([1_000]);
    expect(o.keys).toBeLessThan(200);
  });

  it('takes a subset and explicit sizes', () => {
    const o = parseBenchArgs(['--only=typing,find', '--words=20k,100000', '--articles=10000', '--keys=50']);
    expect([...o.only]).toEqual(['typing', 'find']);
    expect(o.words).toEqual([20_000, 100_000]);
    expect(o.articles).toEqual([10_000]);
    expect(o.keys).toBe(50);
  });

  it('refuses unknown sections, unknown arguments and sizes out of bounds', () => {
    expect(() => parseBenchArgs(['--only=typing,search'])).toThrow(/search/);
    expect(() => parseBenchArgs(['--fast'])).toThrow(/unknown argument/);
    expect(() => parseBenchArgs(['--words=0'])).toThrow(/--words/);
    expect(() => parseBenchArgs(['--articles=5000000'])).toThrow(/--articles/);
    expect(() => parseBenchArgs(['--keys=abc'])).toThrow(/--keys/);
  });
});
