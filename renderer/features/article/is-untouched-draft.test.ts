// Runs in: tests (node). Only a draft exactly as "New article" made it counts as untouched: any
// text, photo, metadata or save keeps it.
import { describe, expect, it } from 'vitest';
import { newArticle, type Article } from '../../../common/article';
import { isUntouchedDraft } from './is-untouched-draft';

const fresh = (): Article => newArticle('art0000000009', '2026-11-25T09:00:00.000Z', 'zh-CN');

describe('untouched draft', () => {
  it('a draft as New article made it is untouched, in any language', () => {
    expect(isUntouchedDraft(fresh())).toBe(true);
    expect(isUntouchedDraft(newArticle('art0000000009', '2026-11-25T09:00:00.000Z'))).toBe(true);
  });

  it('a draft with no blocks at all is untouched too', () => {
    expect(isUntouchedDraft({ ...fresh(), body: { type: 'doc', content: [] } })).toBe(true);
  });

  const touched: [string, (a: Article) => Article][] = [
    ['a headline', (a) => ({ ...a, headline: 'Flood' })],
    ['a space in the headline', (a) => ({ ...a, headline: ' ' })],
    ['a subheadline', (a) => ({ ...a, subheadline: 'x' })],
    ['a summary', (a) => ({ ...a, summary: 'x' })],
    ['body text', (a) => ({ ...a, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] } })],
    ['a second empty paragraph', (a) => ({ ...a, body: { type: 'doc', content: [{ type: 'paragraph' }, { type: 'paragraph' }] } })],
    ['a heading instead of a paragraph', (a) => ({ ...a, body: { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 } }] } })],
    ['a photo', (a) => ({ ...a, body: { type: 'doc', content: [{ type: 'figure', attrs: { mediaId: 'ab'.repeat(32) + '.jpg' } }] } })],
    ['a tag', (a) => ({ ...a, meta: { ...a.meta, tags: ['flood'] } })],
    ['a section', (a) => ({ ...a, meta: { ...a.meta, section: 'City' } })],
    ['a byline', (a) => ({ ...a, meta: { ...a.meta, bylines: [{ name: 'Li Na', role: '' }] } })],
    ['a planned time', (a) => ({ ...a, meta: { ...a.meta, plannedAt: '2026-11-26T09:00:00+08:00' } })],
    ["an editor's note", (a) => ({ ...a, meta: { ...a.meta, editorsNote: 'x' } })],
    ['a saved revision', (a) => ({ ...a, revision: 1 })],
    ['another status', (a) => ({ ...a, status: 'submitted' })],
  ];
  it.each(touched)('a draft with %s is kept', (_, change) => {
    expect(isUntouchedDraft(change(fresh()))).toBe(false);
  });
});
