// A newsroom server node is killed (SIGKILL) while four people type in one story across two nodes
// sharing PostgreSQL and Redis: its clients move to the other node, and at the end every client and
// the database hold the same document with every keystroke in it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { storyBodyText, storyDocParts } from '../../common/collab/story-doc';
import { storyDocumentName } from '../../common/collab/story-name';
import { addAccount } from '../../server/accounts/account-store';
import { openDatabase } from '../../server/db/open-database';
import type { SqlDatabase } from '../../server/db/sql-database';
import { fetchStoryState } from '../../server/stories/story-store';
import { startPostgres, type PrivatePostgres } from '../support/newsroom/private-postgres';
import { startRedis, type PrivateRedis } from '../support/newsroom/private-redis';
import { startServerProcess, type ServerProcess } from '../support/newsroom/server-process';
import { connectStory, type StoryClient } from '../support/newsroom/story-client';
import { waitUntil } from '../support/wait-until';

let postgres: PrivatePostgres;
let redis: PrivateRedis;
let db: SqlDatabase;
let nodes: ServerProcess[] = [];
const clients: StoryClient[] = [];

const KEYSTROKES = 60;
const KILL_AFTER = 20;

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  db = await openDatabase({ databaseUrl: postgres.url, dataDir: '' });
  const args = ['--database-url', postgres.url, '--redis-url', redis.url];
  nodes = await Promise.all([startServerProcess([...args, '--node-name', 'one']), startServerProcess([...args, '--node-name', 'two'])]);
}, 240_000);

afterAll(async () => {
  clients.forEach((client) => client.destroy());
  await Promise.all(nodes.map((node) => node.stop()));
  await db?.close();
  await Promise.all([postgres?.stop(), redis?.stop()]);
}, 120_000);

function typeToken(client: StoryClient, token: string): void {
  const { body } = storyDocParts(client.doc);
  client.doc.transact(() => {
    if (body.length === 0) body.insert(0, [new Y.XmlElement('paragraph')]);
    const paragraph = body.get(0) as Y.XmlElement;
    if (paragraph.length === 0) paragraph.insert(0, [new Y.XmlText()]);
    const text = paragraph.get(0) as Y.XmlText;
    text.insert(text.length, token);
  });
}

it('moves the clients of a killed node to the other and loses no keystroke', async () => {
  const { token } = await addAccount(db, 'Desk Failover', 'editor');
  const id = `failover${Date.now().toString(36)}`;
  const alive = [true, true];
  const urlFor = (preferred: number) => () => (alive[preferred] ? nodes[preferred]!.collabUrl : nodes[1 - preferred]!.collabUrl);
  for (let i = 0; i < 4; i++) clients.push(connectStory({ url: urlFor(i % 2), name: storyDocumentName(id), token }));
  await Promise.all(clients.map((client) => client.ready));

  const typed = clients.map(() => 0);
  let killed: Promise<void> | null = null;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      clients.forEach((client, i) => {
        if (typed[i]! < KEYSTROKES) typeToken(client, `c${i}k${typed[i]!++} `);
      });
      if (!killed && typed[0]! >= KILL_AFTER) {
        alive[0] = false;
        killed = nodes[0]!.kill();
      }
      if (typed.every((n) => n >= KEYSTROKES)) {
        clearInterval(timer);
        resolve();
      }
    }, 40);
  });
  await killed;

  const expectedTokens = clients.flatMap((_, i) => Array.from({ length: KEYSTROKES }, (_unused, k) => `c${i}k${k}`));
  const complete = (text: string) => expectedTokens.every((t) => text.includes(`${t} `));
  await waitUntil(() => clients.every((client) => complete(storyBodyText(client.doc))), 'every client to hold every keystroke', 90_000);
  const texts = clients.map((client) => storyBodyText(client.doc));
  expect(new Set(texts).size).toBe(1);
  const vectors = clients.map((client) => Buffer.from(Y.encodeStateVector(client.doc)).toString('base64'));
  expect(new Set(vectors).size).toBe(1);

  await waitUntil(
    async () => {
      const state = await fetchStoryState(db, id);
      if (!state) return false;
      const stored = new Y.Doc();
      Y.applyUpdate(stored, state);
      return storyBodyText(stored) === texts[0];
    },
    'the database to hold the same document',
    90_000,
  );
}, 300_000);
