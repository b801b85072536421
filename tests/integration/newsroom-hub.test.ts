// The "Newsroom server" review hub against a real newsroom server started in this process (embedded
// PGlite): a reporter's submission makes the story on the server with the article in its shared
// document, the desk sees it in its queue, opens it and approves it with a server call, and every
// refusal (a reporter approving, a stale action, a bad token, no server) comes back as a clear error.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../common/app-error';
import { newArticle, type Article } from '../../common/article';
import type { NewsroomProfile } from '../../common/workflow/newsroom-profile';
import type { WorkflowAction, WorkflowEvent } from '../../common/workflow/workflow-event';
import { transition } from '../../common/workflow/workflow-machine';
import { connectStoryDoc } from '../../electron/services/collab/story-connection';
import { collabUrlOf, createNewsroomApi } from '../../electron/services/review/newsroom-api';
import { NewsroomHub } from '../../electron/services/review/newsroom-hub';
import { addAccount } from '../../server/accounts/account-store';
import { startNewsroomServer, type NewsroomServer } from '../../server/newsroom-server';

let dir: string;
let server: NewsroomServer;
const tokens = { reporter: '', desk: '' };
const reporter: NewsroomProfile = { name: 'Li Wei', role: 'reporter' };
const desk: NewsroomProfile = { name: 'Ana Desk', role: 'editor' };
let seq = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dateline-newsroom-hub-'));
  server = await startNewsroomServer({ port: 0, databaseUrl: null, dataDir: join(dir, 'data'), redisUrl: null, debounceMs: 50, maxDebounceMs: 200 });
  tokens.reporter = (await addAccount(server.db, reporter.name, 'reporter')).token;
  tokens.desk = (await addAccount(server.db, desk.name, 'desk')).token;
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
}, 60_000);

function hubFor(token: string, serverUrl = server.url): NewsroomHub {
  const api = createNewsroomApi({ serverUrl, token, timeoutMs: 10_000 });
  return new NewsroomHub({
    api,
    connect: (articleId) => connectStoryDoc({ collabUrl: collabUrlOf(serverUrl), articleId, token }),
    syncTimeoutMs: 10_000,
  });
}

function story(headline: string): Article {
  seq += 1;
  const article = newArticle(`hubstory${Date.now().toString(36)}${seq}`, new Date().toISOString());
  return {
    ...article,
    headline,
    summary: 'Roads closed',
    meta: { ...article.meta, section: 'City', tags: ['weather'] },
    body: {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Rain' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'The river ' }, { type: 'text', text: 'rose', marks: [{ type: 'bold' }] }, { type: 'text', text: ' overnight.' }] },
      ],
    },
  };
}

function act(history: WorkflowEvent[], status: Article['status'], owner: string | null, action: WorkflowAction, by: NewsroomProfile, note?: string): WorkflowEvent[] {
  seq += 1;
  const result = transition({ status, owner }, action, by, { id: `ev${Date.now().toString(36)}${seq}`, at: new Date().toISOString(), note });
  return [...history, result.event];
}

async function failure(work: Promise<unknown>): Promise<{ code: string; kind: unknown }> {
  try {
    await work;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { code: error.code, kind: (error.details as { kind?: unknown } | undefined)?.kind };
  }
  throw new Error('expected a failure');
}

describe('the newsroom server review hub', () => {
  it('submits, lists, opens and approves through the server', async () => {
    const reporterHub = hubFor(tokens.reporter);
    const deskHub = hubFor(tokens.desk);
    const article = story('Flood in the valley');
    const submitted = act([], 'draft', null, 'submit', reporter);
    const written = await reporterHub.submit(article, { by: reporter, to: 'desk', history: submitted, comments: [], baseHubRevision: null });
    expect(written.hubRevision).toBe(1);

    const queue = await deskHub.list({ status: ['submitted'] });
    expect(queue.entries.map((e) => e.articleId)).toContain(article.id);
    expect(queue.entries.find((e) => e.articleId === article.id)?.submittedBy.name).toBe(reporter.name);

    const opened = await deskHub.open(article.id);
    expect(opened.article.headline).toBe('Flood in the valley');
    expect(opened.article.summary).toBe('Roads closed');
    expect(opened.article.meta.tags).toEqual(['weather']);
    expect(opened.article.body).toEqual(article.body);
    expect(opened.article.status).toBe('submitted');
    expect(opened.history.map((e) => e.id)).toEqual(submitted.map((e) => e.id));

    const approved = act(opened.history, 'submitted', reporter.name, 'approve', desk);
    const comment = { id: `c${seq}`, author: desk, createdAt: new Date().toISOString(), body: 'Good.', anchor: null, orphanedQuote: null, resolved: false, resolvedBy: null, resolvedAt: null, replies: [] };
    const after = await deskHub.update(article.id, { history: approved, comments: [comment], by: desk, baseHubRevision: opened.hubRevision });
    expect(after.hubRevision).toBe(3);
    expect(await reporterHub.currentRevision(article.id)).toBe(3);
    const seen = await reporterHub.open(article.id);
    expect(seen.article.status).toBe('approved');
    expect(seen.comments.map((c) => c.body)).toEqual(['Good.']);

    // Sent again (a reply lost on the way): the server recognises the ids and applies nothing twice.
    expect((await deskHub.update(article.id, { history: approved, comments: [comment], by: desk, baseHubRevision: 3 })).hubRevision).toBe(3);
  });

  it('refuses a reporter’s approval with the workflow’s own reason', async () => {
    const reporterHub = hubFor(tokens.reporter);
    const article = story('Council vote');
    const submitted = act([], 'draft', null, 'submit', reporter);
    await reporterHub.submit(article, { by: reporter, to: 'desk', history: submitted, comments: [], baseHubRevision: null });
    // Recorded by a reporter's app that believes it is an editor: the server checks the account.
    const forged = act(submitted, 'submitted', reporter.name, 'approve', { name: reporter.name, role: 'editor' });
    expect(await failure(reporterHub.update(article.id, { history: forged, comments: [], by: reporter, baseHubRevision: 1 }))).toEqual({ code: 'permission-denied', kind: 'editors-only' });
    expect((await hubFor(tokens.desk).open(article.id)).article.status).toBe('submitted');
  });

  it('answers a stale action with a conflict that names the status', async () => {
    const reporterHub = hubFor(tokens.reporter);
    const deskHub = hubFor(tokens.desk);
    const article = story('Bridge reopens');
    const submitted = act([], 'draft', null, 'submit', reporter);
    await reporterHub.submit(article, { by: reporter, to: 'desk', history: submitted, comments: [], baseHubRevision: null });
    await deskHub.update(article.id, { history: act(submitted, 'submitted', reporter.name, 'approve', desk), comments: [], by: desk, baseHubRevision: 1 });
    // A second editor, who had not seen the approval, returns it for changes.
    const stale = act(submitted, 'submitted', reporter.name, 'request-changes', desk, 'More quotes');
    expect(await failure(deskHub.update(article.id, { history: stale, comments: [], by: desk, baseHubRevision: 1 }))).toEqual({ code: 'conflict', kind: 'workflow-wrong-status' });
  });

  it('says a wrong token is refused, and an absent server is unreachable', async () => {
    expect(await failure(hubFor('dln_not-a-token').list())).toEqual({ code: 'remote-auth', kind: 'newsroom-auth' });
    const port = await closedPort();
    const offline = await failure(hubFor(tokens.desk, `http://127.0.0.1:${port}`).list());
    expect(offline).toEqual({ code: 'remote-unreachable', kind: 'newsroom-unreachable' });
  });
});

/** A port nothing listens on: taken, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
