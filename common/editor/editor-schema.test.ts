// Runs in: vitest (node, no DOM). The editor schema is built headlessly from the editor's own
// extensions, and every body the project's fixtures hold is a document of it.
import { describe, expect, it } from 'vitest';
import { EMPTY_DOC, newArticle } from '../article';
import { fullArticle, makeArticle } from '../../tests/fixtures/sample-article';
import { bodySchemaProblem, editorArticleSchema, editorSchema } from './editor-schema';

describe('the editor schema, headless', () => {
  it('is built without a DOM and names exactly the nodes and marks the editor offers', () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    const schema = editorSchema();
    expect(Object.keys(schema.nodes).sort()).toEqual(
      ['blockquote', 'bulletList', 'doc', 'figure', 'hardBreak', 'heading', 'horizontalRule', 'listItem', 'orderedList', 'paragraph', 'text'].sort(),
    );
    expect(Object.keys(schema.marks).sort()).toEqual(['bold', 'italic', 'link', 'strike', 'suggestionDelete', 'suggestionFormat', 'suggestionInsert', 'underline']);
  });

  it('accepts the fixtures and a new article', () => {
    expect(bodySchemaProblem(EMPTY_DOC)).toBeNull();
    expect(bodySchemaProblem(fullArticle().body)).toBeNull();
    expect(bodySchemaProblem(makeArticle().body)).toBeNull();
    expect(editorArticleSchema.safeParse(newArticle('01hschema0000001', new Date().toISOString())).success).toBe(true);
  });

  it('refuses unknown nodes and marks, misplaced children and non-documents', () => {
    expect(bodySchemaProblem({ type: 'doc', content: [{ type: 'codeBlock' }] })).toContain('Unknown node type: codeBlock');
    expect(bodySchemaProblem({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'code' }] }] }] })).toContain('code');
    expect(bodySchemaProblem({ type: 'doc', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] })).toContain('Invalid content');
    expect(bodySchemaProblem({ type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'figure' }] }] })).toContain('Invalid content');
    expect(bodySchemaProblem({ type: 'paragraph' })).toContain('not a document');
    const parsed = editorArticleSchema.safeParse({ ...newArticle('01hschema0000002', new Date().toISOString()), body: { type: 'doc', content: [{ type: 'table' }] } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['body']);
    expect(parsed.error?.issues[0]?.message).toContain('Unknown node type: table');
  });
});
