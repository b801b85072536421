// Runs in: vitest (node). Putting one paragraph of an old version back: it replaces what stands
// in its place now, or returns where it stood.
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../article';
import { planBlockRestore } from './plan-block-restore';

const p = (text: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const doc = (...blocks: DocNode[]): DocNode => ({ type: 'doc', content: blocks });

describe('planBlockRestore', () => {
  it('a changed paragraph replaces the one in its place', () => {
    const version = doc(p('Lead.'), p('Taxes rise.'), p('End.'));
    const current = doc(p('Lead.'), p('Taxes fall.'), p('End.'));
    expect(planBlockRestore(current, version, 1)).toEqual({ index: 1, replace: true });
  });

  it('a deleted paragraph goes back where it stood', () => {
    const version = doc(p('Lead.'), p('Quote.'), p('End.'));
    const current = doc(p('Lead.'), p('End.'));
    expect(planBlockRestore(current, version, 1)).toEqual({ index: 1, replace: false });
  });

  it('finds its place after paragraphs added above it', () => {
    const version = doc(p('Lead.'), p('Old middle.'), p('End.'));
    const current = doc(p('New top.'), p('Another.'), p('Lead.'), p('New middle.'), p('End.'));
    expect(planBlockRestore(current, version, 1)).toEqual({ index: 3, replace: true });
  });

  it('a paragraph that is still there as it was needs nothing', () => {
    const version = doc(p('Lead.'), p('End.'));
    const current = doc(p('Lead.'), p('Added.'), p('End.'));
    expect(planBlockRestore(current, version, 0)).toBeNull();
    expect(planBlockRestore(current, version, 1)).toBeNull();
  });

  it('of several deleted paragraphs, those past what replaced them are inserted after it', () => {
    const version = doc(p('A'), p('B'), p('C'), p('D'));
    const current = doc(p('A'), p('X'), p('D'));
    expect(planBlockRestore(current, version, 1)).toEqual({ index: 1, replace: true });
    expect(planBlockRestore(current, version, 2)).toEqual({ index: 2, replace: false });
  });

  it('restores into an empty body and at the end', () => {
    expect(planBlockRestore(doc(), doc(p('Only.')), 0)).toEqual({ index: 0, replace: false });
    expect(planBlockRestore(doc(p('A')), doc(p('A'), p('Tail.')), 1)).toEqual({ index: 1, replace: false });
  });

  it('refuses an index outside the version', () => {
    const version = doc(p('A'));
    expect(planBlockRestore(doc(), version, 1)).toBeNull();
    expect(planBlockRestore(doc(), version, -1)).toBeNull();
    expect(planBlockRestore(doc(), version, 0.5)).toBeNull();
  });
});
