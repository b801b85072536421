// Runs in: tests (node). A reporter typing for a while gets a version kept without asking: the
// library keeps one once someone has been saving for a few minutes since the last one.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../../common/article';
import { AUTO_SNAPSHOT_AFTER_MS, LibraryStore } from './library-store';

const SECOND = 1000;
let root: string;
let store: LibraryStore;
let clock: number;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-autosave-'));
  clock = Date.parse('2026-12-07T09:00:00.000Z');
  store = new LibraryStore(root, { now: () => clock });
  await store.open();
});
afterEach(async () => {
  await store.close();
  await rm(root, { recursive: true, force: true });
});

/** Saves a new body the way the editor's autosave does, `afterMs` after the previous save. */
async function type(article: Article, text: string, afterMs: number, explicit = false): Promise<{ article: Article; snapshot: string | null }> {
  clock += afterMs;
  const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
  const saved = await store.save({ ...article, body }, { explicit, who: 'Li Wei' });
  return { article: { ...article, body, revision: saved.revision }, snapshot: saved.snapshot?.reason ?? null };
}

describe('automatic snapshots while editing', () => {
  it('keeps one after a few minutes of saves, then starts counting again', async () => {
    let article = await store.create();
    const reasons: (string | null)[] = [];
    // A save every 20 seconds for seven minutes.
    for (let i = 1; i <= 21; i++) {
      const step = await type(article, `Draft ${i}`, 20 * SECOND);
      article = step.article;
      reasons.push(step.snapshot);
    }
    const autosaves = reasons.filter((r) => r === 'autosave').length;
    // The first save starts the clock; one is kept at three minutes, another three minutes later.
    expect(autosaves).toBe(2);
    expect(reasons.indexOf('autosave')).toBe(AUTO_SNAPSHOT_AFTER_MS / (20 * SECOND));
    const list = (await store.listRevisions(article.id)).versions;
    expect(list.map((v) => v.reason)).toEqual(['autosave', 'autosave']);
  });

  it('an explicit save counts as a snapshot: the next automatic one comes after three more minutes of editing', async () => {
    let article = await store.create();
    article = (await type(article, 'One', 0)).article;
    const explicit = await type(article, 'Two', 2 * 60 * SECOND, true);
    expect(explicit.snapshot).toBe('explicit-save');
    article = explicit.article;
    const soon = await type(article, 'Three', 2 * 60 * SECOND);
    expect(soon.snapshot).toBeNull();
    const almost = await type(soon.article, 'Four', AUTO_SNAPSHOT_AFTER_MS - 1);
    expect(almost.snapshot).toBeNull();
    const later = await type(almost.article, 'Five', 1);
    expect(later.snapshot).toBe('autosave');
  });

  it('a single save after a long pause does not take a snapshot by itself', async () => {
    const article = await store.create();
    const first = await type(article, 'Hello', 60 * 60 * SECOND);
    expect(first.snapshot).toBeNull();
  });
});
