// Runs in: tests (node). The editor's chunk loads after the library's first rows, in idle time: never before them.
import { describe, expect, it } from 'vitest';
import { createFakeApi } from '../../tests/support/fake-api';
import { createLibraryStore } from '../stores/library-store';
import { preloadWhenListed } from './preload-when-listed';

function deferredList() {
  let answer: () => void = () => undefined;
  const api = createFakeApi({
    'library.list': () => new Promise((resolve) => (answer = () => resolve({ items: [], matched: 0, indexing: 0, sections: [], tags: [], total: 0 }))),
  });
  return { api, answer: () => answer() };
}

describe('preloading the article screen', () => {
  it('waits for the first answer of the library, then loads once in idle time', async () => {
    const { api, answer } = deferredList();
    const library = createLibraryStore(api);
    const idle: (() => void)[] = [];
    let preloads = 0;
    preloadWhenListed(library, async () => void preloads++, (run) => idle.push(run));
    const asked = library.getState().refresh();
    expect(idle).toHaveLength(0);
    answer();
    await asked;
    expect(idle).toHaveLength(1);
    expect(preloads).toBe(0);
    idle[0]?.();
    expect(preloads).toBe(1);
    const again = library.getState().refresh();
    answer();
    await again;
    expect(idle).toHaveLength(1);
  });

  it('also goes ahead when the first question failed, and swallows its own failure', async () => {
    const api = createFakeApi({ 'library.list': () => Promise.reject(new Error('down')) });
    const library = createLibraryStore(api);
    const idle: (() => void)[] = [];
    preloadWhenListed(library, () => Promise.reject(new Error('chunk missing')), (run) => idle.push(run));
    await library.getState().refresh();
    expect(idle).toHaveLength(1);
    idle[0]?.();
  });
});
