// Runs in: vitest (Node). The services answer the list from the summaries cache at start; what the
// background scan then finds changed on disk is announced as `library.changed`, and the list follows.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { DatelineEvent } from '../../common/contract-events';
import { servicesCaller } from '../../tests/support/services-caller';
import { createServices, type Services } from './create-services';
import { createEventBus } from './events/event-bus';

let root: string;
let services: Services | null = null;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-start-events-'));
});
afterEach(async () => {
  await services?.close();
  services = null;
  await rm(root, { recursive: true, force: true });
});

async function open(events = createEventBus()) {
  services = await createServices({ dataDir: root, transport: 'http', version: 'test', systemLocale: 'en', documentsDir: join(root, 'docs'), events });
  return servicesCaller(services);
}

it('announces an article changed outside the app, found after the start, and lists it corrected', async () => {
  const first = await open();
  const { id } = await first('articles.create', {});
  await services?.close();
  services = null;
  const file = join(root, 'library', 'articles', id, 'article.json');
  const article = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  await writeFile(file, JSON.stringify({ ...article, headline: 'Edited elsewhere' }, null, 2));

  const events = createEventBus();
  const corrected = new Promise<DatelineEvent>((resolve) =>
    events.subscribe((event) => {
      if (event.name === 'library.changed' && event.payload.kind === 'saved' && event.payload.ids.includes(id)) resolve(event);
    }),
  );
  const call = await open(events);
  await corrected;
  const list = await call('library.list', {});
  expect(list.items.map((s) => s.headline)).toEqual(['Edited elsewhere']);
  expect(list.reading).toBeUndefined();
});
