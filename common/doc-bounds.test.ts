// Runs in: vitest (node). The body limits let a real 100,000-word story with heavy formatting and
// 200 photos through with room to spare, and stop hostile bodies at the first limit reached.
import { describe, expect, it } from 'vitest';
import { BenchText } from '../tests/bench/bench-text';
import { articleSchema, newArticle, type DocNode } from './article';
import { DOC_LIMITS, docBoundsProblem } from './doc-bounds';

/** 100,000 words in 5,000 paragraphs, every fourth word bold, italic or linked, a heading every 50 paragraphs, 200 photos, a few nested lists. */
function heavyRealArticleBody(): DocNode {
  const text = new BenchText(7);
  const content: DocNode[] = [];
  for (let p = 0; p < 5_000; p++) {
    if (p % 50 === 0) content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: text.englishHeadline() }] });
    const words = text.englishParagraph(20).split(' ');
    const inline: DocNode[] = [];
    for (let w = 0; w < words.length; w += 4) {
      inline.push({ type: 'text', text: `${words.slice(w, w + 3).join(' ')} ` });
      const marks = [[{ type: 'bold' }], [{ type: 'italic' }], [{ type: 'link', attrs: { href: `https://news.example.com/story/${p}-${w}`, target: '_blank', rel: 'noopener' } }]][w % 3];
      if (words[w + 3]) inline.push({ type: 'text', text: `${words[w + 3]} `, marks });
    }
    content.push({ type: 'paragraph', content: inline });
    if (p % 25 === 0) {
      content.push({ type: 'figure', attrs: { mediaId: `${'a'.repeat(63)}${p % 10}.jpg`, alt: text.englishSentence(12), credit: 'City Press Office / Agency', lead: p === 0 }, content: [{ type: 'text', text: text.englishSentence(25) }] });
    }
    if (p % 100 === 0) {
      const item = (inner: DocNode[]): DocNode => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: text.englishSentence(10) }] }, ...inner] });
      let list: DocNode = { type: 'bulletList', content: [item([])] };
      for (let level = 0; level < 8; level++) list = { type: 'bulletList', content: [item([list])] };
      content.push(list);
    }
  }
  return { type: 'doc', content };
}

function measure(body: unknown): { values: number; depth: number; text: number } {
  let values = 0;
  let depth = 0;
  let text = 0;
  const walk = (value: unknown, level: number): void => {
    values++;
    depth = Math.max(depth, level);
    if (typeof value === 'string') text += value.length;
    else if (Array.isArray(value)) for (const v of value) walk(v, level + 1);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        walk(k, level + 1);
        walk(v, level + 1);
      }
    }
  };
  walk(body, 1);
  return { values, depth, text };
}

describe('article body limits', () => {
  it('let a heavily formatted 100,000-word story with 200 photos through, using at most a quarter of the parts and text and half the depth', () => {
    const body = heavyRealArticleBody();
    const words = JSON.stringify(body).match(/"text":"[^"]*"/g)?.join(' ').split(/\s+/).length ?? 0;
    expect(words).toBeGreaterThan(100_000);
    const used = measure(body);
    expect(docBoundsProblem(body)).toBeNull();
    expect(used.values).toBeLessThan(DOC_LIMITS.maxValues / 4);
    expect(used.depth).toBeLessThan(DOC_LIMITS.maxDepth / 2);
    expect(used.text).toBeLessThan(DOC_LIMITS.maxTextChars / 4);
    expect(articleSchema.safeParse({ ...newArticle('01hbounds00000001', new Date().toISOString()), body }).success).toBe(true);
  });

  it('refuse two million tiny text nodes by their count', () => {
    const content = Array.from({ length: 2_000_000 }, () => ({ type: 'text', text: 'a' }));
    const body = { type: 'doc', content: [{ type: 'paragraph', content }] };
    expect(docBoundsProblem(body)).toMatch(/more than 2,000,000 parts/);
    const parsed = articleSchema.safeParse({ ...newArticle('01hbounds00000002', new Date().toISOString()), body });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['body'], message: expect.stringMatching(/too large to be an article: it holds more than/) });
  });

  it('refuse a body nested deeper than any article, and one with too much text', () => {
    let deep: DocNode = { type: 'text', text: 'x' };
    for (let i = 0; i < 10_000; i++) deep = { type: 'blockquote', content: [deep] };
    expect(docBoundsProblem(deep)).toMatch(/nested more than 96 levels/);
    // Deep enough to overflow a recursive validator's stack: refused by the walk, not by a crash.
    expect(articleSchema.safeParse({ ...newArticle('01hbounds00000003', new Date().toISOString()), body: deep }).success).toBe(false);
    const long = { type: 'doc', content: [{ type: 'paragraph', attrs: { note: 'x'.repeat(DOC_LIMITS.maxTextChars) }, content: [{ type: 'text', text: 'x' }] }] };
    expect(docBoundsProblem(long)).toMatch(/characters of text/);
  });
});
