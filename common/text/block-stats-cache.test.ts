// Runs in: vitest (node). The live word count recounts only the paragraph the reporter typed in.
import { getSchema } from '@tiptap/core';
import { Node as PmNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it, vi } from 'vitest';
import { createEditorExtensions } from '../editor/editor-extensions';
import { BlockStatsCache } from './block-stats-cache';
import { textStats } from './text-stats';

const schema = getSchema(createEditorExtensions());

function paragraph(text: string) {
  return { type: 'paragraph', content: [{ type: 'text', text }] };
}

function docOf(...blocks: object[]): PmNode {
  return PmNode.fromJSON(schema, { type: 'doc', content: blocks });
}

describe('BlockStatsCache', () => {
  it('sums the statistics of every top-level block', () => {
    const doc = docOf(paragraph('One two three.'), paragraph('新华社北京电'), {
      type: 'bulletList',
      content: [{ type: 'listItem', content: [paragraph('four')] }, { type: 'listItem', content: [paragraph('five')] }],
    });
    expect(new BlockStatsCache().statsOf(doc)).toEqual({ words: 5, cjkChars: 6, readingMinutes: 1 });
  });

  it('recounts only the block the reporter edited', () => {
    const count = vi.fn(textStats);
    const cache = new BlockStatsCache(count);
    const state = EditorState.create({ doc: docOf(paragraph('alpha beta'), paragraph('gamma'), paragraph('delta')) });
    expect(cache.statsOf(state.doc).words).toBe(4);
    expect(count).toHaveBeenCalledTimes(3);

    // Type " epsilon" at the end of the second paragraph: the first one spans positions 0-12.
    const secondEnd = 12 + 1 + 'gamma'.length;
    const edited = state.apply(state.tr.insertText(' epsilon', secondEnd)).doc;
    count.mockClear();
    expect(cache.statsOf(edited).words).toBe(5);
    expect(count).toHaveBeenCalledTimes(1);
    expect(count).toHaveBeenCalledWith('gamma epsilon');
    expect(edited.childCount).toBe(3);
  });

  it('keeps words on both sides of a hard break apart', () => {
    const doc = docOf({ type: 'paragraph', content: [{ type: 'text', text: 'foo' }, { type: 'hardBreak' }, { type: 'text', text: 'bar' }] });
    expect(new BlockStatsCache().statsOf(doc).words).toBe(2);
  });

  it('works on any object with forEach and textContent, without ProseMirror', () => {
    const blocks = [{ textContent: 'plain words here' }, { textContent: '中文' }];
    const doc = { forEach: (cb: (child: { textContent: string }) => void) => blocks.forEach((b) => cb(b)) };
    expect(new BlockStatsCache().statsOf(doc)).toEqual({ words: 3, cjkChars: 2, readingMinutes: 1 });
  });

  it('reports zero minutes for an empty document', () => {
    expect(new BlockStatsCache().statsOf(docOf({ type: 'paragraph' }))).toEqual({ words: 0, cjkChars: 0, readingMinutes: 0 });
  });
});
