// Runs in: vitest (Node). Open Recent keeps the ten stories last opened, once each, and forgets trashed ones.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { addRecentArticle, articleIdFromRecentPath, MAX_RECENT_ARTICLES, parseRecentArticles, recentDocumentPath, removeRecentArticles } from './recent-articles';

const id = (n: number): string => `article${String(n).padStart(6, '0')}`;

describe('recent articles', () => {
  it('puts the story just opened first, once, with its newest title', () => {
    let list = addRecentArticle([], { id: id(1), title: 'Flood' });
    list = addRecentArticle(list, { id: id(2), title: 'Budget' });
    list = addRecentArticle(list, { id: id(1), title: 'Flood: the river rises' });
    expect(list).toEqual([
      { id: id(1), title: 'Flood: the river rises' },
      { id: id(2), title: 'Budget' },
    ]);
  });

  it('keeps only the newest ten', () => {
    let list: ReturnType<typeof addRecentArticle> = [];
    for (let n = 0; n < 25; n += 1) list = addRecentArticle(list, { id: id(n), title: `Story ${n}` });
    expect(list).toHaveLength(MAX_RECENT_ARTICLES);
    expect(list[0]?.id).toBe(id(24));
    expect(list.at(-1)?.id).toBe(id(15));
  });

  it('ignores ids that are not article ids and shortens long titles', () => {
    expect(addRecentArticle([], { id: '../../etc', title: 'x' })).toEqual([]);
    expect(addRecentArticle([], { id: id(1), title: `  ${'长'.repeat(500)}  ` })[0]?.title).toHaveLength(120);
  });

  it('forgets trashed stories', () => {
    const list = [1, 2, 3].reduce((acc, n) => addRecentArticle(acc, { id: id(n), title: `S${n}` }), [] as ReturnType<typeof addRecentArticle>);
    expect(removeRecentArticles(list, [id(2), id(9)]).map((item) => item.id)).toEqual([id(3), id(1)]);
  });

  it('reads back only a well-formed list, deduplicated and bounded', () => {
    expect(parseRecentArticles('nonsense')).toEqual([]);
    expect(parseRecentArticles([{ id: 'bad', title: 'x' }])).toEqual([]);
    const stored = [
      { id: id(1), title: 'A', extra: true },
      { id: id(1), title: 'A again' },
      ...Array.from({ length: 20 }, (_, n) => ({ id: id(n + 2), title: `S${n}` })),
    ];
    const list = parseRecentArticles(stored);
    expect(list).toHaveLength(MAX_RECENT_ARTICLES);
    expect(list[0]).toEqual({ id: id(1), title: 'A' });
    expect(new Set(list.map((item) => item.id)).size).toBe(list.length);
  });

  it('maps a recent document back to its article only inside the library', () => {
    const root = join('/data', 'library');
    expect(articleIdFromRecentPath(root, recentDocumentPath(root, id(1)))).toBe(id(1));
    expect(articleIdFromRecentPath(root, join('/elsewhere', 'articles', id(1), 'article.json'))).toBeNull();
    expect(articleIdFromRecentPath(root, join(root, 'articles', id(1), 'review.json'))).toBeNull();
    expect(articleIdFromRecentPath(root, join(root, 'articles', 'BAD..ID', 'article.json'))).toBeNull();
    expect(articleIdFromRecentPath(root, join(root, 'articles', id(1), '..', id(2), 'article.json'))).toBe(id(2));
  });
});
