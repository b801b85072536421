// Runs in: vitest (node). The outbox's promises to a reporter: a queued story is sent once, in
// order, survives a crash mid-publish and resumes where it stopped, waits out an unreachable
// backend with growing pauses, stops on a conflict until someone chooses, and stays cancelled.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../common/app-error';
import type { PublicationRecord, PublishOptions } from '../../../../common/publish/publish-job';
import type { FolderTargetConfig, TargetConfig } from '../../../../common/publish/publish-target-config';
import { makeArticle } from '../../../../tests/fixtures/sample-article';
import { PublicationStore } from '../publication-store';
import { PublishConflict, type PublishContext, type PublishTarget, type UnchangedOnTarget } from '../publish-target';
import { MemoryMediaRegistry } from '../../../../tests/support/test-publish-context';
import { Outbox } from './outbox';

type Step = (ctx: PublishContext) => Promise<PublicationRecord | UnchangedOnTarget>;

/** A target that plays a script: one step per publish call, then succeeds. */
class ScriptedTarget implements PublishTarget {
  readonly calls: PublishContext[] = [];
  constructor(
    readonly config: TargetConfig,
    private readonly script: Step[] = [],
  ) {}
  async testConnection(): Promise<never> {
    throw new Error('not used');
  }
  async publish(ctx: PublishContext): Promise<PublicationRecord | UnchangedOnTarget> {
    this.calls.push(ctx);
    const step = this.script.shift();
    if (step) return step(ctx);
    return record(this.config.id, ctx);
  }
}

function record(targetId: string, ctx: PublishContext): PublicationRecord {
  return {
    targetId,
    targetKind: 'folder',
    remoteId: `post-for-${ctx.article.id}`,
    url: `https://example.test/${ctx.article.meta.slug || ctx.article.id}`,
    status: ctx.options.status,
    contentHash: 'h',
    remoteModified: '2026-11-25T10:00:00',
    publishedAt: '2026-11-25T10:00:00.000Z',
    articleRevision: ctx.article.revision,
  };
}

const unreachable = () => new AppError('remote-unreachable', 'The site could not be reached');
const target = (id: string): FolderTargetConfig => ({ kind: 'folder', id, name: `Target ${id}`, path: '' });
const OPTIONS: PublishOptions = { status: 'published', scheduledAt: null, overriddenWarnings: [] };

let root: string;
let now: number;
let targets: Map<string, ScriptedTarget>;
let opened: Outbox[];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-outbox-'));
  now = Date.parse('2026-11-25T10:00:00Z');
  targets = new Map();
  opened = [];
});
afterEach(async () => {
  for (const outbox of opened) await outbox.close();
  await rm(root, { recursive: true, force: true });
});

async function openOutbox(): Promise<Outbox> {
  const outbox = new Outbox({
    libraryRoot: root,
    resolveTarget: async (id) => {
      const found = targets.get(id);
      if (!found) throw new AppError('not-found', `No target ${id}`);
      return found;
    },
    publications: new PublicationStore(root),
    mediaRegistry: () => new MemoryMediaRegistry(),
    readMedia: async () => new Uint8Array(),
    mediaInfo: async () => {
      throw new Error('not used');
    },
    clock: { now: () => now },
    backoff: { baseMs: 2_000, maxMs: 300_000, random: () => 0.5 },
    pollMs: 0,
  });
  await outbox.open();
  opened.push(outbox);
  return outbox;
}

function withTarget(id: string, script: Step[] = []): ScriptedTarget {
  const scripted = new ScriptedTarget(target(id), script);
  targets.set(id, scripted);
  return scripted;
}

