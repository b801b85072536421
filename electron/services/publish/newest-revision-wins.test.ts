// Runs in: vitest (node). A newer version of a story is never replaced by an older one, on every
// target, tried as a receiving newsroom system would: a publish of revision 1 fails, the story is
// corrected and revision 2 goes out, then someone presses Retry on the failed job; or the receiver
// is down while both versions are queued. Each ends with the newest revision live and recorded.
// Publishing an unchanged story again sends nothing; a status change is not "unchanged".
import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../../common/article';
import { AppError } from '../../../common/app-error';
import { publishChecklist } from '../../../common/publish/publish-checklist';
import type { OutboxJob, PublishOptions } from '../../../common/publish/publish-job';
import type { PublishStatus, TargetConfig } from '../../../common/publish/publish-target-config';
import type { NinjsDocument } from '../../../common/serialize/article-to-ninjs';
import { makeArticle, paragraph, text } from '../../../tests/fixtures/sample-article';
import { createFileSecretStore } from './file-secret-store';
import { createPublishingService, type PublishingService } from './publishing-service';
import { verifyWebhookSignature } from './webhook/webhook-signature';
import type { WebhookPayload } from './webhook/webhook-target';
import { FakeWordPress } from '../../../tests/support/fake-wordpress-server';

const KEY = 'whsec_newsroom_0123456789';
const ORIGINAL = 'Mayor resigns over budget';
const CORRECTED = 'Deputy mayor resigns over budget';
const LATER = 'Deputy mayor resigns; council to vote on successor';

