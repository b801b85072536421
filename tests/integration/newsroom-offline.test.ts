// Offline first against a real newsroom server started in this process: a reporter's story opens
// from this machine's disk with no network, 300 words and an edit to a paragraph the desk is also
// changing are typed offline (and survive a restart of the app while still offline), and on
// reconnection both sides merge: nothing from either side is lost.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { storyBodyText, storyDocParts } from '../../common/collab/story-doc';
import { openOfflineStory, type OfflineStory } from '../../electron/services/collab/offline-story';
import { connectStoryDoc, type StoryConnection } from '../../electron/services/collab/story-connection';
import { StoryUpdateLog } from '../../electron/services/collab/story-update-log';
import { addAccount } from '../../server/accounts/account-store';
import { startNewsroomServer, type NewsroomServer } from '../../server/newsroom-server';

let dir: string;
let server: NewsroomServer;
let deadUrl: string;
const tokens = { reporter: '', desk: '' };
const open: { close(): unknown }[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dateline-newsroom-offline-'));
  server = await startNewsroomServer({ port: 0, databaseUrl: null, dataDir: join(dir, 'server'), redisUrl: null, debounceMs: 50, maxDebounceMs: 200 });
  tokens.reporter = (await addAccount(server.db, 'Li Wei', 'reporter')).token;
  tokens.desk = (await addAccount(server.db, 'Ana Desk', 'desk')).token;
  deadUrl = `ws://127.0.0.1:${await closedPort()}/collab`;
}, 120_000);

afterAll(async () => {
  for (const item of open.splice(0)) await item.close();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
}, 60_000);

/** Appends `text` to paragraph `index` (made, with those before it, when missing). */
function type(doc: Y.Doc, index: number, text: string): void {
  const { body } = storyDocParts(doc);
  doc.transact(() => {
    while (body.length <= index) body.insert(body.length, [new Y.XmlElement('paragraph')]);
    const paragraph = body.get(index) as Y.XmlElement;
    if (paragraph.length === 0) paragraph.insert(0, [new Y.XmlText()]);
    const node = paragraph.get(0) as Y.XmlText;
    node.insert(node.length, text);
  });
}

function untilText(doc: Y.Doc, matches: (text: string) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!matches(storyBodyText(doc))) return;
      doc.off('update', check);
      resolve();
    };
    doc.on('update', check);
    check();
  });
}

it('edits a story offline, keeps it across a restart, and merges it with the desk’s edits on reconnection', async () => {
  const id = `offline${Date.now().toString(36)}`;
  const log = new StoryUpdateLog({ dir: join(dir, 'reporter-collab'), compactAfter: 50 });
  let url = server.collabUrl;
  const reporterOpens = async (): Promise<OfflineStory> => {
    const story = await openOfflineStory({ articleId: id, log, connect: (doc) => connectStoryDoc({ collabUrl: () => url, articleId: id, token: tokens.reporter, doc }) });
    open.push(story);
    return story;
  };

  // Online: the reporter makes the story (it is theirs) and writes its first paragraph.
  const first = await reporterOpens();
  await first.connection.synced;
  type(first.doc, 0, 'The river rose overnight.');
  const desk: StoryConnection = connectStoryDoc({ collabUrl: server.collabUrl, articleId: id, token: tokens.desk });
  open.push(desk);
  await desk.synced;
  await untilText(desk.doc, (text) => text === 'The river rose overnight.');
  await first.close();

  // Offline: the story opens from disk alone and takes 300 words and an edit to the first paragraph.
  url = deadUrl;
  const offline = await reporterOpens();
  expect(storyBodyText(offline.doc)).toBe('The river rose overnight.');
  const words = Array.from({ length: 300 }, (_, i) => `word${i}`);
  for (const word of words) type(offline.doc, 1, `${word} `);
  type(offline.doc, 0, ' Reporter: roads closed.');
  await offline.close();
  // Meanwhile the desk changes the same paragraph.
  type(desk.doc, 0, ' Desk: schools shut.');

  // The app restarts, still offline: everything typed is there.
  const restarted = await reporterOpens();
  const kept = storyBodyText(restarted.doc);
  expect(kept).toContain('Reporter: roads closed.');
  for (const word of words) expect(kept).toContain(`${word} `);

  // Back online: both versions of the paragraph are kept, and the 300 words reach the desk.
  url = server.collabUrl;
  const merged = (text: string) => text.includes('Reporter: roads closed.') && text.includes('Desk: schools shut.') && text.includes('word299');
  await Promise.all([untilText(restarted.doc, merged), untilText(desk.doc, merged)]);
  await untilText(desk.doc, (text) => text === storyBodyText(restarted.doc));
  expect(storyBodyText(desk.doc).split('\n')[0]).toMatch(/^The river rose overnight\.( Reporter: roads closed\.| Desk: schools shut\.){2}$/);
  for (const word of words) expect(storyBodyText(desk.doc)).toContain(`${word} `);

  // And what the desk wrote is now on the reporter's disk too: it opens offline with both.
  await restarted.close();
  url = deadUrl;
  const again = await reporterOpens();
  expect(storyBodyText(again.doc)).toBe(storyBodyText(desk.doc));
}, 120_000);

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
