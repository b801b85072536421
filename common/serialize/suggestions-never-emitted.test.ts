// Runs in: vitest (node). Pending suggestions never leave the editor: every serializer writes the
// body as if each pending suggestion were rejected (proposed insertions dropped, proposed deletions
// kept as plain text) and no output carries a suggestion mark or its author.
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../article';
import { makeArticle } from '../../tests/fixtures/sample-article';
import { doc, paragraph, run, suggestion, type SuggestionAuthor } from '../../tests/fixtures/suggestion-runs';
import { bodySchemaProblem } from '../editor/editor-schema';
import { rejectPendingSuggestions } from '../editor/pending-suggestions';
import { articleToHtmlPage } from './article-to-html-page';
import { articleToMarkdown } from './article-to-markdown';
import { articleToNinjs } from './article-to-ninjs';
import { bodyToGutenberg } from './body-to-gutenberg';
import { bodyToHtml } from './body-to-html';

const DESK: SuggestionAuthor = { authorId: 'desk-1', authorName: 'Desk Editor', at: '2026-12-07T00:00:00.000Z' };

// "The cat sat." with "cat" proposed for deletion and "dog" proposed in its place; 市长 proposed as an insertion.
const body = doc(
  paragraph(run('The '), run('cat', { type: 'bold' }, suggestion('suggestionDelete', 's1', DESK)), run('dog', suggestion('suggestionInsert', 's2', DESK)), run(' sat.')),
  paragraph(run('市长', suggestion('suggestionInsert', 's3', DESK)), run('说。')),
);

const article = makeArticle({ body });

function expectClean(out: string): void {
  expect(out).not.toMatch(/suggestion|data-author|Desk Editor|<ins|<del/i);
  expect(out).not.toContain('dog');
  expect(out).not.toContain('市长');
  expect(out).toContain('说。');
}

describe('serializers and pending suggestions', () => {
  it('the body with suggestions is one the editor schema accepts', () => {
    expect(bodySchemaProblem(body)).toBeNull();
  });

  it('body HTML keeps deleted text plain and drops proposed insertions', () => {
    const html = bodyToHtml(body, { mediaSrc: (id) => id });
    expectClean(html);
    expect(html).toContain('<p>The <strong>cat</strong> sat.</p>');
  });

  it('Gutenberg blocks', () => {
    const out = bodyToGutenberg(body, { media: () => null });
    expectClean(out);
    expect(out).toContain('The <strong>cat</strong> sat.');
  });

  it('the standalone HTML page', () => {
    const out = articleToHtmlPage(article, { mediaSrc: (id) => id });
    expectClean(out);
    expect(out).toContain('The <strong>cat</strong> sat.');
  });

  it('Markdown', () => {
    const out = articleToMarkdown(article, { mediaSrc: (id) => id });
    expectClean(out);
    expect(out).toContain('The **cat** sat.');
  });

  it('ninjs, both the HTML and the plain-text body', () => {
    const out = JSON.stringify(articleToNinjs(article, { uri: 'urn:x', versionCreated: '2026-12-07T00:00:00Z', media: [] }));
    expectClean(out);
    expect(out).toContain('The cat sat.');
  });

  it('a suggested paragraph is not written at all, not even as a blank line; a body keeps one block', () => {
    const added = doc(paragraph(run('Kept.')), paragraph(run('Proposed ', suggestion('suggestionInsert', 's4', DESK)), run('paragraph.', suggestion('suggestionInsert', 's5', DESK))));
    expect(bodyToHtml(added, { mediaSrc: (id) => id })).toBe('<p>Kept.</p>');
    expect(rejectPendingSuggestions(added)).toEqual(doc(paragraph(run('Kept.'))));
    const onlyProposed = doc(paragraph(run('Proposed.', suggestion('suggestionInsert', 's6', DESK))));
    expect(rejectPendingSuggestions(onlyProposed).content).toHaveLength(1);
    expect(bodySchemaProblem(rejectPendingSuggestions(onlyProposed))).toBeNull();
  });

  it('a proposed list or quote is not written at all, and what is left is a valid body', () => {
    const item = (...runs: DocNode[]): DocNode => ({ type: 'listItem', content: [paragraph(...runs)] });
    const proposed = (value: string, id: string) => run(value, suggestion('suggestionInsert', id, DESK));
    const body = doc(paragraph(run('Before.')), { type: 'bulletList', content: [item(proposed('One', 'l1')), item(proposed('Two', 'l2'))] }, { type: 'blockquote', content: [paragraph(proposed('Quoted.', 'q1'))] }, paragraph(run('After.')));
    const rejected = rejectPendingSuggestions(body);
    expect(rejected).toEqual(doc(paragraph(run('Before.')), paragraph(run('After.'))));
    expect(articleToMarkdown(makeArticle({ body }), { mediaSrc: (id) => id })).not.toMatch(/^\s*[-*>]\s*$/m);
    // Nested: an item keeps its paragraph, and a list that loses every item keeps an empty one.
    const nested = doc({ type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(run('Kept.')), { type: 'orderedList', content: [item(proposed('Gone', 'n1'))] }] }] });
    expect(bodySchemaProblem(rejectPendingSuggestions(nested))).toBeNull();
    expect(rejectPendingSuggestions(nested)).toEqual(doc({ type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(run('Kept.'))] }] }));
  });

  it('a body without suggestions is passed through untouched', async () => {
    const { rejectPendingSuggestions } = await import('../editor/pending-suggestions');
    const plain: DocNode = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] };
    expect(rejectPendingSuggestions(plain)).toBe(plain);
  });
});
