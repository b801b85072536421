// The app's services with "Newsroom server" as the review hub, against a real newsroom server started
// in this process: the token set in Settings goes to the SecretStore (never into settings), a
// reporter's submission reaches the desk's queue and badge, the desk opens and approves it through
// the server, and an app whose settings claim a role the account does not have is refused by the server.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DatelineEvent } from '../../common/contract-events';
import { createServices, type Services } from '../../electron/services/create-services';
import { createEventBus } from '../../electron/services/events/event-bus';
import { browserSecretsPath } from '../../electron/services/publish/publishing-service';
import { addAccount } from '../../server/accounts/account-store';
import { startNewsroomServer, type NewsroomServer } from '../../server/newsroom-server';
import { createReadyStory, servicesCaller, type ServicesCall } from '../support/services-caller';
import { waitUntil } from '../support/wait-until';

let root: string;
let server: NewsroomServer;
const tokens = { reporter: '', desk: '' };
const opened: Services[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-newsroom-services-'));
  server = await startNewsroomServer({ port: 0, databaseUrl: null, dataDir: join(root, 'server'), redisUrl: null, debounceMs: 50, maxDebounceMs: 200 });
  tokens.reporter = (await addAccount(server.db, 'Li Wei', 'reporter')).token;
  tokens.desk = (await addAccount(server.db, 'Ana Desk', 'desk')).token;
}, 120_000);

afterAll(async () => {
  await Promise.all(opened.splice(0).map((services) => services.close()));
  await server?.stop();
  await rm(root, { recursive: true, force: true });
}, 60_000);

interface App {
  call: ServicesCall;
  /** Every event heard so far. */
  log: DatelineEvent[];
  /** Resolves when an event like this was heard (already, or later). */
  heard(match: (event: DatelineEvent) => boolean): Promise<void>;
}

async function app(name: string, profile: { userName: string; role: 'reporter' | 'editor' }, token: string, reviewSyncMs = 300): Promise<App> {
  const events = createEventBus();
  const log: DatelineEvent[] = [];
  events.subscribe((event) => log.push(event));
  const heard = (match: (event: DatelineEvent) => boolean) =>
    new Promise<void>((resolve) => {
      if (log.some(match)) return resolve();
      events.subscribe((event) => {
        if (match(event)) resolve();
      });
    });
  const services = await createServices({ dataDir: join(root, name), transport: 'http', version: 'test', systemLocale: 'en', documentsDir: join(root, `${name}-docs`), events, reviewSyncMs });
  opened.push(services);
  const call = servicesCaller(services);
  await call('settings.update', { ...profile, reviewHub: { kind: 'newsroom', serverUrl: server.url }, newsroomToken: token });
  return { call, log, heard };
}

