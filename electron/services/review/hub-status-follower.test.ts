// Runs in: vitest (node). After the desk acts on a story in the shared folder hub, the reporter's
// own machine learns it by itself: the library list, the review record and the queue agree.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleStatus } from '../../../common/article';
import { createReadyStory, eventually, servicesCaller, settledJob, submitAndApprove, type ServicesCall } from '../../../tests/support/services-caller';
import { createServices, type Services } from '../create-services';

const STORY = { headline: 'Harbour reopens', summary: 'Ships return.', section: 'City', tag: 'port', byline: 'Li Na', text: 'The harbour reopened today.' };

describe("the reporter's machine follows the hub's status", () => {
  let root: string;
  let reporterApp: Services;
  let editorApp: Services;
  let reporter: ServicesCall;
  let editor: ServicesCall;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'dateline-follow-'));
    const hub = join(root, 'hub');
    await mkdir(hub);
    const open = (name: string, reviewSyncMs?: number) =>
      createServices({ dataDir: join(root, name), transport: 'http', version: 'test', systemLocale: 'en', documentsDir: join(root, `${name}-docs`), ...(reviewSyncMs ? { reviewSyncMs } : {}) });
    // The reporter's sync runs often, so the test waits for it rather than for a fixed time.
    reporterApp = await open('reporter', 100);
    editorApp = await open('editor');
    reporter = servicesCaller(reporterApp);
    editor = servicesCaller(editorApp);
    await reporter('settings.update', { userName: 'Li Na', role: 'reporter', reviewHub: { kind: 'folder', path: hub } });
    await editor('settings.update', { userName: 'Sam Editor', role: 'editor', reviewHub: { kind: 'folder', path: hub } });
  });

  afterEach(async () => {
    await reporterApp.close();
    await editorApp.close();
    await rm(root, { recursive: true, force: true });
  });

  const libraryStatus = async (id: string): Promise<ArticleStatus | undefined> =>
    (await reporter('library.list', { query: '', status: null, section: null, tag: null, trashed: false, offset: 0, limit: null })).items.find((i) => i.id === id)?.status;

  /** The three places the reporter sees a status: the library row, the article's review state, the queue. */
  const everywhere = async (id: string) => ({
    library: await libraryStatus(id),
    article: (await reporter('articles.get', { id })).status,
    review: (await reporter('review.get', { id })).status,
    queue: (await reporter('review.queue', { scope: 'mine' })).entries.find((e) => e.articleId === id)?.status,
  });

  it('the desk publishes: library, article, review state and queue all say published', async () => {
    const id = await createReadyStory(reporter, STORY);
    await submitAndApprove(reporter, editor, id);
    const folder = (await editor('targets.list', {})).find((t) => t.config.kind === 'folder')?.config.id ?? '';
    const job = await editor('publish.start', { articleId: id, targetId: folder, options: { status: 'publish', overriddenWarnings: ['lead-photo'] } });
    expect((await settledJob(editor, job.id)).state).toBe('done');
    await eventually(() => editor('review.get', { id }), (s) => s.status === 'published' && s.pendingSync === null);

    const seen = await eventually(() => everywhere(id), (s) => s.library === 'published');
    expect(seen).toEqual({ library: 'published', article: 'published', review: 'published', queue: 'published' });
    // The reporter's history is the hub's: who published, and when.
    expect((await reporter('review.get', { id })).history.map((e) => e.action)).toEqual(['submit', 'approve', 'publish']);
  });

  it('the desk returns a story: the reporter sees "changes requested" everywhere, and can submit again', async () => {
    const id = await createReadyStory(reporter, STORY);
    await reporter('review.transition', { id, action: 'submit' });
    await editor('review.open', { id });
    await editor('review.transition', { id, action: 'request-changes', note: 'Name the harbour master.' });

    const seen = await eventually(() => everywhere(id), (s) => s.library === 'changes_requested');
    expect(seen).toEqual({ library: 'changes_requested', article: 'changes_requested', review: 'changes_requested', queue: 'changes_requested' });
    expect((await reporter('review.get', { id })).allowedActions).toContain('submit');
  });
});