/** The newsroom's receiving system: checks the signature, then upserts the story by its ninjs uri. */
class UpsertingReceiver {
  readonly stories = new Map<string, { version: string; headline: string; pubStatus: string }>();
  /** Every delivery it accepted, in order: the ninjs version (the article revision) and headline. */
  readonly accepted: { version: string; headline: string }[] = [];
  key = KEY;
  down = false;
  url = '';
  private readonly server: Server;

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        if (this.down) {
          res.writeHead(503).end('down for maintenance');
          return;
        }
        const body = Buffer.concat(chunks);
        if (!verifyWebhookSignature(body, req.headers, this.key).ok) {
          res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"bad signature"}');
          return;
        }
        const { ninjs } = JSON.parse(body.toString('utf8')) as WebhookPayload;
        const story = { version: ninjs.version ?? '', headline: ninjs.headlines?.[0]?.value ?? '', pubStatus: ninjs.pubstatus ?? '' };
        this.stories.set(ninjs.uri, story);
        this.accepted.push({ version: story.version, headline: story.headline });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ url: `https://cms.example.com/${encodeURIComponent(ninjs.uri)}` }));
      });
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/dateline`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

let dir: string;
let service: PublishingService;
let articles: Map<string, Article>;
let receiver: UpsertingReceiver;
let wordpress: FakeWordPress;
/** Title of every post create or update that reached the WordPress site. */
let wordpressTitles: string[];
let wordpressDown: boolean;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dateline-newest-'));
  articles = new Map();
  receiver = new UpsertingReceiver();
  await receiver.start();
  wordpress = await new FakeWordPress().start();
  wordpressTitles = [];
  wordpressDown = false;
  service = await createPublishingService({
    dataDir: dir,
    libraryRoot: join(dir, 'library'),
    documentsDir: join(dir, 'Documents'),
    secrets: createFileSecretStore(join(dir, 'secrets.json')),
    store: {
      get: async (id) => {
        const found = articles.get(id);
        if (!found) throw new AppError('not-found', `no article ${id}`);
        return structuredClone(found);
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
    webhook: { maxAttempts: 1 },
    wordpress: {
      timeoutMs: 10_000,
      fetchImpl: async (input, init) => {
        if (wordpressDown) throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
        if (init.method === 'POST' && /wp\/v2\/posts/.test(input) && typeof init.body === 'string') {
          const title = (JSON.parse(init.body) as { title?: unknown }).title;
          if (typeof title === 'string') wordpressTitles.push(title);
        }
        return fetch(input, init);
      },
    },
  });
});
afterEach(async () => {
  await service.close();
  await receiver.stop();
  await wordpress.stop();
  await rm(dir, { recursive: true, force: true });
});

/** The reporter's story as first filed: revision 1. */
function fileStory(): Article {
  const article = makeArticle({
    id: '01jc0000000000000000000042',
    headline: ORIGINAL,
    summary: 'The mayor stepped down after the budget vote.',
    revision: 1,
    meta: { section: 'City', tags: ['council'], slug: 'mayor-resigns', bylines: [{ name: 'Jane Roe', role: '' }] },
    body: { type: 'doc', content: [paragraph(text('The mayor resigned on Tuesday.'))] },
  });
  articles.set(article.id, article);
  return article;
}

/** Saves a new version, as articles.save does: the revision goes up by one. */
function correct(articleId: string, headline: string): Article {
  const current = articles.get(articleId);
  if (!current) throw new Error('no such story');
  const next = { ...current, headline, revision: current.revision + 1, updatedAt: new Date().toISOString() };
  articles.set(articleId, next);
  return next;
}

async function addWebhook(key: string): Promise<TargetConfig> {
  const config: TargetConfig = { kind: 'webhook', id: 'newsroom-cms', name: 'Newsroom CMS', url: receiver.url, mediaMode: 'inline', mediaBaseUrl: '', timeoutMs: 10_000 };
  await service.handlers['targets.save']({ config, secret: key });
  return config;
}

async function addFolder(path: string): Promise<TargetConfig> {
  const config: TargetConfig = { kind: 'folder', id: 'web-folder', name: 'Web folder', path };
  await service.handlers['targets.save']({ config });
  return config;
}

async function addWordPress(password: string): Promise<TargetConfig> {
  const config: TargetConfig = { kind: 'wordpress', id: 'news-site', name: 'News site', siteUrl: wordpress.url, username: wordpress.username, defaultCategory: '' };
  await service.handlers['targets.save']({ config, secret: password });
  return config;
}

async function publish(articleId: string, target: TargetConfig, status: PublishStatus = 'published'): Promise<OutboxJob> {
  const article = articles.get(articleId);
  if (!article) throw new Error('no such story');
  const options: PublishOptions = { status, scheduledAt: null, overriddenWarnings: [] };
  const items = publishChecklist(article, target, options, new Date());
  expect(items.filter((i) => i.level === 'blocker')).toEqual([]);
  const job = await service.handlers['publish.start']({ articleId, targetId: target.id, options: { ...options, overriddenWarnings: items.map((i) => i.id) } });
  await service.outbox.whenIdle();
  return service.outbox.get(job.id);
}

async function retry(jobId: string): Promise<OutboxJob> {
  await service.handlers['outbox.retry']({ jobId });
  await service.outbox.whenIdle();
  return service.outbox.get(jobId);
}

async function recordedRevision(articleId: string, targetId: string): Promise<number | undefined> {
  return (await service.handlers['publications.list']({ articleId })).find((r) => r.targetId === targetId)?.articleRevision;
}

const uriOf = (article: Article) => `urn:dateline:article:${article.id}`;

describe('a retried job never brings back an older version', () => {
  it('webhook: the receiver refused the key for revision 1, revision 2 went out, Retry on the old job leaves revision 2 live and sends nothing', async () => {
    receiver.key = 'the-receiver-rotated-its-key';
    const target = await addWebhook(KEY);
    const story = fileStory();
    const first = await publish(story.id, target);
    expect(first).toMatchObject({ state: 'failed', lastError: { code: 'remote-auth' } });

    receiver.key = KEY;
    correct(story.id, CORRECTED);
    expect(await publish(story.id, target)).toMatchObject({ state: 'done', articleRevision: 2 });
    expect(receiver.stories.get(uriOf(story))).toMatchObject({ version: '2', headline: CORRECTED });

    const retried = await retry(first.id);
    expect(receiver.stories.get(uriOf(story))).toMatchObject({ version: '2', headline: CORRECTED });
    expect(receiver.accepted.map((d) => d.version)).toEqual(['2']);
    expect(await recordedRevision(story.id, target.id)).toBe(2);
    // The job says what it did: it took the current version, which the receiver already had.
    expect(retried).toMatchObject({ state: 'done', articleRevision: 2, headline: CORRECTED, resnapshot: { fromRevision: 1 }, skipped: { reason: 'unchanged', articleRevision: 2 } });
  });

  it('webhook: Retry sends the version saved since, not the one first queued', async () => {
    receiver.key = 'the-receiver-rotated-its-key';
    const target = await addWebhook(KEY);
    const story = fileStory();
    const first = await publish(story.id, target);
    receiver.key = KEY;
    correct(story.id, CORRECTED);
    await publish(story.id, target);
    correct(story.id, LATER);

    const retried = await retry(first.id);
    expect(retried).toMatchObject({ state: 'done', articleRevision: 3, resnapshot: { fromRevision: 1 }, skipped: null });
    expect(receiver.accepted.map((d) => d.version)).toEqual(['2', '3']);
    expect(receiver.stories.get(uriOf(story))).toMatchObject({ version: '3', headline: LATER });
    expect(await recordedRevision(story.id, target.id)).toBe(3);
  });

  it('Retry does not slip a newer version past the checklist: it stays failed, with the version it had', async () => {
    const drive = join(dir, 'drive');
    await writeFile(drive, 'not mounted yet');
    const target = await addFolder(join(drive, 'Published'));
    const story = fileStory();
    const first = await publish(story.id, target);
    expect(first.state).toBe('failed');
    await rm(drive);
    correct(story.id, '');

    await expect(service.handlers['outbox.retry']({ jobId: first.id })).rejects.toMatchObject({ code: 'checklist-blocked' });
    expect(service.outbox.get(first.id)).toMatchObject({ state: 'failed', articleRevision: 1, headline: ORIGINAL, resnapshot: null });
  });

  it('folder: the drive was missing for revision 1, revision 2 went out, Retry on the old job leaves revision 2 on disk', async () => {
    const drive = join(dir, 'drive');
    await writeFile(drive, 'not mounted yet');
    const target = await addFolder(join(drive, 'Published'));
    const story = fileStory();
    const first = await publish(story.id, target);
    expect(first).toMatchObject({ state: 'failed', lastError: { code: 'io-error' } });

    await rm(drive);
    correct(story.id, CORRECTED);
    const second = await publish(story.id, target);
    expect(second).toMatchObject({ state: 'done', articleRevision: 2 });
    const page = join(drive, 'Published', 'mayor-resigns', 'index.html');
    const written = readFileSync(page, 'utf8');

    const retried = await retry(first.id);
    expect(readFileSync(page, 'utf8')).toBe(written);
    expect(readFileSync(page, 'utf8')).toContain(CORRECTED);
    expect(await recordedRevision(story.id, target.id)).toBe(2);
    expect(retried).toMatchObject({ state: 'done', articleRevision: 2, resnapshot: { fromRevision: 1 }, skipped: { reason: 'unchanged' } });
  });

  it('WordPress: the site refused the password for revision 1, revision 2 went out, Retry on the old job leaves revision 2 in the post', async () => {
    const target = await addWordPress('not the application password');
    const story = fileStory();
    const first = await publish(story.id, target);
    expect(first).toMatchObject({ state: 'failed', lastError: { code: 'remote-auth' } });

    await service.handlers['targets.save']({ config: target, secret: wordpress.password });
    correct(story.id, CORRECTED);
    expect(await publish(story.id, target)).toMatchObject({ state: 'done', articleRevision: 2 });

    const retried = await retry(first.id);
    expect(retried).toMatchObject({ state: 'done', articleRevision: 2, resnapshot: { fromRevision: 1 } });
    expect([...wordpress.posts.values()].map((p) => p.title)).toEqual([CORRECTED]);
    expect(wordpressTitles).not.toContain(ORIGINAL);
    expect(await recordedRevision(story.id, target.id)).toBe(2);
  });
});

describe('queued jobs: the older version is not sent before the newer one', () => {
  it('webhook: revision 1 waited for the receiver, revision 2 was queued behind it; when it is back only revision 2 goes out', async () => {
    const target = await addWebhook(KEY);
    const story = fileStory();
    receiver.down = true;
    const first = await publish(story.id, target);
    expect(first.state).toBe('waiting');
    correct(story.id, CORRECTED);
    const second = await publish(story.id, target);
    expect(second.state).toBe('queued');

    receiver.down = false;
    service.online();
    await service.outbox.whenIdle();
    expect(receiver.accepted.map((d) => d.version)).toEqual(['2']);
    expect(receiver.stories.get(uriOf(story))).toMatchObject({ version: '2', headline: CORRECTED });
    expect(await recordedRevision(story.id, target.id)).toBe(2);
    expect(service.outbox.get(first.id)).toMatchObject({ state: 'cancelled', skipped: { reason: 'overtaken', articleRevision: 2, jobId: second.id } });
    expect(service.outbox.get(second.id)).toMatchObject({ state: 'done', articleRevision: 2 });
  });

  it('WordPress: revision 1 waited for the site, revision 2 was queued behind it; when it is back only revision 2 goes out', async () => {
    const target = await addWordPress(wordpress.password);
    const story = fileStory();
    wordpressDown = true;
    const first = await publish(story.id, target);
    expect(first.state).toBe('waiting');
    correct(story.id, CORRECTED);
    const second = await publish(story.id, target);

    wordpressDown = false;
    service.online();
    await service.outbox.whenIdle();
    expect(wordpressTitles).not.toContain(ORIGINAL);
    expect([...wordpress.posts.values()].map((p) => [p.title, p.status])).toEqual([[CORRECTED, 'publish']]);
    expect(await recordedRevision(story.id, target.id)).toBe(2);
    expect(service.outbox.get(first.id)).toMatchObject({ state: 'cancelled', skipped: { reason: 'overtaken', jobId: second.id } });
  });
});

describe('publishing an unchanged story again sends nothing', () => {
  it('webhook: the same revision and status again is done as unchanged; a change of status is sent', async () => {
    const target = await addWebhook(KEY);
    const story = fileStory();
    await publish(story.id, target);
    const again = await publish(story.id, target);
    expect(again).toMatchObject({ state: 'done', skipped: { reason: 'unchanged', articleRevision: 1 } });
    expect(receiver.accepted).toHaveLength(1);

    // Withholding the same text is news to the receiver.
    const withheld = await publish(story.id, target, 'draft');
    expect(withheld).toMatchObject({ state: 'done', skipped: null });
    expect(receiver.stories.get(uriOf(story))?.pubStatus).toBe('withheld');
    expect(receiver.accepted).toHaveLength(2);
  });

  it('folder: the same revision and status again writes nothing; a change of status rewrites the ninjs', async () => {
    const target = await addFolder(join(dir, 'site'));
    const story = fileStory();
    await publish(story.id, target);
    const folder = join(dir, 'site', 'mayor-resigns');
    // Every write replaces the file (temp file, then rename): the same inode means nothing was written.
    const files = () => ['index.html', 'article.ninjs.json'].map((name) => statSync(join(folder, name)).ino);
    const before = files();

    const again = await publish(story.id, target);
    expect(again).toMatchObject({ state: 'done', skipped: { reason: 'unchanged' } });
    expect(files()).toEqual(before);

    const withheld = await publish(story.id, target, 'draft');
    expect(withheld).toMatchObject({ state: 'done', skipped: null });
    expect((JSON.parse(readFileSync(join(folder, 'article.ninjs.json'), 'utf8')) as NinjsDocument).pubstatus).toBe('withheld');
  });
});