describe('services with a newsroom server review hub', () => {
  it('keeps the token out of settings, and carries a story from reporter to desk through the server', async () => {
    const reporter = await app('reporter', { userName: 'Li Wei', role: 'reporter' }, tokens.reporter);
    const desk = await app('desk', { userName: 'Ana Desk', role: 'editor' }, tokens.desk);

    // Only the SecretStore holds it.
    const secretsFile = browserSecretsPath(join(root, 'desk'));
    expect(await readFile(secretsFile, 'utf8')).toContain(tokens.desk);
    const files = (await readdir(join(root, 'desk'), { recursive: true })).filter((f) => f.endsWith('.json') && join(root, 'desk', f) !== secretsFile);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(await readFile(join(root, 'desk', file), 'utf8')).not.toContain(tokens.desk);
    expect(JSON.stringify(await desk.call('settings.get', {}))).not.toContain(tokens.desk);

    const id = await createReadyStory(reporter.call, { headline: 'Flood in the valley', summary: 'Roads closed', section: 'City', tag: 'weather', byline: 'Li Wei', text: 'The river rose overnight.' });
    await reporter.call('review.transition', { id, action: 'submit' });

    const queue = await desk.call('review.queue', { scope: 'for-me' });
    expect(queue.hub).toEqual({ kind: 'newsroom', location: server.url });
    expect(queue.entries.map((e) => e.articleId)).toEqual([id]);
    // The badge: the services' review loop reads the server's list (a status push reaches only the stories open here).
    await desk.heard((e) => e.name === 'review.queueChanged' && e.payload.waiting === 1);

    await desk.call('review.open', { id });
    const article = await desk.call('articles.get', { id });
    expect(article.headline).toBe('Flood in the valley');
    expect(article.body).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The river rose overnight.' }] }] });
    const approved = await desk.call('review.transition', { id, action: 'approve' });
    expect(approved.status).toBe('approved');
    const onServer = await fetch(`${server.url}/api/stories/${id}`, { headers: { authorization: `Bearer ${tokens.desk}` } });
    expect(((await onServer.json()) as { status: string }).status).toBe('approved');
    expect((await desk.call('review.queue', { scope: 'for-me' })).entries).toEqual([]);
  });

  it('tells the editor how to join a story once it is on the server, and keeps its updates on disk', async () => {
    const reporter = await app('sharing', { userName: 'Li Wei', role: 'reporter' }, tokens.reporter);
    const id = await createReadyStory(reporter.call, { headline: 'Storm warning', summary: 'Gales', section: 'City', tag: 'weather', byline: 'Li Wei', text: 'Gales expected.' });
    // Kept on this machine alone until it goes to the server: single-writer, no session.
    expect(await reporter.call('collab.session', { id })).toBeNull();
    await reporter.call('review.transition', { id, action: 'submit' });
    const session = await reporter.call('collab.session', { id });
    // The account token stays in the services: the editor connects with a story ticket instead.
    expect(session).toEqual({ collabUrl: server.collabUrl, documentName: `story/${id}`, user: { name: 'Li Wei', role: 'reporter' } });
    const { ticket } = await reporter.call('collab.ticket', { id });
    expect(ticket).toMatch(/^dlt_/);

    // The editor's updates are kept by the services and read back merged.
    const doc = new Y.Doc();
    doc.getXmlFragment('body').insert(0, [new Y.XmlElement('paragraph')]);
    expect(await reporter.call('collab.append', { id, update: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64') })).toEqual({ ok: true });
    const { state } = await reporter.call('collab.load', { id });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, new Uint8Array(Buffer.from(state ?? '', 'base64')));
    expect(copy.getXmlFragment('body').length).toBe(1);
  });

  it('a colleague’s submission reaches the desk’s queue and badge by push, with no sync run', async () => {
    const reporter = await app('push-reporter', { userName: 'Li Wei', role: 'reporter' }, tokens.reporter);
    // The desk's sync loop runs once as the services start (before the hub is set) and not again within the test.
    const streams = server.events.count('Ana Desk');
    const desk = await app('push-desk', { userName: 'Ana Desk', role: 'editor' }, tokens.desk, 3_600_000);
    const before = (await desk.call('review.queue', { scope: 'for-me' })).entries.length;
    // Reading the queue made the hub, which follows the server's event stream.
    await waitUntil(() => server.events.count('Ana Desk') > streams, 'the desk’s services to follow the server’s event stream');
    await waitUntil(() => desk.log.filter((e) => e.name === 'review.queueChanged').at(-1)?.payload.waiting === before, 'the desk’s badge to show what waits now');
    const mark = desk.log.length;

    const id = await createReadyStory(reporter.call, { headline: 'Bridge closes', summary: 'Cracks found', section: 'City', tag: 'traffic', byline: 'Li Wei', text: 'Engineers found cracks.' });
    await reporter.call('review.transition', { id, action: 'submit' });
    await waitUntil(
      () => desk.log.slice(mark).some((e) => e.name === 'review.queueChanged' && e.payload.waiting === before + 1),
      'the desk’s badge to count the new submission',
      30_000,
    );
    expect((await desk.call('review.queue', { scope: 'for-me' })).entries.map((e) => e.articleId)).toContain(id);
  });

  it('is refused by the server when the app claims a role the account does not have', async () => {
    const reporter = await app('claims-editor', { userName: 'Li Wei', role: 'editor' }, tokens.reporter);
    const id = await createReadyStory(reporter.call, { headline: 'Council vote', summary: 'Budget passes', section: 'City', tag: 'politics', byline: 'Li Wei', text: 'The council voted.' });
    await reporter.call('review.transition', { id, action: 'submit' });
    const refusal = await reporter.call('review.transition', { id, action: 'approve' }).then(
      () => null,
      (error: unknown) => error as { code: string; details: { kind?: string } },
    );
    expect(refusal?.code).toBe('permission-denied');
    expect(refusal?.details.kind).toBe('editors-only');
    const onServer = await fetch(`${server.url}/api/stories/${id}`, { headers: { authorization: `Bearer ${tokens.reporter}` } });
    expect(((await onServer.json()) as { status: string }).status).toBe('submitted');
  });
});
