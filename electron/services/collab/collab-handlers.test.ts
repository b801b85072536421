// Runs in: vitest (Node). The collab.* handlers keep the account token in the services: the
// session the editor gets names no token, and collab.ticket asks the newsroom server for a story
// ticket with the token as Bearer, failing with a typed error when it cannot.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { HubLink } from '../../../common/workflow/review-contract';
import { createCollabHandlers } from './collab-handlers';
import { StoryUpdateLog } from './story-update-log';

const ID = 'story0000000001';
const SERVER = 'http://newsroom.test:4455';
const TOKEN = 'dln_the-account-token';
const LINK: HubLink = { kind: 'newsroom', location: SERVER, hubRevision: 1, submittedTo: 'newsroom', syncedAt: '2026-12-01T09:00:00.000Z', localRevision: 1, keepsComments: true };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dateline-collab-handlers-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

interface Seen {
  url: string;
  method: string;
  authorization: string | null;
}

function handlers(answer: (seen: Seen) => Response, token: string | null = TOKEN) {
  const seen: Seen[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = { url: String(input), method: init?.method ?? 'GET', authorization: new Headers(init?.headers).get('authorization') };
    seen.push(request);
    return answer(request);
  };
  const collab = createCollabHandlers({
    log: new StoryUpdateLog({ dir }),
    hubOf: async () => LINK,
    hubSetting: async () => ({ kind: 'newsroom', serverUrl: SERVER }),
    profile: async () => ({ name: 'Li Wei', role: 'reporter' }),
    secrets: { get: async (key) => (key === `newsroom-token:${SERVER}` ? token : null) },
    fetch: fetch as typeof globalThis.fetch,
  });
  return { collab, seen };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

it('hands the editor a session with no token in it', async () => {
  const { collab } = handlers(() => json(500, {}));
  const session = await collab['collab.session']({ id: ID });
  expect(session).toEqual({ collabUrl: 'ws://newsroom.test:4455/collab', documentName: `story/${ID}`, user: { name: 'Li Wei', role: 'reporter' } });
  expect(JSON.stringify(session)).not.toContain(TOKEN);
});

it('fetches a story ticket from the server with the account token', async () => {
  const { collab, seen } = handlers(() => json(200, { ticket: 'dlt_fresh', expiresAt: '2026-12-01T09:10:00.000Z' }));
  expect(await collab['collab.ticket']({ id: ID })).toEqual({ ticket: 'dlt_fresh', expiresAt: '2026-12-01T09:10:00.000Z' });
  expect(seen).toEqual([{ url: `${SERVER}/api/stories/${ID}/ticket`, method: 'POST', authorization: `Bearer ${TOKEN}` }]);
});

it('fails with typed errors when the server refuses, cannot be reached, or the story is not shared', async () => {
  const refused = handlers(() => json(401, { error: { code: 'unauthorized', message: 'no', details: null } }));
  await expect(refused.collab['collab.ticket']({ id: ID })).rejects.toMatchObject({ details: { kind: 'newsroom-auth' } });
  const down = handlers(() => {
    throw new TypeError('fetch failed');
  });
  await expect(down.collab['collab.ticket']({ id: ID })).rejects.toMatchObject({ details: { kind: 'newsroom-unreachable' } });
  const noToken = handlers(() => json(200, { ticket: 'dlt_x', expiresAt: '' }), null);
  await expect(noToken.collab['collab.ticket']({ id: ID })).rejects.toMatchObject({ details: { kind: 'newsroom-not-found' } });
  expect(noToken.seen).toEqual([]);
});
