// Runs in: vitest (node). The publishing service as the renderer uses it: a fresh install can
// publish to its default folder at once; the checklist stops an incomplete story; passwords go to
// the secret store, never to targets.json; and what went live is listed per article.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../../common/article';
import { AppError } from '../../../common/app-error';
import { publishChecklist } from '../../../common/publish/publish-checklist';
import type { PublishOptions } from '../../../common/publish/publish-job';
import type { WordpressTargetConfig } from '../../../common/publish/publish-target-config';
import { makeArticle, paragraph, text } from '../../../tests/fixtures/sample-article';
import { createFileSecretStore } from './file-secret-store';
import { FileMediaRegistry } from './media-registry';
import { PendingRemoteStore } from './pending-remote-store';
import { createPublishingService, type PublishingService } from './publishing-service';

let dir: string;
let service: PublishingService;
const articles = new Map<string, Article>();

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dateline-publishing-'));
  articles.clear();
  service = await createPublishingService({
    dataDir: dir,
    libraryRoot: join(dir, 'library'),
    documentsDir: join(dir, 'Documents'),
    secrets: createFileSecretStore(join(dir, 'secrets.json')),
    store: {
      get: async (id) => {
        const found = articles.get(id);
        if (!found) throw new AppError('not-found', `no article ${id}`);
        return found;
      },
    },
    media: {
      read: async () => {
        throw new AppError('not-found', 'no photos in this test');
      },
      info: async () => {
        throw new AppError('not-found', 'no photos in this test');
      },
    },
    pollMs: 0,
  });
});
afterEach(async () => {
  await service.close();
  await rm(dir, { recursive: true, force: true });
});

function story(): Article {
  const article = makeArticle({
    headline: 'Harbour reopens',
    summary: 'Ships move again.',
    meta: { section: 'World', tags: ['shipping'], slug: 'harbour-reopens', bylines: [{ name: 'Jane Roe', role: '' }] },
    body: { type: 'doc', content: [paragraph(text('Ships are moving again.'))] },
  });
  articles.set(article.id, article);
  return article;
}

function acceptingWarnings(article: Article): PublishOptions {
  const options: PublishOptions = { status: 'published', scheduledAt: null, overriddenWarnings: [] };
  const warnings = publishChecklist(article, { kind: 'folder', id: 'published-folder', name: 'x', path: '' }, options, new Date()).map((i) => i.id);
  return { ...options, overriddenWarnings: warnings };
}