describe('Outbox: a queued story goes out once', () => {
  it('publishes the article as it was when queued and records where it went, beside the article', async () => {
    const wp = withTarget('site');
    const outbox = await openOutbox();
    const article = makeArticle({ headline: 'Fed raises rates', meta: { slug: 'fed' } });
    const job = await outbox.enqueue(article, target('site'), OPTIONS);
    article.headline = 'Edited after queueing';
    await outbox.whenIdle();

    expect(outbox.get(job.id)).toMatchObject({ state: 'done', attempts: 1, result: { remoteId: `post-for-${article.id}` } });
    expect(wp.calls[0]?.article.headline).toBe('Fed raises rates');
    const publications = JSON.parse(readFileSync(join(root, 'articles', article.id, 'publications.json'), 'utf8')) as { records: PublicationRecord[] };
    expect(publications.records).toHaveLength(1);
    expect(existsSync(join(root, 'articles', article.id, 'article.json'))).toBe(false);

    // The next publish of the same article knows the previous one (for updates and conflict checks).
    await outbox.enqueue(article, target('site'), OPTIONS);
    await outbox.whenIdle();
    expect(wp.calls[1]?.previous?.remoteId).toBe(`post-for-${article.id}`);
  });

  it('sends one job at a time per target, in the order queued', async () => {
    const order: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let firstStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      firstStarted = resolve;
    });
    const site = withTarget('site', [
      async (ctx) => {
        order.push(`start ${ctx.article.headline}`);
        firstStarted();
        await gate;
        order.push(`end ${ctx.article.headline}`);
        return record('site', ctx);
      },
    ]);
    const outbox = await openOutbox();
    await outbox.enqueue(makeArticle({ id: '01jc00000000000000000000a1', headline: 'one' }), target('site'), OPTIONS);
    const second = await outbox.enqueue(makeArticle({ id: '01jc00000000000000000000a2', headline: 'two' }), target('site'), OPTIONS);
    await started;
    expect(site.calls).toHaveLength(1);
    expect(outbox.get(second.id).state).toBe('queued');
    release();
    await outbox.whenIdle();
    expect(site.calls.map((c) => c.article.headline)).toEqual(['one', 'two']);
    expect(order.slice(0, 2)).toEqual(['start one', 'end one']);
  });
});

