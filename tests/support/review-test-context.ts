// Runs in: vitest (node). A review context for testing the review service's parts one at a time: a
// real record store and folder hub in a temporary folder, an in-memory library, a profile the test
// sets, and a hub that can be unplugged.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { afterEach, beforeEach } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../common/app-error';
import type { Article, ArticleStatus } from '../../common/article';
import type { NewsroomProfile } from '../../common/workflow/newsroom-profile';
import { consoleLogger } from '../../electron/services/log/logger';
import { FolderHub } from '../../electron/services/review/folder-hub';
import type { ReviewContext } from '../../electron/services/review/review-context';
import type { ReviewHub } from '../../electron/services/review/review-hub';
import { ReviewRecordStore } from '../../electron/services/review/review-record-store';
import { KeyedQueue } from '../../electron/services/store/keyed-queue';
import { makeArticle } from '../fixtures/sample-article';

export const REPORTER: NewsroomProfile = { name: 'Li Na', role: 'reporter' };
export const EDITOR: NewsroomProfile = { name: 'Sam Editor', role: 'editor' };

export interface ReviewTestContext {
  ctx: ReviewContext;
  /** Puts an article in the library (draft unless said otherwise). */
  add(overrides?: Partial<Article>): Article;
  article(id: string): Article;
  setProfile(profile: NewsroomProfile | null): void;
  /** While unplugged, every hub call fails as an unreachable share does. */
  unplug(unplugged: boolean): void;
  /** Articles whose status changed, in order (the onChange calls). */
  changed: string[];
  spiked: string[];
  remove(): Promise<void>;
}

export async function reviewTestContext(): Promise<ReviewTestContext> {
  const root = await mkdtemp(join(tmpdir(), 'dateline-review-part-'));
  await mkdir(join(root, 'hub'));
  const folder = new FolderHub({ root: join(root, 'hub'), media: { read: async () => new Uint8Array(), import: async () => ({}) as never }, log: () => undefined });
  let unplugged = false;
  const plugged = <T>(call: () => Promise<T>): Promise<T> =>
    unplugged ? Promise.reject(new AppError('not-found', 'The review hub folder cannot be reached', { unreachable: true })) : call();
  const hub: ReviewHub = {
    kind: folder.kind,
    location: folder.location,
    submit: (article, options) => plugged(() => folder.submit(article, options)),
    update: (id, options) => plugged(() => folder.update(id, options)),
    list: (filter) => plugged(() => folder.list(filter)),
    open: (id) => plugged(() => folder.open(id)),
    currentRevision: (id) => plugged(() => folder.currentRevision(id)),
  };
  const articles = new Map<string, Article>();
  let profile: NewsroomProfile | null = REPORTER;
  let ids = 0;
  let clock = Date.parse('2026-12-06T09:00:00.000Z');
  const changed: string[] = [];
  const spiked: string[] = [];
  const found = (id: string): Article => {
    const article = articles.get(id);
    if (!article) throw new AppError('not-found', `no article ${id}`);
    return article;
  };
  const ctx: ReviewContext = {
    library: {
      get: async (id) => found(id),
      setStatus: async (id, status: ArticleStatus) => {
        const next = { ...found(id), status };
        articles.set(id, next);
        return next;
      },
      importVersion: async (article) => {
        const next = { ...article, revision: (articles.get(article.id)?.revision ?? 0) + 1 };
        articles.set(article.id, next);
        return next;
      },
    },
    records: new ReviewRecordStore(join(root, 'library')),
    profile: async () => profile,
    hub: async () => hub,
    onChange: (id) => void changed.push(id),
    onSpiked: async (id) => void spiked.push(id),
    newId: () => `0000000000000000000000${String(++ids).padStart(4, '0')}`,
    now: () => new Date((clock += 1_000)).toISOString(),
    queue: new KeyedQueue(),
    logger: { ...consoleLogger, warn: () => undefined },
  };
  let articleIds = 0;
  return {
    ctx,
    add: (overrides = {}) => {
      const article = makeArticle({ id: `01jc00000000000000000000${String(++articleIds).padStart(2, '0')}`, headline: 'Harbour reopens', ...overrides });
      articles.set(article.id, article);
      return article;
    },
    article: found,
    setProfile: (next) => (profile = next),
    unplug: (next) => (unplugged = next),
    changed,
    spiked,
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** A fresh context for each test of the file; call the returned function inside a test. */
export function reviewTestContextPerTest(): () => ReviewTestContext {
  let current: ReviewTestContext | null = null;
  beforeEach(async () => {
    current = await reviewTestContext();
  });
  afterEach(async () => {
    await current?.remove();
    current = null;
  });
  return () => {
    if (current === null) throw new Error('The review test context exists only inside a test.');
    return current;
  };
}
