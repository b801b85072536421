// A newsroom server node on a real PostgreSQL 15 that is restarted under it: the node's NOTIFY
// listener connects again, so a status change made after the restart still reaches the story's
// connections (read-only for the reporter once approved, a `story.status` notice to everyone).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { storyDocumentName } from '../../common/collab/story-name';
import pg from 'pg';
import { addAccount } from '../../server/accounts/account-store';
import { createPgListener } from '../../server/db/pg-listener';
import { startNewsroomServer, type NewsroomServer } from '../../server/newsroom-server';
import { startPostgres, type PrivatePostgres } from '../support/newsroom/private-postgres';
import { connectStory, type StoryClient } from '../support/newsroom/story-client';
import { waitUntil } from '../support/wait-until';

let postgres: PrivatePostgres;
let node: NewsroomServer;
const tokens = { reporter: '', editor: '' };
const clients: StoryClient[] = [];

beforeAll(async () => {
  postgres = await startPostgres();
  node = await startNewsroomServer({ port: 0, databaseUrl: postgres.url, dataDir: '', redisUrl: null, nodeName: 'restarted-pg', debounceMs: 50, maxDebounceMs: 200 });
  tokens.reporter = (await addAccount(node.db, 'Li Wei', 'reporter')).token;
  tokens.editor = (await addAccount(node.db, 'Ana Desk', 'editor')).token;
}, 120_000);

afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await node?.stop();
  await postgres?.stop();
}, 60_000);

/** The API call, retried while PostgreSQL is still coming back (the pool answers 500 until then). */
async function workflow(token: string, id: string, action: string): Promise<void> {
  await waitUntil(
    async () => {
      const response = await fetch(`${node.url}/api/stories/${id}/workflow`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ id: `${id}-${action}`, action }),
      });
      await response.arrayBuffer();
      return response.ok;
    },
    `the ${action} call to succeed`,
    30_000,
    100,
  );
}

it('still turns a reporter read-only and pushes story.status after PostgreSQL restarts', async () => {
  const id = `story${Date.now().toString(36)}pgrestart`;
  const reporter = connectStory({ url: node.collabUrl, name: storyDocumentName(id), token: tokens.reporter });
  const desk = connectStory({ url: node.collabUrl, name: storyDocumentName(id), token: tokens.editor });
  clients.push(reporter, desk);
  await Promise.all([reporter.ready, desk.ready]);

  await workflow(tokens.reporter, id, 'submit');
  await waitUntil(() => desk.notices.some((notice) => notice.status === 'submitted'), 'the desk to hear of the submission before the restart');

  await postgres.restart();

  await workflow(tokens.editor, id, 'approve');
  await waitUntil(() => reporter.notices.some((notice) => notice.status === 'approved' && notice.readOnly), 'the reporter to hear the story is approved and read-only', 30_000);
  await waitUntil(() => desk.notices.some((notice) => notice.status === 'approved' && !notice.readOnly), 'the desk to hear the story is approved', 30_000);
  const connection = [...(node.collab.documents.get(storyDocumentName(id))?.getConnections() ?? [])].find((c) => c.context?.account?.role === 'reporter');
  expect(connection?.readOnly).toBe(true);
}, 120_000);

it('the listener listens again after a restart, and says so, since NOTIFYs sent meanwhile are lost', async () => {
  const heard: string[] = [];
  let resumed = 0;
  const listener = createPgListener(postgres.url, { log: () => undefined });
  try {
    await listener.listen('dateline_restart_probe', (payload) => heard.push(payload), () => (resumed += 1));
    const notify = async (payload: string) => {
      const client = new pg.Client({ connectionString: postgres.url });
      await client.connect();
      await client.query("SELECT pg_notify('dateline_restart_probe', $1)", [payload]);
      await client.end();
    };
    await notify('before');
    await waitUntil(() => heard.includes('before'), 'the NOTIFY before the restart');
    await postgres.restart();
    await waitUntil(() => resumed === 1, 'the listener to connect again and say it resumed', 30_000);
    await notify('after');
    await waitUntil(() => heard.includes('after'), 'the NOTIFY after the restart');
    expect(heard).toEqual(['before', 'after']);
  } finally {
    await listener.close();
  }
}, 120_000);
