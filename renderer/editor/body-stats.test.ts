// Runs in: tests (node). Live counts: only the paragraph being edited is counted again.
import { Editor } from '@tiptap/core';
import { describe, expect, it, vi } from 'vitest';
import { createEditorExtensions } from '../../common/editor/editor-extensions';
import { BlockStatsCache } from '../../common/text/block-stats-cache';
import { textStats } from '../../common/text/text-stats';
import { EditableFigure } from './editable-figure';

function paragraph(text: string) {
  return { type: 'paragraph', content: [{ type: 'text', text }] };
}

describe('live word and character counts', () => {
  it('reporter types in one paragraph and only that paragraph is counted again', () => {
    const editor = new Editor({
      extensions: createEditorExtensions({ figure: EditableFigure }),
      content: {
        type: 'doc',
        content: [paragraph('The river rose overnight.'), paragraph('北京今天下雨。'), paragraph('Schools are closed.')],
      },
    });
    const count = vi.fn(textStats);
    const cache = new BlockStatsCache(count);

    expect(cache.statsOf(editor.state.doc)).toEqual({ words: 7, cjkChars: 6, readingMinutes: 1 });
    expect(count).toHaveBeenCalledTimes(3);

    // Type at the end of the Chinese paragraph.
    const endOfSecond = editor.state.doc.child(0).nodeSize + editor.state.doc.child(1).nodeSize - 1;
    editor.commands.insertContentAt(endOfSecond, { type: 'text', text: '大雨' });
    expect(cache.statsOf(editor.state.doc)).toEqual({ words: 7, cjkChars: 8, readingMinutes: 1 });
    expect(count).toHaveBeenCalledTimes(4);
    expect(count).toHaveBeenLastCalledWith('北京今天下雨。大雨');

    // A selection change alone counts nothing again.
    editor.commands.setTextSelection(2);
    cache.statsOf(editor.state.doc);
    expect(count).toHaveBeenCalledTimes(4);
    editor.destroy();
  });
});
