// Runs in: test processes. The real publishing stack (service, checklist, outbox, target registry,
// WordPress adapter, media store) over a temporary library, pointed at a test WordPress (or a fault
// proxy in front of one); articles are held in memory as the saved versions.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article, DocNode } from '../../common/article';
import { AppError } from '../../common/app-error';
import { publishChecklist } from '../../common/publish/publish-checklist';
import type { OutboxJob, PublishOptions } from '../../common/publish/publish-job';
import type { GhostTargetConfig, PublishStatus, WordpressTargetConfig } from '../../common/publish/publish-target-config';
import { MediaStore } from '../../electron/services/media/media-store';
import type { BackoffPolicy } from '../../electron/services/publish/outbox/backoff';
import { createFileSecretStore } from '../../electron/services/publish/file-secret-store';
import { createPublishingService, type PublishingService } from '../../electron/services/publish/publishing-service';
import type { TargetRegistryOptions } from '../../electron/services/publish/target-registry';
import { makeArticle } from '../fixtures/sample-article';
import { makePng } from '../support/test-photos';

export interface Harness {
  service: PublishingService;
  media: MediaStore;
  articles: Map<string, Article>;
  /** Adds a WordPress target for this account; returns its id. */
  addWordPress(id: string, siteUrl: string, user: { login: string; appPassword: string }, defaultCategory?: string): Promise<string>;
  /** Adds a Ghost target with this Admin API key; returns its id. */
  addGhost(id: string, siteUrl: string, adminKey: string): Promise<string>;
  /** Imports a generated photo; each `seed` (0–79,999) gives a different photo (and media id). */
  photo(seed: number): Promise<string>;
  /** Saves an article (a new revision when it exists) and returns it. */
  save(overrides: Parameters<typeof makeArticle>[0]): Article;
  /** Queues the saved article with every checklist warning accepted (`more`: e.g. a kept original date). */
  publish(articleId: string, targetId: string, status?: PublishStatus, scheduledAt?: string | null, more?: Pick<PublishOptions, 'backdateTo'>): Promise<OutboxJob>;
  /**
   * A second data folder made from a copy of this one (a library copied to another laptop or
   * restored from a backup), with its own service; the saved articles are copied too.
   */
  copy(): Promise<Harness>;
  /** Queues and waits until the job stops running (done, failed, conflict...). */
  publishAndWait(articleId: string, targetId: string, status?: PublishStatus, scheduledAt?: string | null, more?: Pick<PublishOptions, 'backdateTo'>): Promise<OutboxJob>;
  close(): Promise<void>;
}

let articleCounter = 0;

/** A fresh article id, unique in this process. */
export function newArticleId(prefix = 'it'): string {
  articleCounter += 1;
  return `${prefix}${Date.now().toString(36)}${articleCounter.toString(36).padStart(6, '0')}`.toLowerCase().slice(0, 40);
}

interface HarnessOptions {
  wordpress?: TargetRegistryOptions['wordpress'];
  ghost?: TargetRegistryOptions['ghost'];
  backoff?: Partial<BackoffPolicy>;
}

export async function startHarness(opts: HarnessOptions = {}, copyOf?: { dir: string; articles: Map<string, Article> }): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'dateline-publish-it-'));
  if (copyOf) await cp(copyOf.dir, dir, { recursive: true });
  const libraryRoot = join(dir, 'library');
  const media = new MediaStore(libraryRoot);
  await media.open();
  const articles = new Map<string, Article>([...(copyOf?.articles ?? new Map<string, Article>())].map(([id, article]) => [id, structuredClone(article)]));
  const service = await createPublishingService({
    dataDir: dir,
    libraryRoot,
    documentsDir: join(dir, 'Documents'),
    secrets: createFileSecretStore(join(dir, 'secrets.json')),
    store: {
      get: async (id) => {
        const found = articles.get(id);
        if (!found) throw new AppError('not-found', `no article ${id}`);
        return structuredClone(found);
      },
    },
    media,
    pollMs: 200,
    backoff: opts.backoff,
    wordpress: opts.wordpress ?? { timeoutMs: 30_000 },
    ghost: opts.ghost ?? { timeoutMs: 30_000 },
  });

  const harness: Harness = {
    service,
    media,
    articles,
    async addWordPress(id, siteUrl, user, defaultCategory = '') {
      const config: WordpressTargetConfig = { kind: 'wordpress', id, name: `WordPress ${id}`, siteUrl, username: user.login, defaultCategory };
      await service.handlers['targets.save']({ config, secret: user.appPassword });
      return id;
    },
    async addGhost(id, siteUrl, adminKey) {
      const config: GhostTargetConfig = { kind: 'ghost', id, name: `Ghost ${id}`, siteUrl };
      await service.handlers['targets.save']({ config, secret: adminKey });
      return id;
    },
    async photo(seed) {
      // Sizes from the seed: different bytes (and media ids) for up to 80,000 seeds, all wide enough for the checklist.
      const info = await media.import(`photo-${seed}.png`, makePng(640 + (seed % 200), 400 + (Math.floor(seed / 200) % 400)));
      return info.id;
    },
    save(overrides) {
      const existing = overrides?.id ? articles.get(overrides.id) : undefined;
      const article = makeArticle({ ...overrides, revision: (existing?.revision ?? 0) + 1 });
      articles.set(article.id, article);
      return article;
    },
    async publish(articleId, targetId, status = 'published', scheduledAt = null, more = {}) {
      const article = articles.get(articleId);
      if (!article) throw new Error(`no article ${articleId}`);
      const target = service.targets.get(targetId);
      const options: PublishOptions = { status, scheduledAt, overriddenWarnings: [], ...more };
      const warnings = publishChecklist(article, target, options, new Date()).filter((i) => i.level === 'warning').map((i) => i.id);
      return service.handlers['publish.start']({ articleId, targetId, options: { ...options, overriddenWarnings: warnings } });
    },
    async copy() {
      await service.outbox.whenIdle();
      return startHarness(opts, { dir, articles });
    },
    async publishAndWait(articleId, targetId, status, scheduledAt, more) {
      const job = await harness.publish(articleId, targetId, status, scheduledAt, more);
      return waitForJob(service, job.id, ['done', 'failed', 'conflict', 'cancelled']);
    },
    async close() {
      await service.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Waits (driving the outbox) until the job reaches one of `states`. */
export async function waitForJob(service: PublishingService, jobId: string, states: OutboxJob['state'][], timeoutMs = 120_000): Promise<OutboxJob> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await service.handlers['outbox.get']({ jobId });
    if (states.includes(job.state)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} is still ${job.state} after ${timeoutMs} ms (last error: ${job.lastError?.message ?? 'none'})`);
    await service.outbox.whenIdle();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function figureNode(mediaId: string, attrs: { alt: string; credit: string; caption: string; lead?: boolean }): DocNode {
  return {
    type: 'figure',
    attrs: { mediaId, alt: attrs.alt, credit: attrs.credit, lead: attrs.lead ?? false },
    content: [{ type: 'text', text: attrs.caption }],
  };
}

export function paragraphNode(text: string): DocNode {
  return { type: 'paragraph', content: [{ type: 'text', text }] };
}
