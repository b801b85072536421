// Runs in: tests. Articles, targets and outbox jobs as the publishing UI receives them.
import { newArticle, type Article } from '../../common/article';
import type { OutboxJob } from '../../common/publish/publish-job';
import type { TargetView } from '../../common/publish/publish-target-config';

export const ARTICLE_ID = 'art0000000001';
export const PHOTO_ID = `${'a'.repeat(64)}.jpg`;

/** A complete article: every checklist item passes except those the test breaks on purpose. */
export function completeArticle(patch: Partial<Article> = {}, meta: Partial<Article['meta']> = {}): Article {
  const base = newArticle(ARTICLE_ID, '2026-11-25T09:00:00.000Z');
  return {
    ...base,
    headline: 'Flood closes bridge',
    summary: 'The river rose overnight.',
    body: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'The old bridge is closed.' }] },
        { type: 'figure', attrs: { mediaId: PHOTO_ID, alt: 'Water over the bridge deck', credit: 'Zhang Min', lead: true }, content: [{ type: 'text', text: 'The bridge at dawn.' }] },
      ],
    },
    ...patch,
    meta: { ...base.meta, slug: 'flood-closes-bridge', section: 'City', tags: ['flood'], bylines: [{ name: 'Li Wei', role: '' }], ...meta },
  };
}

export const folderTarget: TargetView = {
  config: { kind: 'folder', id: 't-folder0001', name: 'Local folder', path: '' },
  hasSecret: false,
  isDefault: false,
};

export const wordpressTarget: TargetView = {
  config: { kind: 'wordpress', id: 't-wordpress1', name: 'News site', siteUrl: 'https://news.example.com', username: 'editor', defaultCategory: '' },
  hasSecret: true,
  isDefault: true,
};

export function outboxJob(patch: Partial<OutboxJob> = {}): OutboxJob {
  return {
    id: 'job0000000001',
    articleId: ARTICLE_ID,
    targetId: wordpressTarget.config.id,
    targetKind: 'wordpress',
    targetName: 'News site',
    headline: 'Flood closes bridge',
    articleRevision: 1,
    options: { status: 'published', scheduledAt: null, overriddenWarnings: [] },
    state: 'queued',
    createdAt: '2026-11-25T09:05:00.000Z',
    updatedAt: '2026-11-25T09:05:00.000Z',
    attempts: 0,
    nextAttemptAt: null,
    progress: { step: 'queued', mediaDone: 0, mediaTotal: 0 },
    lastError: null,
    conflict: null,
    result: null,
    skipped: null,
    resnapshot: null,
    ...patch,
  };
}

export function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
