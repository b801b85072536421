// @vitest-environment happy-dom
// Runs in: tests (happy-dom). The structure fitting itself, on documents built node by node (the
// test DOM's parser drops comments, which Chromium's keeps).
import { describe, expect, it } from 'vitest';
import { fitPastedStructure } from './fit-pasted-structure';

function pasted(build: (doc: Document, body: HTMLElement) => void): HTMLElement {
  const doc = document.implementation.createHTMLDocument('');
  build(doc, doc.body);
  fitPastedStructure(doc, doc.body);
  return doc.body;
}

describe('fitPastedStructure', () => {
  it('keeps a comment between words in the same line', () => {
    const body = pasted((doc, b) => {
      b.append(doc.createTextNode('Polls close '), doc.createComment(' '), doc.createTextNode(' at 8 pm'));
    });
    expect(body.children).toHaveLength(1);
    expect(body.children[0]!.tagName).toBe('P');
    expect(body.textContent).toBe('Polls close  at 8 pm');
  });

  it('leaves a link that wraps a block out of the line around it, and adds no empty paragraph for comments alone', () => {
    const body = pasted((doc, b) => {
      b.innerHTML = 'Before<a href="https://news.example/"><div>Card title</div></a>';
      b.append(doc.createComment('end'));
    });
    expect([...body.childNodes].map((n) => n.nodeName)).toEqual(['P', 'A', '#comment']);
    expect(body.querySelector('p')!.textContent).toBe('Before');
  });
});
