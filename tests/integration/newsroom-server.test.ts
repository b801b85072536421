// Two newsroom server nodes sharing a real PostgreSQL 15 and Redis 7 on 127.0.0.1: live edits
// cross nodes, roles are enforced by the server, a connection turns read-only when the story is
// approved, a story ticket opens its one story on either node, and what is not allowed is refused.
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { anchorInText } from '../../common/collab/story-anchor';
import { storyDocParts, storyBodyText } from '../../common/collab/story-doc';
import { storyDocumentName } from '../../common/collab/story-name';
import type { StoryChangeEvent } from '../../common/collab/newsroom-server-protocol';
import { followNewsroomQueue } from '../../electron/services/review/newsroom-queue-feed';
import { addAccount, hashToken } from '../../server/accounts/account-store';
import { issueStoryTicket, TICKET_LIFETIME_MS } from '../../server/collab/story-tickets';
import { openDatabase } from '../../server/db/open-database';
import type { SqlDatabase } from '../../server/db/sql-database';
import { startNewsroomServer, type NewsroomServer } from '../../server/newsroom-server';
import { ensureStory, fetchStoryState, findStory } from '../../server/stories/story-store';
import { startPostgres, type PrivatePostgres } from '../support/newsroom/private-postgres';
import { startRedis, type PrivateRedis } from '../support/newsroom/private-redis';
import { connectStory, type StoryClient } from '../support/newsroom/story-client';
import { waitUntil } from '../support/wait-until';

let postgres: PrivatePostgres;
let redis: PrivateRedis;
let db: SqlDatabase;
let nodeA: NewsroomServer;
let nodeB: NewsroomServer;
const tokens: Record<'reporter' | 'otherReporter' | 'editor', string> = { reporter: '', otherReporter: '', editor: '' };
const clients: StoryClient[] = [];
let storySeq = 0;

const MAX_MESSAGE_BYTES = 64 * 1024;

function newStoryId(): string {
  storySeq += 1;
  return `story${Date.now().toString(36)}${storySeq.toString().padStart(4, '0')}`;
}

function open(node: NewsroomServer, id: string, token: string | null): StoryClient {
  const client = connectStory({ url: node.collabUrl, name: storyDocumentName(id), token });
  clients.push(client);
  return client;
}

/** Types `text` at the end of the body's first paragraph (made if missing). */
function type(client: StoryClient, text: string): void {
  const { body } = storyDocParts(client.doc);
  client.doc.transact(() => {
    if (body.length === 0) body.insert(0, [new Y.XmlElement('paragraph')]);
    const paragraph = body.get(0) as Y.XmlElement;
    if (paragraph.length === 0) paragraph.insert(0, [new Y.XmlText()]);
    const textNode = paragraph.get(0) as Y.XmlText;
    textNode.insert(textNode.length, text);
  });
}

function textOf(client: StoryClient): string {
  return storyBodyText(client.doc);
}

async function databaseText(id: string): Promise<string> {
  const state = await fetchStoryState(db, id);
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return storyBodyText(doc);
}

function untilText(client: StoryClient, expected: string | ((text: string) => boolean)): Promise<void> {
  const matches = typeof expected === 'string' ? (text: string) => text === expected : expected;
  return new Promise((resolve) => {
    const check = () => {
      if (matches(textOf(client))) {
        client.doc.off('update', check);
        resolve();
      }
    };
    client.doc.on('update', check);
    check();
  });
}

async function api(node: NewsroomServer, token: string | null, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${node.url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  db = await openDatabase({ databaseUrl: postgres.url, dataDir: '' });
  tokens.reporter = (await addAccount(db, 'Li Wei', 'reporter')).token;
  tokens.otherReporter = (await addAccount(db, 'Sam Other', 'reporter')).token;
  tokens.editor = (await addAccount(db, 'Desk Editor', 'desk')).token;
  const common = { port: 0, databaseUrl: postgres.url, dataDir: '', redisUrl: redis.url, debounceMs: 200, maxDebounceMs: 1000 };
  [nodeA, nodeB] = await Promise.all([
    startNewsroomServer({ ...common, nodeName: 'a', maxMessageBytes: MAX_MESSAGE_BYTES, rateLimit: { perSecond: 100, burst: 300 } }),
    startNewsroomServer({ ...common, nodeName: 'b' }),
  ]);
}, 180_000);

