// The editor's story session (renderer/editor/collab/story-session.ts) against a real newsroom
// server and the real services: the reporter's and the desk's sessions share the story a reporter
// submitted, typing in one reaches the other, and every update is in the services' offline copy;
// every (re)connection authenticates with a fresh story ticket, and one that could not be had is
// asked for again.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { storyBodyText, storyDocParts } from '../../common/collab/story-doc';
import { waitUntil } from '../support/wait-until';
import type { DatelineApi, OperationInput, OperationName, OperationResult } from '../../common/contract';
import { createServices, type Services } from '../../electron/services/create-services';
import { createEventBus } from '../../electron/services/events/event-bus';
import { openStorySession, type StorySession } from '../../renderer/editor/collab/story-session';
import { addAccount } from '../../server/accounts/account-store';
import { startNewsroomServer, type NewsroomServer } from '../../server/newsroom-server';
import { createReadyStory, servicesCaller, type ServicesCall } from '../support/services-caller';

let root: string;
let server: NewsroomServer;
const tokens = { reporter: '', desk: '' };
const opened: Services[] = [];
const sessions: StorySession[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-story-session-'));
  server = await startNewsroomServer({ port: 0, databaseUrl: null, dataDir: join(root, 'server'), redisUrl: null, debounceMs: 50, maxDebounceMs: 200 });
  tokens.reporter = (await addAccount(server.db, 'Li Wei', 'reporter')).token;
  tokens.desk = (await addAccount(server.db, 'Ana Desk', 'desk')).token;
}, 120_000);

afterAll(async () => {
  sessions.forEach((session) => session.destroy());
  await Promise.all(opened.splice(0).map((services) => services.close()));
  await server?.stop();
  await rm(root, { recursive: true, force: true });
}, 60_000);

async function app(name: string, profile: { userName: string; role: 'reporter' | 'editor' }, token: string): Promise<{ call: ServicesCall; api: DatelineApi }> {
  const services = await createServices({ dataDir: join(root, name), transport: 'http', version: 'test', systemLocale: 'en', documentsDir: join(root, `${name}-docs`), events: createEventBus() });
  opened.push(services);
  const call = servicesCaller(services);
  await call('settings.update', { ...profile, reviewHub: { kind: 'newsroom', serverUrl: server.url }, newsroomToken: token });
  const api: DatelineApi = {
    transport: 'http',
    mediaUrl: (id) => id,
    thumbnailUrl: (id) => id,
    call: <K extends OperationName>(operation: K, input: OperationInput<K>) => call(operation, input) as Promise<OperationResult<K>>,
  };
  return { call, api };
}

function untilText(doc: Y.Doc, expected: string): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (storyBodyText(doc) !== expected) return;
      doc.off('update', check);
      resolve();
    };
    doc.on('update', check);
    check();
  });
}

it('shares a submitted story between the reporter’s and the desk’s sessions, and keeps it on disk', async () => {
  const reporter = await app('reporter', { userName: 'Li Wei', role: 'reporter' }, tokens.reporter);
  const desk = await app('desk', { userName: 'Ana Desk', role: 'editor' }, tokens.desk);
  const id = await createReadyStory(reporter.call, { headline: 'Flood', summary: 'Roads closed', section: 'City', tag: 'weather', byline: 'Li Wei', text: 'The river rose.' });
  await reporter.call('review.transition', { id, action: 'submit' });
  await desk.call('review.open', { id });

  const open = async (side: { call: ServicesCall; api: DatelineApi }): Promise<StorySession> => {
    const session = await side.call('collab.session', { id });
    if (!session) throw new Error('no session for a submitted story');
    const story = await openStorySession({ api: side.api, articleId: id, session, color: '#1f77b4', onPersistError: (error) => { throw error; }, WebSocketPolyfill: WebSocket });
    sessions.push(story);
    await story.ready;
    return story;
  };
  const mine = await open(reporter);
  const theirs = await open(desk);
  expect(storyBodyText(mine.doc)).toBe('The river rose.');
  expect(storyBodyText(theirs.doc)).toBe('The river rose.');

  const paragraph = storyDocParts(mine.doc).body.get(0) as Y.XmlElement;
  (paragraph.get(0) as Y.XmlText).insert('The river rose.'.length, ' Roads closed.');
  await untilText(theirs.doc, 'The river rose. Roads closed.');

  await mine.flushed();
  const { state } = await reporter.call('collab.load', { id });
  const copy = new Y.Doc();
  Y.applyUpdate(copy, new Uint8Array(Buffer.from(state ?? '', 'base64')));
  expect(storyBodyText(copy)).toBe('The river rose. Roads closed.');
});

it('asks for a fresh ticket at every connection, and again when one could not be had', async () => {
  const reporter = await app('reconnecting', { userName: 'Li Wei', role: 'reporter' }, tokens.reporter);
  const id = await createReadyStory(reporter.call, { headline: 'Fog', summary: 'Airport shut', section: 'City', tag: 'weather', byline: 'Li Wei', text: 'Thick fog.' });
  await reporter.call('review.transition', { id, action: 'submit' });
  const tickets: string[] = [];
  let failNext = true;
  const api: DatelineApi = {
    ...reporter.api,
    call: async <K extends OperationName>(operation: K, input: OperationInput<K>): Promise<OperationResult<K>> => {
      if (operation !== 'collab.ticket') return reporter.api.call(operation, input);
      if (failNext) {
        failNext = false;
        throw new Error('the newsroom server could not be reached');
      }
      const result = (await reporter.api.call(operation, input)) as OperationResult<'collab.ticket'>;
      tickets.push(result.ticket);
      return result as OperationResult<K>;
    },
  };
  const session = await reporter.call('collab.session', { id });
  if (!session) throw new Error('no session for a submitted story');
  expect(JSON.stringify(session)).not.toContain(tokens.reporter);
  const story = await openStorySession({ api, articleId: id, session, color: '#1f77b4', onPersistError: (error) => { throw error; }, WebSocketPolyfill: WebSocket });
  sessions.push(story);
  await waitUntil(() => story.connection() === 'synced', 'the session to sync after the failed ticket');
  expect(tickets).toHaveLength(1);

  story.provider.configuration.websocketProvider.webSocket?.close();
  await waitUntil(() => story.connection() === 'offline', 'the session to see the connection cut');
  await waitUntil(() => story.connection() === 'synced', 'the session to reconnect');
  expect(tickets).toHaveLength(2);
  expect(tickets[1]).not.toBe(tickets[0]);
});
