// Runs in: tests (node). The count above the list follows the search and filters; an empty library says how to start.
import { describe, expect, it } from 'vitest';
import { emptyListMessage, libraryCountLabel, type LibraryCountInput } from './library-count';

const NO_FILTER: LibraryCountInput['filter'] = { query: '', status: null, section: null, tag: null, trashed: false };

describe('library count', () => {
  it('an unfiltered library counts every article', () => {
    expect(libraryCountLabel({ trashed: false, filter: NO_FILTER, shown: 10_000, libraryTotal: 10_000 }, 'en')).toBe('10,000 articles');
  });

  it('a search that narrows 10,000 articles to 3 says so, in both languages', () => {
    const input = { trashed: false, filter: { ...NO_FILTER, query: 'budget' }, shown: 3, libraryTotal: 10_000 };
    expect(libraryCountLabel(input, 'en')).toBe('3 of 10,000 articles');
    expect(libraryCountLabel(input, 'zh-CN')).toBe('显示 3 篇，共 10,000 篇稿件');
  });

  it('a status, section or tag filter narrows the count too', () => {
    for (const patch of [{ status: 'draft' as const }, { section: 'City' }, { tag: 'weather' }]) {
      expect(libraryCountLabel({ trashed: false, filter: { ...NO_FILTER, ...patch }, shown: 2, libraryTotal: 5 }, 'en')).toBe('2 of 5 articles');
    }
  });

  it('the trash counts what is in the trash, not the library', () => {
    expect(libraryCountLabel({ trashed: true, filter: { ...NO_FILTER, trashed: true }, shown: 2, libraryTotal: 50 }, 'en')).toBe('2 articles in the trash');
    expect(libraryCountLabel({ trashed: true, filter: { ...NO_FILTER, trashed: true, query: 'x' }, shown: 1, libraryTotal: 50 }, 'en')).toBe(
      '1 matching article in the trash',
    );
  });
});

describe('empty list', () => {
  it('an empty library says how to start, not that nothing matches', () => {
    expect(emptyListMessage({ trashed: false, filter: NO_FILTER, libraryTotal: 0 })).toEqual({ title: 'library.emptyTitle', hint: 'library.emptyHint' });
  });

  it('a search that finds nothing says nothing matches', () => {
    expect(emptyListMessage({ trashed: false, filter: { ...NO_FILTER, query: 'zzz' }, libraryTotal: 4 })).toEqual({ title: 'library.noMatch', hint: 'library.noMatchHint' });
  });

  it('an empty trash says the trash is empty', () => {
    expect(emptyListMessage({ trashed: true, filter: { ...NO_FILTER, trashed: true }, libraryTotal: 4 })).toEqual({ title: 'trash.empty', hint: null });
  });
});