afterAll(async () => {
  clients.forEach((client) => client.destroy());
  await Promise.all([nodeA?.stop(), nodeB?.stop()]);
  await db?.close();
  await Promise.all([postgres?.stop(), redis?.stop()]);
}, 120_000);

describe('two newsroom server nodes sharing PostgreSQL and Redis', () => {
  it('binds to 127.0.0.1 by default', () => {
    expect(nodeA.collabUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/collab$/);
  });

  it('carries a reporter’s typing on node A to the desk on node B', async () => {
    const id = newStoryId();
    const reporter = open(nodeA, id, tokens.reporter);
    await reporter.ready;
    const desk = open(nodeB, id, tokens.editor);
    await desk.ready;
    type(reporter, 'Flood waters rise');
    await untilText(desk, 'Flood waters rise');
    type(desk, ' in the valley');
    await untilText(reporter, 'Flood waters rise in the valley');
    await waitUntil(async () => (await databaseText(id)) === 'Flood waters rise in the valley', 'the story in the database');
  });

  it('refuses approval from a reporter, even called directly, and records the desk’s', async () => {
    const id = newStoryId();
    const reporter = open(nodeA, id, tokens.reporter);
    await reporter.ready;
    expect((await api(nodeA, tokens.reporter, 'POST', `/api/stories/${id}/workflow`, { id: `${id}-submit`, action: 'submit' })).status).toBe(200);

    const refused = await api(nodeB, tokens.reporter, 'POST', `/api/stories/${id}/workflow`, { id: `${id}-approve-r`, action: 'approve' });
    expect(refused.status).toBe(403);
    expect((refused.json.error as { code: string }).code).toBe('permission-denied');
    expect((await findStory(db, id))?.status).toBe('submitted');

    const approved = await api(nodeB, tokens.editor, 'POST', `/api/stories/${id}/workflow`, { id: `${id}-approve`, action: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.json.status).toBe('approved');
    const record = await api(nodeA, tokens.reporter, 'GET', `/api/stories/${id}`);
    expect((record.json.history as { action: string; by: { name: string } }[]).map((event) => [event.action, event.by.name])).toEqual([
      ['submit', 'Li Wei'],
      ['approve', 'Desk Editor'],
    ]);
    expect(record.json.canEdit).toBe(false);
  });

  it('pushes status changes made on one node to the event streams on the other, only to those who may open the story', async () => {
    expect((await api(nodeB, null, 'GET', '/api/events')).status).toBe(401);
    const heard: Record<'editor' | 'otherReporter', StoryChangeEvent[]> = { editor: [], otherReporter: [] };
    const opened = { editor: 0, otherReporter: 0 };
    const feeds = (['editor', 'otherReporter'] as const).map((who) =>
      followNewsroomQueue({
        serverUrl: nodeB.url,
        token: tokens[who],
        onChange: (event) => (event ? heard[who].push(event) : (opened[who] += 1)),
      }),
    );
    try {
      await waitUntil(() => opened.editor === 1 && opened.otherReporter === 1, 'both event streams to open on node B');
      const id = newStoryId();
      await ensureStory(db, id, { name: 'Li Wei', role: 'reporter' });
      expect((await api(nodeA, tokens.reporter, 'POST', `/api/stories/${id}/workflow`, { id: `${id}-submit`, action: 'submit' })).status).toBe(200);
      await waitUntil(() => heard.editor.some((event) => event.id === id), 'the desk’s stream on node B to hear the submission on node A');
      expect(heard.editor.find((event) => event.id === id)).toEqual({ type: 'story.changed', id, status: 'submitted' });
      // A later change of the other reporter's own story reaches them; the first one, not theirs to open, did not.
      const own = newStoryId();
      await ensureStory(db, own, { name: 'Sam Other', role: 'reporter' });
      await api(nodeA, tokens.otherReporter, 'POST', `/api/stories/${own}/workflow`, { id: `${own}-submit`, action: 'submit' });
      await waitUntil(() => heard.otherReporter.length > 0, 'the other reporter to hear of their own story');
      expect(heard.otherReporter.map((event) => event.id)).toEqual([own]);
    } finally {
      feeds.forEach((feed) => feed.close());
    }
  });

  it('turns a reporter’s connection read-only once the desk approves, and refuses its update', async () => {
    const id = newStoryId();
    const reporter = open(nodeA, id, tokens.reporter);
    await reporter.ready;
    const desk = open(nodeB, id, tokens.editor);
    await desk.ready;
    type(reporter, 'Council votes');
    await untilText(desk, 'Council votes');
    await waitUntil(async () => (await databaseText(id)) === 'Council votes', 'the draft in the database');

    await api(nodeA, tokens.reporter, 'POST', `/api/stories/${id}/workflow`, { id: `${id}-submit`, action: 'submit' });
    expect((await api(nodeB, tokens.editor, 'POST', `/api/stories/${id}/workflow`, { id: `${id}-approve`, action: 'approve' })).status).toBe(200);
    await waitUntil(() => reporter.notices.some((notice) => notice.status === 'approved' && notice.readOnly), 'the reporter to hear the story is approved and read-only');
    expect(desk.notices.at(-1)).toEqual({ type: 'story.status', status: 'approved', readOnly: false });

    type(reporter, ' TOO LATE');
    await waitUntil(() => reporter.refusedUpdates() > 0, 'the server to refuse the reporter’s update');
    // The desk can still edit; its edit arriving proves the reporter's earlier one was not relayed.
    type(desk, ' 7-2');
    await untilText(reporter, (text) => text.includes(' 7-2'));
    await waitUntil(async () => (await databaseText(id)) === 'Council votes 7-2', 'the desk’s edit in the database');
    expect(textOf(desk)).toBe('Council votes 7-2');
  });

  it('keeps anchored comments on the server, and makes a spiked story read-only for everyone', async () => {
    const id = newStoryId();
    const desk = open(nodeB, id, tokens.editor);
    await desk.ready;
    type(desk, 'Mayor resigns');
    const text = (storyDocParts(desk.doc).body.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const anchor = { from: anchorInText(text, 0), to: anchorInText(text, 5) };
    const commented = await api(nodeA, tokens.editor, 'POST', `/api/stories/${id}/comments`, { id: `${id}-c1`, body: 'Which mayor?', anchor });
    expect(commented.status).toBe(200);
    expect(commented.json.comments).toEqual([expect.objectContaining({ id: `${id}-c1`, body: 'Which mayor?', anchor, by: { name: 'Desk Editor', role: 'editor' } })]);
    const junk = await api(nodeA, tokens.editor, 'POST', `/api/stories/${id}/comments`, { id: `${id}-c2`, body: 'x', anchor: { from: '<script>', to: 'x' } });
    expect(junk.status).toBe(400);

    const spiked = await api(nodeA, tokens.editor, 'POST', `/api/stories/${id}/workflow`, { id: `${id}-spike`, action: 'spike', note: 'Duplicate' });
    expect(spiked.status).toBe(200);
    await waitUntil(() => desk.notices.some((notice) => notice.status === 'spiked' && notice.readOnly), 'the desk to hear the story is spiked and read-only');
    type(desk, ' NOW');
    await waitUntil(() => desk.refusedUpdates() > 0, 'the server to refuse an edit to a spiked story');
    await expect(open(nodeA, id, tokens.editor).ready).resolves.toBeUndefined();
    expect(clients.at(-1)!.provider.authorizedScope).toBe('readonly');
  });

  it('refuses a connection with no token or a wrong token', async () => {
    const id = newStoryId();
    await expect(open(nodeA, id, null).ready).rejects.toThrow('unauthorized');
    await expect(open(nodeB, id, 'dln_not-a-real-token-at-all').ready).rejects.toThrow('unauthorized');
    expect((await api(nodeA, null, 'GET', '/api/stories')).status).toBe(401);
    expect(await findStory(db, id)).toBeNull();
  });

  it('opens a story with its ticket on either node, and refuses it for another story, expired or made up', async () => {
    const id = newStoryId();
    const issued = await api(nodeA, tokens.reporter, 'POST', `/api/stories/${id}/ticket`, {});
    expect(issued.status).toBe(200);
    const ticket = issued.json.ticket as string;
    expect(ticket).toMatch(/^dlt_/);
    expect(Date.parse(issued.json.expiresAt as string)).toBeGreaterThan(Date.now());
    const stored = await db.query<{ ticket_hash: string }>('SELECT ticket_hash FROM collab_tickets WHERE ticket_hash = $1 OR ticket_hash = $2', [hashToken(ticket), ticket]);
    expect(stored.map((row) => row.ticket_hash)).toEqual([hashToken(ticket)]);

    const onA = open(nodeA, id, ticket);
    await onA.ready;
    expect(onA.provider.authorizedScope).toBe('read-write');
    const onB = open(nodeB, id, ticket);
    await onB.ready;
    type(onA, 'By ticket');
    await untilText(onB, 'By ticket');

    const elsewhere = newStoryId();
    await expect(open(nodeB, elsewhere, ticket).ready).rejects.toThrow('unauthorized');
    await expect(open(nodeA, id, 'dlt_not-a-real-ticket-at-all').ready).rejects.toThrow('unauthorized');
    await expect(open(nodeA, id, ticket.slice(0, -1)).ready).rejects.toThrow('unauthorized');
    const expired = await issueStoryTicket(db, { name: 'Li Wei', role: 'reporter' }, storyDocumentName(id), new Date(Date.now() - TICKET_LIFETIME_MS - 60_000));
    await expect(open(nodeB, id, expired.ticket).ready).rejects.toThrow('unauthorized');
    // The next ticket issued clears the expired one away.
    expect((await api(nodeB, tokens.editor, 'POST', `/api/stories/${id}/ticket`, {})).status).toBe(200);
    expect(await db.query('SELECT 1 FROM collab_tickets WHERE ticket_hash = $1', [hashToken(expired.ticket)])).toEqual([]);
  });

  it('gives no ticket to an account that may not open the story, nor without an account token', async () => {
    const id = newStoryId();
    await open(nodeA, id, tokens.reporter).ready;
    const refused = await api(nodeB, tokens.otherReporter, 'POST', `/api/stories/${id}/ticket`, {});
    expect(refused.status).toBe(404);
    expect(refused.json.ticket).toBeUndefined();
    expect((await api(nodeA, null, 'POST', `/api/stories/${id}/ticket`, {})).status).toBe(401);
    const ticket = (await api(nodeA, tokens.reporter, 'POST', `/api/stories/${id}/ticket`, {})).json.ticket as string;
    // A ticket is not an account token: the API does not take it.
    expect((await api(nodeA, ticket, 'GET', '/api/stories')).status).toBe(401);
  });

  it('refuses a story its user may not open, and names that are not stories', async () => {
    const id = newStoryId();
    const owner = open(nodeA, id, tokens.reporter);
    await owner.ready;
    await expect(open(nodeB, id, tokens.otherReporter).ready).rejects.toThrow('forbidden');
    expect((await api(nodeB, tokens.otherReporter, 'GET', `/api/stories/${id}`)).status).toBe(404);
    const desk = open(nodeB, id, tokens.editor);
    await desk.ready;
    const bad = connectStory({ url: nodeA.collabUrl, name: '../accounts', token: tokens.editor });
    clients.push(bad);
    await expect(bad.ready).rejects.toThrow('invalid-document-name');
  });

  it('closes a connection that sends an over-size message, and one that floods', async () => {
    const oversize = new WebSocket(nodeA.collabUrl);
    await new Promise((resolve, reject) => oversize.once('open', resolve).once('error', reject));
    const closedBig = new Promise<number>((resolve) => oversize.once('close', (code) => resolve(code)));
    oversize.send(Buffer.alloc(MAX_MESSAGE_BYTES + 1024, 7));
    expect(await closedBig).toBe(1009);

    const flood = new WebSocket(nodeA.collabUrl);
    await new Promise((resolve, reject) => flood.once('open', resolve).once('error', reject));
    const closedFlood = new Promise<number>((resolve) => flood.once('close', (code) => resolve(code)));
    // Well-formed messages (an awareness query for a story), so only the rate limit can object.
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, storyDocumentName(newStoryId()));
    encoding.writeVarUint(encoder, 3);
    const query = encoding.toUint8Array(encoder);
    for (let i = 0; i < 1000 && flood.readyState === WebSocket.OPEN; i++) flood.send(query);
    expect(await closedFlood).toBe(4429);
  });
});
