// An editor narrows the library to one desk's stories, one tag, or a search, and trash stays apart.
import { describe, expect, it, vi } from 'vitest';
import type { ArticleSummary } from '../../../common/article';
import { listFilterSchema } from '../../../common/contract';
import { librarySnapshot, queryLibrary, searchPageFor } from './query-library';

const summary = (id: string, over: Partial<ArticleSummary>): ArticleSummary => ({
  id,
  headline: id,
  status: 'draft',
  section: '',
  tags: [],
  bylines: [],
  language: 'en',
  updatedAt: '2026-11-01T00:00:00.000Z',
  createdAt: '2026-11-01T00:00:00.000Z',
  trashedAt: null,
  ...over,
});

const library = [
  summary('a000000001', { section: 'City', tags: ['Budget'], updatedAt: '2026-11-03T00:00:00.000Z' }),
  summary('a000000002', { section: '国际', tags: ['气候'], status: 'submitted', updatedAt: '2026-11-04T00:00:00.000Z' }),
  summary('a000000003', { section: 'City', tags: ['transport'], updatedAt: '2026-11-02T00:00:00.000Z' }),
  summary('a000000004', { section: 'Sport', tags: ['budget'], trashedAt: '2026-11-05T00:00:00.000Z' }),
];

// The store lists newest change first; the snapshot keeps that order.
const snapshot = librarySnapshot([...library].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1)));

describe('queryLibrary', () => {
  it('lists live articles newest first, with the sections and tags to filter by', () => {
    const result = queryLibrary(snapshot, listFilterSchema.parse({}), null);
    expect(result.items.map((s) => s.id)).toEqual(['a000000002', 'a000000001', 'a000000003']);
    expect(result.sections).toEqual(['City', '国际'].sort((a, b) => a.localeCompare(b)));
    expect(result.tags).toContain('气候');
    expect(result.tags).not.toContain('budget');
    expect(result.total).toBe(3);
  });

  it('filters by section, status and tag (tags case-insensitively)', () => {
    expect(queryLibrary(snapshot, listFilterSchema.parse({ section: 'City' }), null).items.map((s) => s.id)).toEqual(['a000000001', 'a000000003']);
    expect(queryLibrary(snapshot, listFilterSchema.parse({ status: 'submitted' }), null).items.map((s) => s.id)).toEqual(['a000000002']);
    expect(queryLibrary(snapshot, listFilterSchema.parse({ tag: 'budget' }), null).items.map((s) => s.id)).toEqual(['a000000001']);
  });

  it('keeps search relevance order and applies filters to hits', () => {
    const hits = ['a000000003', 'a000000004', 'a000000001'];
    expect(queryLibrary(snapshot, listFilterSchema.parse({ query: 'x' }), hits).items.map((s) => s.id)).toEqual(['a000000003', 'a000000001']);
    expect(queryLibrary(snapshot, listFilterSchema.parse({ query: 'x', trashed: true }), hits).items.map((s) => s.id)).toEqual(['a000000004']);
  });

  it('shows only trashed articles in the trash', () => {
    expect(queryLibrary(snapshot, listFilterSchema.parse({ trashed: true }), null).items.map((s) => s.id)).toEqual(['a000000004']);
  });

  it('returns one page of the matches, and counts every match', () => {
    const hits = ['a000000003', 'a000000004', 'a000000001', 'a000000002'];
    const first = queryLibrary(snapshot, listFilterSchema.parse({ query: 'x', limit: 2 }), hits);
    expect(first.items.map((s) => s.id)).toEqual(['a000000003', 'a000000001']);
    expect(first.matched).toBe(3);
    const second = queryLibrary(snapshot, listFilterSchema.parse({ query: 'x', offset: 2, limit: 2 }), hits);
    expect(second.items.map((s) => s.id)).toEqual(['a000000002']);
    expect(second.matched).toBe(3);
    expect(queryLibrary(snapshot, listFilterSchema.parse({ offset: 1 }), null)).toMatchObject({ matched: 3, total: 3 });
    expect(queryLibrary(snapshot, listFilterSchema.parse({ offset: 1 }), null).items.map((s) => s.id)).toEqual(['a000000001', 'a000000003']);
  });

  it('refuses paging input out of bounds', () => {
    expect(listFilterSchema.safeParse({ limit: 0 }).success).toBe(false);
    expect(listFilterSchema.safeParse({ limit: 10_001 }).success).toBe(false);
    expect(listFilterSchema.safeParse({ offset: -1 }).success).toBe(false);
  });

  it('filters the summaries once per snapshot and filter: the next page and the next list are slices', () => {
    const kept = librarySnapshot([...library].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1)));
    const filtering = vi.spyOn(kept.summaries as ArticleSummary[], 'filter');
    const first = queryLibrary(kept, listFilterSchema.parse({ limit: 2 }), null);
    const next = queryLibrary(kept, listFilterSchema.parse({ offset: 2, limit: 2 }), null);
    const again = queryLibrary(kept, listFilterSchema.parse({}), null);
    expect([...first.items, ...next.items].map((s) => s.id)).toEqual(['a000000002', 'a000000001', 'a000000003']);
    expect(again.items.map((s) => s.id)).toEqual(['a000000002', 'a000000001', 'a000000003']);
    expect(filtering).toHaveBeenCalledTimes(1);
    // Another filter is filtered once too; what is handed out is a copy.
    queryLibrary(kept, listFilterSchema.parse({ trashed: true }), null);
    again.items.length = 0;
    expect(queryLibrary(kept, listFilterSchema.parse({}), null).items).toHaveLength(3);
    expect(filtering).toHaveBeenCalledTimes(2);
  });

  it('asks the index for only a page of a search of the plain list, and counts what the index counted', () => {
    expect(searchPageFor(snapshot, listFilterSchema.parse({ query: 'x', offset: 20, limit: 10 }))).toEqual({ limit: 30, exclude: ['a000000004'] });
    for (const other of [{ status: 'draft' }, { section: 'City' }, { tag: 'budget' }, { trashed: true }, { limit: null }]) {
      expect(searchPageFor(snapshot, listFilterSchema.parse({ query: 'x', limit: 10, ...other }))).toBeNull();
    }
    // The index answered the first two ids of the page and counted 7 matches in all.
    const result = queryLibrary(snapshot, listFilterSchema.parse({ query: 'x', offset: 1, limit: 1 }), ['a000000003', 'a000000001'], 7);
    expect(result.items.map((s) => s.id)).toEqual(['a000000001']);
    expect(result.matched).toBe(7);
  });
});
