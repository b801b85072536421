// Runs in: tests (node). The empty-body check behind the placeholder.
import { Editor } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { createEditorExtensions } from '../../common/editor/editor-extensions';
import { isEmptyBody } from './is-empty-body';

function docOf(content: object[]) {
  const editor = new Editor({ extensions: createEditorExtensions(), content: { type: 'doc', content } });
  const doc = editor.state.doc;
  editor.destroy();
  return doc;
}

describe('isEmptyBody', () => {
  it('is true for a new article body: one empty paragraph', () => {
    expect(isEmptyBody(docOf([{ type: 'paragraph' }]))).toBe(true);
  });

  it('is false once anything is written, in any language', () => {
    expect(isEmptyBody(docOf([{ type: 'paragraph', content: [{ type: 'text', text: '据' }] }]))).toBe(false);
    expect(isEmptyBody(docOf([{ type: 'paragraph' }, { type: 'paragraph' }]))).toBe(false);
    expect(isEmptyBody(docOf([{ type: 'heading', attrs: { level: 2 } }]))).toBe(false);
  });
});
