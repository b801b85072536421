// Runs in: vitest (Node). The newsroom server's refusals carry typed kinds, the app's newsroom API
// keeps the server's kind (checked against its schema) where it has one, and with the Chinese
// interface every failure, whether the app relays it or reads the server's answer itself, shows
// no English except what the user named (a story id, an account name).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../common/app-error';
import { sortableId } from '../../electron/services/store/sortable-id';
import type { WorkflowCall } from '../../common/collab/newsroom-server-protocol';
import { createNewsroomApi, type NewsroomApi } from '../../electron/services/review/newsroom-api';
import { unwrapEnvelope } from '../../renderer/api/api-error';
import { formatError } from '../../renderer/api/format-error';
import { useI18nStore } from '../../renderer/i18n/i18n-store';
import { addAccount, type Account } from '../../server/accounts/account-store';
import { startNewsroomServer, type NewsroomServer } from '../../server/newsroom-server';
import { ensureStory } from '../../server/stories/story-store';

/** Names Chinese text writes in Latin letters too. */
const NAMES = /Dateline|HTTP/g;
/** Parameters the renderer translates itself: their raw values must not be taken out. */
const TRANSLATED = new Set(['kind', 'action', 'status', 'expected', 'actual', 'field']);

/** What the user reads for an error envelope ({ ok: false, error: { code, message, details } }), and the values it names. */
function read(wire: unknown): { text: string; kind: unknown; english: string[] } {
  const envelope = JSON.parse(JSON.stringify(wire)) as { error: { details?: Record<string, unknown> | null } };
  try {
    unwrapEnvelope(envelope, 'test');
  } catch (caught) {
    const { message, detail } = formatError(caught);
    const details = envelope.error.details ?? {};
    let rest = `${message} ${detail}`;
    const given = Object.entries(details).filter(([name, value]) => !TRANSLATED.has(name) && typeof value === 'string');
    for (const [, value] of given.sort((a, b) => String(b[1]).length - String(a[1]).length)) rest = rest.split(value as string).join(' ');
    expect(detail, `${message}: no detail line`).not.toBe('');
    return { text: `${message} ${detail}`, kind: details.kind, english: rest.replace(NAMES, ' ').match(/[A-Za-z]+/g) ?? [] };
  }
  throw new Error('the envelope did not fail');
}

const fromError = (error: unknown) => {
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return read({ ok: false, error: { code: error.code, message: error.message, details: error.details } });
};
const refusal = (work: Promise<unknown>) =>
  work.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => fromError(error),
  );

let root: string;
let server: NewsroomServer;
const accounts: Record<'reporter' | 'desk', { account: Account; token: string }> = {} as never;
let reporterApi: NewsroomApi;
let deskApi: NewsroomApi;
let seq = 0;
const call = (action: WorkflowCall['action']): WorkflowCall => ({ id: `ev${Date.now().toString(36)}${(seq += 1)}`, action });

beforeAll(async () => {
  useI18nStore.getState().setLocale('zh-CN');
  root = await mkdtemp(join(tmpdir(), 'dateline-newsroom-zh-'));
  server = await startNewsroomServer({ port: 0, databaseUrl: null, dataDir: join(root, 'server'), redisUrl: null });
  accounts.reporter = await addAccount(server.db, 'Li Wei', 'reporter');
  accounts.desk = await addAccount(server.db, 'Ana Desk', 'desk');
  reporterApi = createNewsroomApi({ serverUrl: server.url, token: accounts.reporter.token });
  deskApi = createNewsroomApi({ serverUrl: server.url, token: accounts.desk.token });
}, 120_000);

afterAll(async () => {
  useI18nStore.getState().setLocale('en');
  await server?.stop();
  await rm(root, { recursive: true, force: true });
}, 60_000);

async function submittedStory(): Promise<string> {
  const id = sortableId();
  await ensureStory(server.db, id, accounts.reporter.account);
  await reporterApi.workflow(id, call('submit'));
  return id;
}

