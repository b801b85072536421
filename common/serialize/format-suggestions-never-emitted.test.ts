// Runs in: vitest (node). A pending format suggestion (bold, italic, a link set or removed) is
// written as if rejected: the text keeps the formatting it had before; and a body whose snapshot of
// that formatting is malformed or names something other than formatting is refused by the schema.
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../article';
import { bodySchemaProblem } from '../editor/editor-schema';
import { pendingSuggestionCount, rejectPendingSuggestions } from '../editor/pending-suggestions';
import { articleToMarkdown } from './article-to-markdown';
import { bodyToGutenberg } from './body-to-gutenberg';
import { bodyToHtml } from './body-to-html';
import { makeArticle } from '../../tests/fixtures/sample-article';

const by = (id: string, before: unknown) => ({ id, authorId: 'desk-1', authorName: 'Desk Editor', at: '2026-12-07T00:00:00.000Z', before });
const link = (href: string) => ({ type: 'link', attrs: { href, target: null, rel: 'noopener noreferrer nofollow', title: null } });

// Proposed: "passed" from bold to italic; "here" made a link; "source" unlinked; 市长 made bold.
const body = (before: unknown = [{ type: 'bold' }]): DocNode => ({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Vote ' },
        { type: 'text', text: 'passed', marks: [{ type: 'italic' }, { type: 'suggestionFormat', attrs: by('f1', before) }] },
        { type: 'text', text: ', see ' },
        { type: 'text', text: 'here', marks: [link('https://a.example/'), { type: 'suggestionFormat', attrs: by('f2', []) }] },
        { type: 'text', text: ' and the ' },
        { type: 'text', text: 'source', marks: [{ type: 'suggestionFormat', attrs: by('f3', [link('https://b.example/')]) }] },
        { type: 'text', text: '.' },
      ],
    },
    { type: 'paragraph', content: [{ type: 'text', text: '市长', marks: [{ type: 'bold' }, { type: 'suggestionFormat', attrs: by('f4', []) }] }, { type: 'text', text: '说。' }] },
  ],
});

describe('format suggestions in published output', () => {
  it('are counted as pending, and the body is one the editor schema accepts', () => {
    expect(bodySchemaProblem(body())).toBeNull();
    expect(pendingSuggestionCount(body())).toBe(4);
  });

  it('body HTML has the formatting as it was before the suggestions', () => {
    const html = bodyToHtml(body(), { mediaSrc: (id) => id });
    expect(html).not.toMatch(/suggestion|Desk Editor|data-before|<em>|a\.example/);
    expect(html).toContain('Vote <strong>passed</strong>, see here and the <a href="https://b.example/"');
    expect(html).toContain('<p>市长说。</p>');
  });

  it('Gutenberg and Markdown too', () => {
    const blocks = bodyToGutenberg(body(), { media: () => null });
    expect(blocks).toContain('Vote <strong>passed</strong>, see here and the <a href="https://b.example/"');
    expect(blocks).not.toMatch(/suggestion|<em>|a\.example/);
    const md = articleToMarkdown(makeArticle({ body: body() }), { mediaSrc: (id) => id });
    expect(md).toContain('Vote **passed**, see here and the [source](https://b.example/).');
    expect(md).not.toMatch(/suggestion|a\.example|_passed_|\*passed\*[^*]/);
  });

  it('rejecting them all leaves plain marks only', () => {
    const plain = rejectPendingSuggestions(body());
    expect(JSON.stringify(plain)).not.toContain('suggestion');
    expect(bodySchemaProblem(plain)).toBeNull();
  });

  it('a snapshot that is not plain formatting is refused', () => {
    for (const before of [[{ type: 'figure' }], [link('javascript:alert(1)')], 'bold', [{ type: 'bold', attrs: { x: 1 } }], [{ type: 'bold' }, { type: 'bold' }]]) {
      expect(bodySchemaProblem(body(before)), JSON.stringify(before)).not.toBeNull();
    }
  });
});
