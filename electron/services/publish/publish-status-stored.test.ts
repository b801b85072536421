// Runs in: vitest (node). Publication records and outbox jobs written by versions that stored
// WordPress's status words still load, in Dateline's words.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxFiles } from './outbox/outbox-files';
import { PublicationStore } from './publication-store';

const ARTICLE = 'art0000000001';
const record = (status: string) => ({
  targetId: 'newsroom-wp',
  targetKind: 'wordpress',
  remoteId: '42',
  url: 'https://news.example.com/harbour/',
  status,
  contentHash: 'a'.repeat(64),
  remoteModified: '2026-11-25T09:00:00',
  publishedAt: '2026-11-25T09:00:00.000Z',
  articleRevision: 3,
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dateline-status-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('status words stored by earlier versions', () => {
  it('a publications.json with "future" reads as scheduled', async () => {
    await mkdir(join(dir, 'articles', ARTICLE), { recursive: true });
    await writeFile(join(dir, 'articles', ARTICLE, 'publications.json'), JSON.stringify({ version: 1, records: [record('future')] }));
    expect(await new PublicationStore(dir).get(ARTICLE, 'newsroom-wp')).toMatchObject({ status: 'scheduled' });
  });

  it('an outbox job with "publish" and "pending" loads in Dateline’s words', async () => {
    const outbox = join(dir, 'outbox');
    await mkdir(outbox, { recursive: true });
    const job = {
      id: 'job0000000001',
      articleId: ARTICLE,
      targetId: 'newsroom-wp',
      targetKind: 'wordpress',
      targetName: 'Newsroom',
      headline: 'Harbour reopens',
      articleRevision: 3,
      options: { status: 'publish', scheduledAt: null, overriddenWarnings: [] },
      state: 'failed',
      createdAt: '2026-11-25T09:00:00.000Z',
      updatedAt: '2026-11-25T09:00:00.000Z',
      attempts: 1,
      nextAttemptAt: null,
      progress: { step: 'set-status', mediaDone: 0, mediaTotal: 0 },
      lastError: { code: 'remote-forbidden', message: 'may not publish', allowedStatuses: ['draft', 'pending'] },
      conflict: null,
      result: record('publish'),
    };
    await writeFile(join(outbox, `${job.id}.json`), JSON.stringify({ version: 1, job, checkpoint: {}, overwrite: false }));
    const { jobs, problems } = await new OutboxFiles(outbox).loadAll();
    expect(problems).toEqual([]);
    expect(jobs[0]?.job.options.status).toBe('published');
    expect(jobs[0]?.job.lastError?.allowedStatuses).toEqual(['draft', 'submitted']);
    expect(jobs[0]?.job.result?.status).toBe('published');
  });
});