describe('newsroom server failures, read in Chinese', () => {
  it('a workflow refusal keeps the server’s kind', async () => {
    const id = await submittedStory();
    const forbidden = await refusal(reporterApi.workflow(id, call('approve')));
    expect(forbidden.kind).toBe('editors-only');
    expect(forbidden.english, forbidden.text).toEqual([]);
    const wrongStatus = await refusal(deskApi.workflow(id, call('reopen')));
    expect(wrongStatus.kind).toBe('workflow-wrong-status');
    expect(wrongStatus.english, wrongStatus.text).toEqual([]);
  });

  it('a comment on a spiked story, an event id used twice and a malformed call each say why', async () => {
    const id = await submittedStory();
    await deskApi.workflow(id, { ...call('spike'), note: 'Wrong town' });
    const spiked = await refusal(deskApi.comment(id, { id: `c${Date.now().toString(36)}`, body: 'Why?', anchor: null }));
    expect(spiked.kind).toBe('server-story-spiked');
    expect(spiked.english, spiked.text).toEqual([]);

    const other = await submittedStory();
    const [used] = (await deskApi.story(id))?.history ?? [];
    const taken = await refusal(deskApi.workflow(other, { id: used?.id ?? '', action: 'approve' }));
    expect(taken.kind).toBe('server-event-id-taken');
    expect(taken.english, taken.text).toEqual([]);

    const malformed = await refusal(deskApi.workflow(other, { id: 'ev-bad', action: 'nonsense' } as unknown as WorkflowCall));
    expect(malformed.kind).toBe('server-request-invalid');
    expect(malformed.english, malformed.text).toEqual([]);
  });

  it('the server’s own answers (no such call, no such story, not JSON) carry kinds with Chinese text', async () => {
    const answer = async (path: string, init: RequestInit = {}) => ({ ok: false, ...((await (await fetch(`${server.url}${path}`, init)).json()) as object) });
    const bearer = { authorization: `Bearer ${accounts.desk.token}` };
    const seen = [
      read(await answer('/api/nothing-here', { headers: bearer })),
      read(await answer(`/api/stories/${sortableId()}`, { headers: bearer })),
      read(await answer(`/api/stories/${await submittedStory()}/workflow`, { method: 'POST', headers: { ...bearer, 'content-type': 'application/json' }, body: '{not json' })),
    ];
    expect(seen.map((s) => s.kind)).toEqual(['server-call-unknown', 'server-story-missing', 'request-not-json']);
    for (const s of seen) expect(s.english, s.text).toEqual([]);
  });

  it('account commands refuse with kinds too', async () => {
    const seen = [
      fromError(await addAccount(server.db, 'Li Wei', 'reporter').catch((error: unknown) => error)),
      fromError(await addAccount(server.db, 'Zhang San', 'intern').catch((error: unknown) => error)),
      fromError(await addAccount(server.db, '', 'reporter').catch((error: unknown) => error)),
    ];
    expect(seen.map((s) => s.kind)).toEqual(['account-name-taken', 'account-role-invalid', 'account-name-invalid']);
    for (const s of seen) expect(s.english, s.text).toEqual([]);
  });

  it('a refused token reads in Chinese', async () => {
    // The server says why (the app's own session headline would mislead, so the app tells it as newsroom-auth).
    const raw = (await (await fetch(`${server.url}/api/me`)).json()) as { error: { code: string; details: { kind: string } } };
    expect(raw.error).toMatchObject({ code: 'unauthorized', details: { kind: 'server-token-invalid' } });
    const wrongToken = await refusal(createNewsroomApi({ serverUrl: server.url, token: 'dln_nope' }).me());
    expect(wrongToken.kind).toBe('newsroom-auth');
    expect(wrongToken.english, wrongToken.text).toEqual([]);
  });
});
