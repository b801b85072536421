// Runs in: vitest (Node). The services announce their changes on the bus they are given: the
// library (created, saved, trashed, restored), settings, a job's every step, a review record, and
// what waits for an editor when a colleague submits through the shared folder hub.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatelineEvent } from '../../common/contract-events';
import { createReadyStory, servicesCaller, settledJob, type ServicesCall } from '../../tests/support/services-caller';
import { createServices, type Services } from './create-services';
import { createEventBus } from './events/event-bus';

describe('services events', () => {
  let root: string;
  const opened: Services[] = [];

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'dateline-events-'));
    await mkdir(join(root, 'hub'));
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((services) => services.close()));
    await rm(root, { recursive: true, force: true });
  });

  async function open(name: string, reviewSyncMs?: number): Promise<{ call: ServicesCall; heard: DatelineEvent[] }> {
    const events = createEventBus();
    const heard: DatelineEvent[] = [];
    events.subscribe((event) => heard.push(event));
    const services = await createServices({
      dataDir: join(root, name),
      transport: 'http',
      version: 'test',
      systemLocale: 'en',
      documentsDir: join(root, `${name}-docs`),
      events,
      ...(reviewSyncMs === undefined ? {} : { reviewSyncMs }),
    });
    opened.push(services);
    return { call: servicesCaller(services), heard };
  }

  const named = <K extends DatelineEvent['name']>(heard: DatelineEvent[], name: K) => heard.filter((event): event is Extract<DatelineEvent, { name: K }> => event.name === name);

  it('announces library and settings changes with the ids they concern', async () => {
    const { call, heard } = await open('solo');
    const { id } = await call('articles.create', {});
    await call('articles.trash', { id });
    await call('articles.restore', { id });
    await call('settings.update', { userName: 'Jane Doe' });
    const library = named(heard, 'library.changed').map((event) => event.payload);
    expect(library).toContainEqual({ kind: 'created', ids: [id] });
    expect(library).toContainEqual({ kind: 'trashed', ids: [id] });
    expect(library).toContainEqual({ kind: 'restored', ids: [id] });
    expect(named(heard, 'settings.changed')).toHaveLength(1);
  });

  it('announces each step of a publishing job, and its state changes once each', async () => {
    const { call, heard } = await open('publisher');
    const id = await createReadyStory(call, { headline: 'Bridge reopens', summary: 'Traffic is back.', section: 'City', tag: 'traffic', byline: 'Jane Doe', text: 'Traffic is back on the bridge.' });
    const folder = (await call('targets.list', {})).find((t) => t.config.kind === 'folder')?.config.id ?? '';
    const job = await call('publish.start', { articleId: id, targetId: folder, options: { status: 'publish', overriddenWarnings: ['lead-photo'] } });
    const settled = await settledJob(call, job.id);
    expect(settled.state).toBe('done');
    const jobEvents = named(heard, 'job.changed').filter((event) => event.payload.job.id === job.id);
    expect(jobEvents.at(-1)?.payload.job).toMatchObject({ id: job.id, state: 'done' });
    const states = named(heard, 'outbox.changed').filter((event) => event.payload.jobId === job.id).map((event) => event.payload.state);
    expect(states.at(-1)).toBe('done');
    expect(new Set(states).size).toBe(states.length);
  });

  it('a colleague’s submission reaches the editor as review.queueChanged; the reporter hears its own record change', async () => {
    const hub = join(root, 'hub');
    const reporter = await open('reporter');
    const editor = await open('editor', 50);
    await reporter.call('settings.update', { userName: 'Jane Doe', role: 'reporter', reviewHub: { kind: 'folder', path: hub } });
    await editor.call('settings.update', { userName: 'Sam Editor', role: 'editor', reviewHub: { kind: 'folder', path: hub } });
    await expect.poll(() => named(editor.heard, 'review.queueChanged').at(-1)?.payload).toEqual({ waiting: 0 });
    const id = await createReadyStory(reporter.call, { headline: 'Bridge reopens', summary: 'Traffic is back.', section: 'City', tag: 'traffic', byline: 'Jane Doe', text: 'Traffic is back on the bridge.' });
    await reporter.call('review.transition', { id, action: 'submit' });
    expect(named(reporter.heard, 'review.articleChanged').map((event) => event.payload)).toContainEqual({ articleId: id });
    await expect.poll(() => named(editor.heard, 'review.queueChanged').at(-1)?.payload, { timeout: 30_000 }).toEqual({ waiting: 1 });
  });
});