describe('Publishing service', () => {
  it('publishes out of the box to the default "Published folder" and lists where the story went', async () => {
    const targets = await service.handlers['targets.list']({});
    expect(targets).toEqual([{ config: { kind: 'folder', id: 'published-folder', name: 'Published folder', path: '' }, hasSecret: false, isDefault: true }]);

    const article = story();
    const job = await service.handlers['publish.start']({ articleId: article.id, targetId: 'published-folder', options: acceptingWarnings(article) });
    await service.outbox.whenIdle();
    const done = await service.handlers['outbox.get']({ jobId: job.id });
    expect(done.state).toBe('done');
    const records = await service.handlers['publications.list']({ articleId: article.id });
    expect(records).toHaveLength(1);
    expect(records[0]?.targetId).toBe('published-folder');
    expect(records[0]?.remoteId).toContain(join(dir, 'Documents', 'Published'));
    expect((await service.handlers['outbox.list']({ articleId: article.id })).map((j) => j.id)).toEqual([job.id]);
  });

  it('refuses to queue a story the checklist blocks, naming what to fix', async () => {
    const article = { ...story(), headline: '' };
    articles.set(article.id, article);
    const error = await service.handlers['publish.start']({ articleId: article.id, targetId: 'published-folder', options: acceptingWarnings(article) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('checklist-blocked');
    expect((error as AppError).message).toMatch(/^Fix these before publishing: /);
    expect(((error as AppError).details as { items: { id: string }[] }).items.map((i) => i.id)).toContain('headline');
    expect(await service.handlers['outbox.list']({})).toEqual([]);
  });

  it('also refuses while a warning is neither fixed nor accepted', async () => {
    const article = story();
    const error = await service.handlers['publish.start']({ articleId: article.id, targetId: 'published-folder', options: { status: 'published', scheduledAt: null, overriddenWarnings: [] } }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('checklist-blocked');
    expect((error as AppError).message).toMatch(/^Fix or accept these warnings before publishing: /);
  });

  it('keeps the application password out of targets.json, in a private file, and forgets it with the target', async () => {
    const config: WordpressTargetConfig = { kind: 'wordpress', id: 'newsroom-wp', name: 'Newsroom', siteUrl: 'https://news.example.com', username: 'editor', defaultCategory: '' };
    const view = await service.handlers['targets.save']({ config, secret: 'abcd efgh ijkl mnop', makeDefault: true });
    expect(view).toEqual({ config, hasSecret: true, isDefault: true });
    expect(readFileSync(join(dir, 'targets.json'), 'utf8')).not.toContain('abcd');
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).toContain('abcd efgh ijkl mnop');
    if (process.platform !== 'win32') expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
    expect(await service.handlers['targets.secretsBackend']({})).toEqual({ backend: 'file', secure: false });

    await service.handlers['targets.remove']({ id: 'newsroom-wp' });
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).not.toContain('abcd');
    expect((await service.handlers['targets.list']({})).map((t) => [t.config.id, t.isDefault])).toEqual([['published-folder', true]]);
  });

  it('forgets photo and unfinished-post ids of a WordPress target when it is pointed at another site or account', async () => {
    const config: WordpressTargetConfig = { kind: 'wordpress', id: 'newsroom-wp', name: 'Newsroom', siteUrl: 'https://news.example.com', username: 'editor', defaultCategory: '' };
    await service.handlers['targets.save']({ config });
    const library = join(dir, 'library');
    const remember = async () => {
      await FileMediaRegistry.forTarget(library, 'newsroom-wp').set('photo.png', { remoteId: '7', url: 'https://news.example.com/p.png' });
      await new PendingRemoteStore(library).set('newsroom-wp', '01jc0000000000000000000001', { remoteId: '41', jobId: 'j', since: 'now' });
    };
    const mediaFile = join(library, 'publish-state', 'newsroom-wp.media.json');
    const pendingFile = join(library, 'publish-state', 'newsroom-wp.pending.json');
    await remember();

    // Renaming keeps them: the same site holds the same photos and posts.
    await service.handlers['targets.save']({ config: { ...config, name: 'Newsroom site', siteUrl: 'https://news.example.com/' } });
    expect(existsSync(mediaFile) && existsSync(pendingFile)).toBe(true);

    await service.handlers['targets.save']({ config: { ...config, siteUrl: 'https://staging.example.com' } });
    expect(existsSync(mediaFile) || existsSync(pendingFile)).toBe(false);

    await remember();
    await service.handlers['targets.save']({ config: { ...config, siteUrl: 'https://staging.example.com', username: 'desk' } });
    expect(existsSync(mediaFile) || existsSync(pendingFile)).toBe(false);
  });

  it('will not queue for a WordPress target that has no password yet', async () => {
    const config: WordpressTargetConfig = { kind: 'wordpress', id: 'newsroom-wp', name: 'Newsroom', siteUrl: 'https://news.example.com', username: 'editor', defaultCategory: 'News' };
    await service.handlers['targets.save']({ config });
    const article = story();
    const options = { ...acceptingWarnings(article) };
    const error = await service.handlers['publish.start']({ articleId: article.id, targetId: 'newsroom-wp', options }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('remote-auth');
    expect((error as AppError).message).toContain('No application password for editor is saved for "Newsroom"');
  });
});
