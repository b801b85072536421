// A reporter keeps writing while Dateline's background process is killed: the loopback host's
// watchdog starts a new services process, a save made during the restart is answered or fails
// as retryable and goes through when retried, and the article on disk holds every saved word.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article, DocNode } from '../../common/article';
import type { Envelope } from '../../common/contract';
import type { DatelineEvent } from '../../common/contract-events';
import { serve, type RunningServe } from '../../electron/host/serve';
import type { ServicesWatchdog } from '../../electron/services-process/services-watchdog';
import { hostClient } from '../support/host-client';

let running: RunningServe | null = null;
let work = '';

afterEach(async () => {
  await running?.stop();
  running = null;
  if (work) await rm(work, { recursive: true, force: true });
});

function bodyOf(...paragraphs: string[]): DocNode {
  return { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

function nextReady(watchdog: ServicesWatchdog): Promise<number> {
  return new Promise((resolve) => {
    const stop = watchdog.subscribe((event) => {
      if (event.kind === 'ready') {
        stop();
        resolve(event.restarts);
      }
    });
  });
}

function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

describe('services process restart under the loopback host', () => {
  it('SIGKILL of the services process: the watchdog restarts it and no saved word is lost', async () => {
    work = await mkdtemp(join(tmpdir(), 'dateline-services-restart-'));
    const dataDir = join(work, 'data');
    const staticDir = join(work, 'static');
    await mkdir(staticDir, { recursive: true });
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>restart test</title>');
    running = await serve({ ...process.env, DATELINE_DATA_DIR: dataDir, DATELINE_STATIC_DIR: staticDir, PORT: '0' });
    const client = hostClient(running.host.url);
    const { watchdog } = running;

    const created = await client.call('articles.create', { language: 'en' });
    const first: Article = { ...created, headline: 'Bridge closes', body: bodyOf('The bridge closed at noon.') };
    const firstSave = await client.call('articles.save', { article: first, explicit: false });

    const killed = watchdog.pid;
    expect(killed).toBeTypeOf('number');
    const restarted = nextReady(watchdog);
    process.kill(killed as number, 'SIGKILL');

    // Typed while the services restart: sent at once, then again until it is answered.
    const second: Article = { ...first, revision: firstSave.revision, body: bodyOf('The bridge closed at noon.', '河水上涨，桥梁关闭。') };
    let outcome: Envelope<{ revision: number }> = await client.envelope('articles.save', { article: second, explicit: false });
    const failures: string[] = [];
    if (!outcome.ok) {
      failures.push(outcome.error.code);
      expect(await restarted).toBe(1);
      outcome = await client.envelope('articles.save', { article: second, explicit: false });
    }
    expect(failures.every((code) => code === 'services-restarting')).toBe(true);
    expect(outcome).toMatchObject({ ok: true, value: { revision: firstSave.revision + 1 } });

    await restarted;
    expect(watchdog.state).toBe('ready');
    expect(watchdog.pid).not.toBe(killed);
    expect(processGone(killed as number)).toBe(true);

    const onDisk = JSON.parse(await readFile(join(dataDir, 'library', 'articles', created.id, 'article.json'), 'utf8')) as Article;
    expect(onDisk.revision).toBe(firstSave.revision + 1);
    expect(onDisk.headline).toBe('Bridge closes');
    expect(onDisk.body).toEqual(second.body);
    // And the services answer as before.
    expect((await client.call('articles.get', { id: created.id })).body).toEqual(second.body);
  }, 120_000);

  it('a second host on the same library is refused with the lock message from its services process', async () => {
    work = await mkdtemp(join(tmpdir(), 'dateline-services-restart-'));
    const staticDir = join(work, 'static');
    await mkdir(staticDir, { recursive: true });
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>restart test</title>');
    const env = { ...process.env, DATELINE_DATA_DIR: join(work, 'data'), DATELINE_STATIC_DIR: staticDir, PORT: '0' };
    running = await serve(env);
    await expect(serve(env)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('already open in another Dateline') });
    // The first one is untouched.
    expect(running.watchdog.state).toBe('ready');
    expect(await hostClient(running.host.url).call('library.list', {})).toMatchObject({ items: [] });
  }, 120_000);

  it('the services’ events cross the process boundary, and a restart asks the renderer to resync', async () => {
    work = await mkdtemp(join(tmpdir(), 'dateline-services-events-'));
    const staticDir = join(work, 'static');
    await mkdir(staticDir, { recursive: true });
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>events test</title>');
    running = await serve({ ...process.env, DATELINE_DATA_DIR: join(work, 'data'), DATELINE_STATIC_DIR: staticDir, PORT: '0' });
    const { watchdog } = running;
    const heard: DatelineEvent[] = [];
    watchdog.onServicesEvent((event) => heard.push(event));
    const client = hostClient(running.host.url);
    const created = await client.call('articles.create', { language: 'en' });
    await expect.poll(() => heard.map((event) => event.name)).toContain('library.changed');
    expect(heard).toContainEqual({ name: 'library.changed', payload: { kind: 'created', ids: [created.id] } });

    const restarted = nextReady(watchdog);
    process.kill(watchdog.pid as number, 'SIGKILL');
    await restarted;
    await expect.poll(() => heard.map((event) => event.name)).toContain('app.resync');
    // The new process's events flow again.
    await client.call('articles.trash', { id: created.id });
    await expect.poll(() => heard.filter((event) => event.name === 'library.changed').map((event) => event.payload)).toContainEqual({ kind: 'trashed', ids: [created.id] });
  });
});