describe('Outbox: crashes and lost connections', () => {
  it('resumes a job a crash interrupted from its checkpoint, in a new outbox over the same folder', async () => {
    let checkpointSaved: () => void = () => undefined;
    const saved = new Promise<void>((resolve) => {
      checkpointSaved = resolve;
    });
    withTarget('site', [
      async (ctx) => {
        await ctx.saveCheckpoint({ postId: 42 });
        checkpointSaved();
        return new Promise<never>(() => undefined);
      },
    ]);
    const crashed = await openOutbox();
    const job = await crashed.enqueue(makeArticle(), target('site'), OPTIONS);
    await saved;
    expect(crashed.get(job.id).state).toBe('running');
    opened = [];

    const resumed = withTarget('site');
    const outbox = await openOutbox();
    await outbox.whenIdle();
    expect(resumed.calls[0]?.checkpoint).toEqual({ postId: 42 });
    expect(outbox.get(job.id)).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('waits with growing pauses while the backend is unreachable, and goes at once when back online', async () => {
    const site = withTarget('site', [
      async () => {
        throw unreachable();
      },
      async () => {
        throw unreachable();
      },
    ]);
    const outbox = await openOutbox();
    const job = await outbox.enqueue(makeArticle(), target('site'), OPTIONS);
    await outbox.whenIdle();
    expect(outbox.get(job.id)).toMatchObject({ state: 'waiting', lastError: { code: 'remote-unreachable' }, nextAttemptAt: new Date(now + 2_000).toISOString() });

    now += 1_999;
    outbox.tick();
    await outbox.whenIdle();
    expect(site.calls).toHaveLength(1);

    now += 1;
    outbox.tick();
    await outbox.whenIdle();
    expect(site.calls).toHaveLength(2);
    expect(outbox.get(job.id).nextAttemptAt).toBe(new Date(now + 4_000).toISOString());

    outbox.online();
    await outbox.whenIdle();
    expect(outbox.get(job.id)).toMatchObject({ state: 'done', attempts: 3, lastError: null });
  });

  it('does not retry what retrying cannot fix, until the person asks', async () => {
    withTarget('site', [
      async () => {
        throw new AppError('remote-auth', 'WordPress refused the application password for editor', { status: 401 });
      },
    ]);
    const outbox = await openOutbox();
    const job = await outbox.enqueue(makeArticle(), target('site'), OPTIONS);
    await outbox.whenIdle();
    expect(outbox.get(job.id)).toMatchObject({ state: 'failed', lastError: { code: 'remote-auth', status: 401 } });
    outbox.online();
    await outbox.whenIdle();
    expect(outbox.get(job.id).state).toBe('failed');

    await outbox.retry(job.id);
    await outbox.whenIdle();
    expect(outbox.get(job.id).state).toBe('done');
  });

  it('fails a job whose target was removed, with a clear error', async () => {
    const outbox = await openOutbox();
    const job = await outbox.enqueue(makeArticle(), target('gone'), OPTIONS);
    await outbox.whenIdle();
    expect(outbox.get(job.id)).toMatchObject({ state: 'failed', lastError: { code: 'not-found' } });
  });
});

describe('Outbox: the person stays in control', () => {
  it('cancelling aborts the request in flight, and a cancelled job never runs again', async () => {
    let aborted = false;
    let requestSent: () => void = () => undefined;
    const inFlight = new Promise<void>((resolve) => {
      requestSent = resolve;
    });
    const site = withTarget('site', [
      (ctx) =>
        new Promise<never>((_resolve, reject) => {
          ctx.signal.addEventListener('abort', () => {
            aborted = true;
            reject(ctx.signal.reason);
          });
          requestSent();
        }),
    ]);
    const outbox = await openOutbox();
    const job = await outbox.enqueue(makeArticle(), target('site'), OPTIONS);
    await inFlight;
    expect((await outbox.cancel(job.id)).state).toBe('cancelled');
    await outbox.whenIdle();
    expect(aborted).toBe(true);

    outbox.online();
    await outbox.whenIdle();
    const reopened = await openOutbox();
    await reopened.whenIdle();
    expect(site.calls).toHaveLength(1);
    expect(reopened.get(job.id).state).toBe('cancelled');
  });

  it('stops on a conflict with both versions, and overwrites only when the person chooses to', async () => {
    const details = {
      remote: { title: 'Edited in WordPress', excerpt: '', contentHtml: '<p>theirs</p>', modified: '2026-11-25T11:00:00', url: 'https://x.test/p' },
      local: { title: 'Ours', excerpt: '', contentHtml: '<p>ours</p>' },
      recordedModified: '2026-11-25T10:00:00',
    };
    const site = withTarget('site', [
      async (ctx) => {
        if (!ctx.overwriteConflict) throw new PublishConflict(details);
        return record('site', ctx);
      },
    ]);
    const outbox = await openOutbox();
    const job = await outbox.enqueue(makeArticle(), target('site'), OPTIONS);
    await outbox.whenIdle();
    expect(outbox.get(job.id)).toMatchObject({ state: 'conflict', conflict: details, lastError: { code: 'remote-conflict' } });

    await outbox.resolveConflict(job.id, 'overwrite');
    await outbox.whenIdle();
    expect(site.calls[1]?.overwriteConflict).toBe(true);
    expect(outbox.get(job.id)).toMatchObject({ state: 'done', conflict: null });
  });

  it('cancelling a conflict gives up the job without touching the server', async () => {
    withTarget('site', [
      async () => {
        throw new PublishConflict({
          remote: { title: 'a', excerpt: '', contentHtml: '', modified: 'm', url: 'u' },
          local: { title: 'b', excerpt: '', contentHtml: '' },
          recordedModified: 'r',
        });
      },
    ]);
    const outbox = await openOutbox();
    const job = await outbox.enqueue(makeArticle(), target('site'), OPTIONS);
    await outbox.whenIdle();
    expect((await outbox.resolveConflict(job.id, 'cancel')).state).toBe('cancelled');
    await expect(outbox.retry(job.id)).rejects.toMatchObject({ code: 'invalid-input' });
  });
});

describe('Outbox: a post an unfinished job created is never made twice', () => {
  const created = (remoteId: string, then: (ctx: PublishContext) => Promise<never>): Step => async (ctx) => {
    await ctx.saveCheckpoint({ ...ctx.checkpoint, remoteId });
    return then(ctx);
  };

  it('after a refused publish, the next job for that article is offered the post it left, and the offer ends once a publish completes', async () => {
    const site = withTarget('site', [created('p-41', async () => Promise.reject(new AppError('remote-forbidden', 'Contributors may not publish')))]);
    const outbox = await openOutbox();
    const article = makeArticle({ headline: 'Letters' });
    const refused = await outbox.enqueue(article, target('site'), OPTIONS);
    await outbox.whenIdle();
    expect(outbox.get(refused.id).state).toBe('failed');
    expect(JSON.parse(readFileSync(join(root, 'publish-state', 'site.pending.json'), 'utf8'))).toMatchObject({ articles: { [article.id]: { remoteId: 'p-41', jobId: refused.id } } });

    // Another article on the same target is not offered someone else's post.
    const other = makeArticle({ id: '01jc0000000000000000000009', headline: 'Other' });
    await outbox.enqueue(other, target('site'), OPTIONS);
    const review = await outbox.enqueue(article, target('site'), { ...OPTIONS, status: 'submitted' });
    await outbox.whenIdle();
    expect(site.calls[1]?.checkpoint.adoptRemote).toBeUndefined();
    expect(site.calls[2]?.checkpoint.adoptRemote).toEqual({ remoteId: 'p-41', jobId: refused.id });
    expect(outbox.get(review.id).state).toBe('done');

    // Done: the publication record names the post; nothing is pending any more.
    await outbox.enqueue(article, target('site'), OPTIONS);
    await outbox.whenIdle();
    expect(site.calls[3]?.checkpoint.adoptRemote).toBeUndefined();
    expect(site.calls[3]?.previous?.remoteId).toBe(`post-for-${article.id}`);
  });

  it('after a cancel that came too late to stop the post, the next job is offered that post, even after a restart', async () => {
    let outbox: Outbox | null = null;
    const site = withTarget('site', [
      created('p-77', async (ctx) => {
        await outbox?.cancel(ctx.jobId);
        throw ctx.signal.reason;
      }),
    ]);
    outbox = await openOutbox();
    const article = makeArticle({ headline: 'Too late to cancel' });
    const cancelled = await outbox.enqueue(article, target('site'), OPTIONS);
    await outbox.whenIdle();
    expect(outbox.get(cancelled.id).state).toBe('cancelled');
    await outbox.close();

    const reopened = await openOutbox();
    await reopened.enqueue(article, target('site'), OPTIONS);
    await reopened.whenIdle();
    expect(site.calls[1]?.checkpoint.adoptRemote).toEqual({ remoteId: 'p-77', jobId: cancelled.id });
  });
});

describe('Outbox: a newer version is never replaced by an older one', () => {
  const refused = () => new AppError('remote-auth', 'The receiver refused the signature', { status: 401 });

  it('a later job for the same article and target overtakes an earlier one still waiting: only the later one is sent', async () => {
    const site = withTarget('site', [
      async () => {
        throw unreachable();
      },
    ]);
    const outbox = await openOutbox();
    const article = makeArticle({ revision: 1 });
    const draft = await outbox.enqueue(article, target('site'), { ...OPTIONS, status: 'draft' });
    await outbox.whenIdle();
    expect(outbox.get(draft.id).state).toBe('waiting');
    const publish = await outbox.enqueue(article, target('site'), OPTIONS);
    // Another article's job on the same target is nobody's rival.
    const other = await outbox.enqueue(makeArticle({ id: '01jc0000000000000000000009', revision: 1 }), target('site'), OPTIONS);

    outbox.online();
    await outbox.whenIdle();
    expect(outbox.get(draft.id)).toMatchObject({ state: 'cancelled', skipped: { reason: 'overtaken', articleRevision: 1, jobId: publish.id }, lastError: null });
    expect(outbox.get(publish.id)).toMatchObject({ state: 'done', skipped: null });
    expect(outbox.get(other.id).state).toBe('done');
    expect(site.calls.map((c) => [c.jobId, c.options.status])).toEqual([
      [draft.id, 'draft'],
      [publish.id, 'published'],
      [other.id, 'published'],
    ]);
  });

  it('an older job retried while the newer version failed is not sent: the newer one waits for its own Retry', async () => {
    const site = withTarget('site', [
      async () => {
        throw refused();
      },
      async () => {
        throw refused();
      },
    ]);
    const outbox = await openOutbox();
    const first = await outbox.enqueue(makeArticle({ revision: 1 }), target('site'), OPTIONS);
    await outbox.whenIdle();
    const corrected = await outbox.enqueue(makeArticle({ revision: 2, headline: 'Corrected' }), target('site'), OPTIONS);
    await outbox.whenIdle();
    expect(outbox.get(corrected.id).state).toBe('failed');

    await outbox.retry(first.id);
    await outbox.whenIdle();
    expect(site.calls).toHaveLength(2);
    expect(outbox.get(first.id)).toMatchObject({ state: 'cancelled', skipped: { reason: 'overtaken', articleRevision: 2, jobId: corrected.id } });
  });

  it('Retry with a newer saved version replaces the copy, starts afresh and is offered back the post it made', async () => {
    const site = withTarget('site', [
      async (ctx) => {
        await ctx.saveCheckpoint({ ...ctx.checkpoint, remoteId: 'p-9', tags: [7] });
        throw refused();
      },
    ]);
    const outbox = await openOutbox();
    const article = makeArticle({ revision: 1, headline: 'Mayor resigns' });
    const job = await outbox.enqueue(article, target('site'), OPTIONS);
    await outbox.whenIdle();
    expect(outbox.get(job.id).state).toBe('failed');

    await expect(outbox.retry(job.id, makeArticle({ id: '01jc0000000000000000000009', revision: 5 }))).rejects.toMatchObject({ code: 'invalid-input' });
    const corrected = { ...article, revision: 2, headline: 'Deputy mayor resigns' };
    const retried = await outbox.retry(job.id, corrected);
    expect(retried).toMatchObject({ articleRevision: 2, headline: 'Deputy mayor resigns', resnapshot: { fromRevision: 1, at: new Date(now).toISOString() } });
    await outbox.whenIdle();
    expect(site.calls[1]?.article.headline).toBe('Deputy mayor resigns');
    expect(site.calls[1]?.checkpoint).toEqual({ adoptRemote: { remoteId: 'p-9', jobId: job.id } });
    expect(outbox.get(job.id)).toMatchObject({ state: 'done', result: { articleRevision: 2 } });
    // The version in the outbox folder is the corrected one too, for a restart.
    expect(JSON.parse(readFileSync(join(root, 'outbox', `${job.id}.article.json`), 'utf8'))).toMatchObject({ revision: 2, headline: 'Deputy mayor resigns' });
  });

  it('a waiting job that falls due while Retry replaces its copy is not started halfway', async () => {
    const site = withTarget('site', [
      async () => {
        throw unreachable();
      },
    ]);
    const outbox = await openOutbox();
    const article = makeArticle({ revision: 1 });
    const job = await outbox.enqueue(article, target('site'), OPTIONS);
    await outbox.whenIdle();
    expect(outbox.get(job.id).state).toBe('waiting');

    const retrying = outbox.retry(job.id, { ...article, revision: 2, headline: 'Corrected' });
    now += 60_000;
    outbox.tick();
    expect(outbox.get(job.id).state).toBe('waiting');
    await retrying;
    await outbox.whenIdle();
    expect(site.calls.map((c) => c.article.revision)).toEqual([1, 2]);
    expect(outbox.get(job.id)).toMatchObject({ state: 'done', articleRevision: 2 });
  });

  it('Retry with the same saved version resumes from the checkpoint, as before', async () => {
    const site = withTarget('site', [
      async (ctx) => {
        await ctx.saveCheckpoint({ ...ctx.checkpoint, postId: 42 });
        throw refused();
      },
    ]);
    const outbox = await openOutbox();
    const article = makeArticle({ revision: 3 });
    const job = await outbox.enqueue(article, target('site'), OPTIONS);
    await outbox.whenIdle();
    expect((await outbox.retry(job.id, article)).resnapshot).toBeNull();
    await outbox.whenIdle();
    expect(site.calls[1]?.checkpoint).toEqual({ postId: 42 });
  });

  it('a target that already holds this version ends the job as unchanged, and the record stands for the newer revision', async () => {
    const publications = new PublicationStore(root);
    const article = makeArticle({ revision: 4 });
    const earlier: PublicationRecord = { ...record('site', { article: { ...article, revision: 3 }, options: OPTIONS } as PublishContext), contentHash: 'same' };
    await publications.put(article.id, earlier);
    withTarget('site', [async (ctx) => ({ unchanged: ctx.previous as PublicationRecord })]);
    const outbox = await openOutbox();
    const job = await outbox.enqueue(article, target('site'), OPTIONS);
    await outbox.whenIdle();
    expect(outbox.get(job.id)).toMatchObject({ state: 'done', skipped: { reason: 'unchanged', articleRevision: 3, jobId: null }, result: { articleRevision: 4, contentHash: 'same' } });
    expect(await publications.get(article.id, 'site')).toMatchObject({ articleRevision: 4, publishedAt: earlier.publishedAt });
  });

  it('the publication record never goes back to an older revision', async () => {
    const publications = new PublicationStore(root);
    const article = makeArticle();
    const at = (articleRevision: number, status: PublicationRecord['status']): PublicationRecord => ({ ...record('site', { article, options: OPTIONS } as PublishContext), articleRevision, status });
    expect(await publications.put(article.id, at(3, 'published'))).toBe(true);
    expect(await publications.put(article.id, at(2, 'published'))).toBe(false);
    expect(await publications.get(article.id, 'site')).toMatchObject({ articleRevision: 3 });
    // The same revision with another status (withheld after a spike) is news, not a step back.
    expect(await publications.put(article.id, at(3, 'draft'))).toBe(true);
    expect(await publications.get(article.id, 'site')).toMatchObject({ articleRevision: 3, status: 'draft' });
  });

  it('reads job files written before jobs could be skipped or re-snapshotted', async () => {
    withTarget('site', [
      async () => {
        throw refused();
      },
    ]);
    const outbox = await openOutbox();
    const job = await outbox.enqueue(makeArticle(), target('site'), OPTIONS);
    await outbox.whenIdle();
    await outbox.close();
    opened = [];
    const file = join(root, 'outbox', `${job.id}.json`);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { job: Record<string, unknown> };
    delete stored.job.skipped;
    delete stored.job.resnapshot;
    writeFileSync(file, JSON.stringify(stored));

    const reopened = await openOutbox();
    expect(reopened.problems).toEqual([]);
    expect(reopened.get(job.id)).toMatchObject({ state: 'failed', skipped: null, resnapshot: null });
  });
});
