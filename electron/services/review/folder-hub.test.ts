// Runs in: tests (node). Two "machines" (each its own photo library) share one review-hub folder on
// the real file system: a reporter submits, an editor reviews, and nobody's work is overwritten.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, truncate, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../common/app-error';
import { newArticle, type Article, type DocNode } from '../../../common/article';
import type { Actor } from '../../../common/workflow/newsroom-profile';
import { addComment } from '../../../common/workflow/review-comment';
import type { WorkflowEvent } from '../../../common/workflow/workflow-event';
import { transition } from '../../../common/workflow/workflow-machine';
import { SUGGESTED_BODY } from '../../../tests/fixtures/suggested-body';
import { makeJpeg, makePng } from '../../../tests/support/test-photos';
import { MediaStore } from '../media/media-store';
import { FolderHub } from './folder-hub';

const reporter: Actor = { name: 'Li Wei', role: 'reporter' };
const editor: Actor = { name: 'Mei Lin', role: 'editor' };

interface Machine {
  media: MediaStore;
  hub: FolderHub;
  logs: string[];
}

let dir: string;
let hubRoot: string;
let reporterMachine: Machine;
let editorMachine: Machine;

async function machine(name: string): Promise<Machine> {
  const media = new MediaStore(join(dir, name, 'library'));
  await media.open();
  const logs: string[] = [];
  return { media, logs, hub: new FolderHub({ root: hubRoot, media, log: (m) => logs.push(m) }) };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dateline-review-hub-'));
  hubRoot = join(dir, 'shared-hub');
  await mkdir(hubRoot);
  reporterMachine = await machine('reporter');
  editorMachine = await machine('editor');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const paragraph = (text: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const figure = (mediaId: string, caption: string): DocNode => ({
  type: 'figure',
  attrs: { mediaId, alt: '', credit: 'City Press Office', lead: false },
  content: [{ type: 'text', text: caption }],
});

let eventCounter = 0;
const at = () => new Date().toISOString();

function act(article: Article, history: WorkflowEvent[], action: 'submit' | 'request-changes' | 'approve', actor: Actor, note?: string) {
  const owner = history.find((e) => e.action === 'submit')?.by.name ?? null;
  const { status, event } = transition({ status: article.status, owner }, action, actor, { id: `ev-${++eventCounter}`, at: at(), note, revision: article.revision });
  return { article: { ...article, status }, history: [...history, event] };
}

/** The reporter's draft with two photos from their own library. */
async function draftWithTwoPhotos(id = '01hreviewflood0001', headline = 'River floods the old town'): Promise<Article> {
  const photo1 = await reporterMachine.media.import('flooded-street.jpg', makeJpeg(40, 30));
  const photo2 = await reporterMachine.media.import('map.png', makePng(20, 10));
  return {
    ...newArticle(id, at()),
    headline,
    body: {
      type: 'doc',
      content: [paragraph('Water rose two metres overnight in the old town.'), figure(photo1.id, 'Flooded street'), paragraph('Residents were moved to the school.'), figure(photo2.id, 'Map of the flooded area')],
    },
  };
}

/** Writes a package whose body is one paragraph of `nodes` one-letter text nodes, in a hub folder of its own. */
async function plantHostilePackage(id: string, nodes: number): Promise<void> {
  const article = { ...newArticle(id, at()), headline: 'Hostile', body: '@BODY@' };
  const pkg = {
    format: 'dateline-review-package',
    version: 1,
    hubRevision: 1,
    contentHash: '0'.repeat(64),
    article,
    history: [],
    comments: [],
    submittedBy: reporter,
    submittedTo: 'desk',
    submittedAt: at(),
    updatedAt: at(),
    updatedBy: reporter,
    previousSubmission: null,
  };
  const body = `{"type":"doc","content":[{"type":"paragraph","content":[${Array(nodes).fill('{"type":"text","text":"a"}').join(',')}]}]}`;
  await mkdir(join(hubRoot, 'articles', id), { recursive: true });
  await writeFile(join(hubRoot, 'articles', id, 'package.json'), JSON.stringify(pkg).replace('"@BODY@"', body));
}

/** Every file and folder under `root` with its content, to prove nothing was written there. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    out[path.slice(root.length + 1)] = entry.isDirectory() ? 'folder' : (await readFile(path)).toString('base64');
  }
  return out;
}

async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string; details: unknown }> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message, details: error.details };
    throw error;
  }
  throw new Error('expected the hub to refuse, but it accepted');
}

describe('the folder review hub between a reporter and an editor', () => {
  it('carries a story with two photos from the reporter to the editor and back, refusing a stale write', async () => {
    const draft = await draftWithTwoPhotos();
    const submitted = act(draft, [], 'submit', reporter);
    const first = await reporterMachine.hub.submit(submitted.article, { by: reporter, to: 'desk', history: submitted.history, comments: [], baseHubRevision: null });
    expect(first).toMatchObject({ hubRevision: 1, keepsComments: true });

    // The editor's queue shows it, with its word count and sender.
    const queue = await editorMachine.hub.list({ to: editor.name, status: ['submitted'] });
    expect(queue.problems).toEqual([]);
    expect(queue.entries).toHaveLength(1);
    expect(queue.entries[0]).toMatchObject({
      articleId: draft.id,
      headline: 'River floods the old town',
      status: 'submitted',
      submittedBy: reporter,
      submittedTo: 'desk',
      hubRevision: 1,
      updatedBy: reporter,
    });
    expect(queue.entries[0]?.words).toBeGreaterThan(10);

    // Opening it brings both photos into the editor's own library.
    const photoIds = (draft.body.content ?? []).filter((n) => n.type === 'figure').map((n) => String(n.attrs?.mediaId));
    for (const id of photoIds) expect(await editorMachine.media.path(id)).toBeNull();
    const opened = await editorMachine.hub.open(draft.id);
    expect(opened.article).toEqual(submitted.article);
    expect(opened.history).toEqual(submitted.history);
    expect(opened.hubRevision).toBe(1);
    for (const id of photoIds) expect(await editorMachine.media.path(id)).not.toBeNull();

    // The editor comments and requests changes.
    const comments = addComment(opened.comments, { id: 'c-1', author: editor, createdAt: at(), body: 'Who measured two metres?', anchor: null });
    const returned = act(opened.article, opened.history, 'request-changes', editor, 'Source the water level, please.');
    const second = await editorMachine.hub.update(draft.id, { article: returned.article, history: returned.history, comments, by: editor, baseHubRevision: opened.hubRevision });
    expect(second.hubRevision).toBe(2);

    // The reporter, still on revision 1, cannot overwrite the editor's notes.
    const stale = { ...submitted.article, headline: 'River floods the old town, again' };
    const refused = await rejection(reporterMachine.hub.update(draft.id, { article: stale, by: reporter, baseHubRevision: 1 }));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toBe('Someone else changed “River floods the old town” in the review hub since you opened it (revision 2); reopen it to see their changes');
    expect(refused.details).toMatchObject({ kind: 'hub-changed', headline: 'River floods the old town', hubRevision: 2, updatedBy: editor.name });

    // The reporter reopens, sees the note and the comment, fixes the story and resubmits.
    const reopened = await reporterMachine.hub.open(draft.id);
    expect(reopened.article.status).toBe('changes_requested');
    expect(reopened.comments.map((c) => c.body)).toEqual(['Who measured two metres?']);
    expect(reopened.history.at(-1)?.note).toBe('Source the water level, please.');
    const fixed = { ...reopened.article, body: { type: 'doc', content: [paragraph('Water rose two metres overnight, the river authority said.'), ...(reopened.article.body.content ?? []).slice(1)] } };
    const resubmitted = act(fixed, reopened.history, 'submit', reporter);
    const third = await reporterMachine.hub.submit(resubmitted.article, { by: reporter, to: editor.name, history: resubmitted.history, comments: reopened.comments, baseHubRevision: reopened.hubRevision });
    expect(third.hubRevision).toBe(3);

    const after = await editorMachine.hub.list({ to: editor.name });
    expect(after.entries.map((e) => [e.status, e.hubRevision, e.submittedTo, e.updatedBy.name])).toEqual([['submitted', 3, 'Mei Lin', 'Li Wei']]);
    const final = await editorMachine.hub.open(draft.id);
    expect(final.article.body).toEqual(fixed.body);
    expect(final.comments).toEqual(comments);
    expect(final.history.map((e) => e.action)).toEqual(['submit', 'request-changes', 'submit']);

    // Photos were copied once, and no temp or lock file is left behind.
    expect((await readdir(join(hubRoot, 'articles', draft.id, 'media'))).sort()).toEqual([...photoIds].sort());
    expect(await readdir(join(hubRoot, 'articles', draft.id))).toEqual(expect.arrayContaining(['package.json', 'media']));
    expect(await readdir(join(hubRoot, 'articles', draft.id))).toHaveLength(2);
  });

  it('carries the desk’s pending suggestions (insertions, deletions, format changes) to the reporter and back unchanged', async () => {
    const draft = { ...newArticle('01hreviewsuggest01', at()), headline: 'Council passes budget', body: { type: 'doc', content: [paragraph('The council approved the budget.')] } };
    const submitted = act(draft, [], 'submit', reporter);
    const sent = await reporterMachine.hub.submit(submitted.article, { by: reporter, to: 'desk', history: submitted.history, comments: [], baseHubRevision: null });
    const opened = await editorMachine.hub.open(draft.id);
    const suggested = act({ ...opened.article, body: SUGGESTED_BODY, revision: opened.article.revision + 1 }, opened.history, 'request-changes', editor, 'See my suggestions.');
    await editorMachine.hub.update(draft.id, { article: suggested.article, history: suggested.history, comments: [], by: editor, baseHubRevision: sent.hubRevision });
    const back = await reporterMachine.hub.open(draft.id);
    expect(back.article.body).toEqual(SUGGESTED_BODY);
    expect(back.article).toEqual(suggested.article);
  });

  it('lets exactly one of two simultaneous edits from the same revision win, every time', async () => {
    const draft = await draftWithTwoPhotos();
    const submitted = act(draft, [], 'submit', reporter);
    let base = (await reporterMachine.hub.submit(submitted.article, { by: reporter, to: 'desk', history: submitted.history, comments: [], baseHubRevision: null })).hubRevision;
    for (let round = 0; round < 50; round++) {
      const edit = (who: Actor, m: Machine) =>
        m.hub.update(draft.id, { article: { ...submitted.article, headline: `${who.name} round ${round}` }, by: who, baseHubRevision: base });
      const results = await Promise.allSettled([edit(editor, editorMachine), edit(reporter, reporterMachine)]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const reason = lost[0]?.status === 'rejected' ? (lost[0].reason as unknown) : null;
      expect(isAppError(reason) && reason.code).toBe('conflict');
      const winner = results[0]?.status === 'fulfilled' ? editor : reporter;
      const now = await editorMachine.hub.open(draft.id);
      expect(now.hubRevision).toBe(base + 1);
      expect(now.article.headline).toBe(`${winner.name} round ${round}`);
      base = now.hubRevision;
    }
  });

  it('refuses two simultaneous edits from one machine the same way', async () => {
    const draft = await draftWithTwoPhotos();
    const { hubRevision } = await reporterMachine.hub.submit(draft, { by: reporter, to: 'desk', history: [], comments: [], baseHubRevision: null });
    const results = await Promise.allSettled([1, 2].map((n) => editorMachine.hub.update(draft.id, { article: { ...draft, headline: `Edit ${n}` }, by: editor, baseHubRevision: hubRevision })));
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('never overwrites a package someone else submitted when this machine thinks it is new', async () => {
    const draft = await draftWithTwoPhotos();
    await reporterMachine.hub.submit(draft, { by: reporter, to: 'desk', history: [], comments: [], baseHubRevision: null });
    const refused = await rejection(editorMachine.hub.submit({ ...draft, headline: 'Mine' }, { by: editor, to: 'desk', history: [], comments: [], baseHubRevision: null }));
    expect(refused.code).toBe('conflict');
    expect((await editorMachine.hub.open(draft.id)).article.headline).toBe('River floods the old town');
  });

  it('lists the rest of the queue when one package is damaged, and names the damaged one', async () => {
    const good = await draftWithTwoPhotos('01hreviewgood00001', 'Council passes budget');
    const bad = await draftWithTwoPhotos('01hreviewbad000001', 'Bridge reopens');
    for (const article of [good, bad]) await reporterMachine.hub.submit(article, { by: reporter, to: 'desk', history: [], comments: [], baseHubRevision: null });
    await writeFile(join(hubRoot, 'articles', bad.id, 'package.json'), '{"format": "dateline-review-package", "vers');

    const listing = await editorMachine.hub.list();
    expect(listing.entries.map((e) => e.headline)).toEqual(['Council passes budget']);
    expect(listing.problems).toHaveLength(1);
    expect(listing.problems[0]).toMatchObject({ articleId: bad.id });
    expect(listing.problems[0]?.message).toContain('not valid JSON');

    const refused = await rejection(editorMachine.hub.open(bad.id));
    expect(refused.code).toBe('corrupt-file');
    expect(refused.message).toContain(bad.id);
  });

  it('spots a package edited by hand outside Dateline by its content hash', async () => {
    const draft = await draftWithTwoPhotos();
    await reporterMachine.hub.submit(draft, { by: reporter, to: 'desk', history: [], comments: [], baseHubRevision: null });
    const path = join(hubRoot, 'articles', draft.id, 'package.json');
    await writeFile(path, (await readFile(path, 'utf8')).replace('River floods the old town', 'River floods the new town'));
    const refused = await rejection(editorMachine.hub.open(draft.id));
    expect(refused.code).toBe('corrupt-file');
    expect(refused.message).toContain('content hash');
  });

  it('names the photo when the reporter submits a story whose photo is not in their library', async () => {
    const draft = await draftWithTwoPhotos();
    const missingId = `${'ab'.repeat(32)}.jpg`;
    const article = { ...draft, body: { type: 'doc', content: [...(draft.body.content ?? []), figure(missingId, 'Rescue boat at dawn')] } };
    const refused = await rejection(reporterMachine.hub.submit(article, { by: reporter, to: 'desk', history: [], comments: [], baseHubRevision: null }));
    expect(refused.code).toBe('not-found');
    expect(refused.message).toContain('Photo 3');
    expect(refused.message).toContain('Rescue boat at dawn');
    expect(refused.message).toContain(missingId);
    expect((await editorMachine.hub.list()).entries).toEqual([]);
  });

  it('names the photo when the hub copy of a photo has gone missing', async () => {
    const draft = await draftWithTwoPhotos();
    await reporterMachine.hub.submit(draft, { by: reporter, to: 'desk', history: [], comments: [], baseHubRevision: null });
    const mapId = String((draft.body.content ?? [])[3]?.attrs?.mediaId);
    await unlink(join(hubRoot, 'articles', draft.id, 'media', mapId));
    const refused = await rejection(editorMachine.hub.open(draft.id));
    expect(refused.code).toBe('not-found');
    expect(refused.message).toContain('Photo 2');
    expect(refused.message).toContain('Map of the flooded area');
    expect(refused.message).toContain('ask Li Wei to submit the article again');
  });

  it('a damaged photo in the hub is refused on opening and replaced when the reporter submits again', async () => {
    const draft = await draftWithTwoPhotos();
    const sent = await reporterMachine.hub.submit(draft, { by: reporter, to: 'desk', history: [], comments: [], baseHubRevision: null });
    const mapId = String((draft.body.content ?? [])[3]?.attrs?.mediaId);
    await writeFile(join(hubRoot, 'articles', draft.id, 'media', mapId), 'not the map');
    expect((await rejection(editorMachine.hub.open(draft.id))).code).toBe('media-corrupt');
    await reporterMachine.hub.submit(draft, { by: reporter, to: 'desk', history: [], comments: [], baseHubRevision: sent.hubRevision });
    const opened = await editorMachine.hub.open(draft.id);
    expect(opened.article.id).toBe(draft.id);
    expect(await editorMachine.media.read(mapId)).toEqual(await reporterMachine.media.read(mapId));
  });

  it('never reads a package that is a FIFO, a link or far too big: the queue names it and goes on', async () => {
    const good = await draftWithTwoPhotos('01hreviewgood00001', 'Good story');
    await reporterMachine.hub.submit(good, { by: reporter, to: 'desk', history: [], comments: [], baseHubRevision: null });
    const fifoDir = join(hubRoot, 'articles', '01hreviewfifo00001');
    await mkdir(fifoDir, { recursive: true });
    expect(spawnSync('mkfifo', [join(fifoDir, 'package.json')]).status).toBe(0);
    const linkDir = join(hubRoot, 'articles', '01hreviewlink00001');
    await mkdir(linkDir, { recursive: true });
    await symlink('/etc/passwd', join(linkDir, 'package.json'));
    const bigDir = join(hubRoot, 'articles', '01hreviewbig000001');
    await mkdir(bigDir, { recursive: true });
    await writeFile(join(bigDir, 'package.json'), '');
    await truncate(join(bigDir, 'package.json'), 65 * 1024 * 1024); // sparse: no disk used
    const listing = await editorMachine.hub.list();
    expect(listing.entries.map((e) => e.headline)).toEqual(['Good story']);
    expect(listing.problems.map((p) => p.articleId).sort()).toEqual(['01hreviewbig000001', '01hreviewfifo00001', '01hreviewlink00001']);
    expect(listing.problems.find((p) => p.articleId === '01hreviewlink00001')?.message).toContain('not a regular file');
    expect(listing.problems.find((p) => p.articleId === '01hreviewbig000001')?.message).toContain('65 MB');
    expect((await rejection(editorMachine.hub.open('01hreviewfifo00001'))).code).toBe('corrupt-file');
  });

  it("refuses a hostile colleague's package of millions of tiny text nodes by name, and lists the rest", async () => {
    const good = await draftWithTwoPhotos('01hreviewgood00001', 'Good story');
    await reporterMachine.hub.submit(good, { by: reporter, to: 'desk', history: [], comments: [], baseHubRevision: null });
    // 54,000,000 bytes (51 MiB), two million one-letter text nodes as tried in issue 15: refused by its size, unread.
    await plantHostilePackage('01hreviewhuge00001', 2_000_000);
    // 29 MB, within the size limit but 5.5 million parts: refused by the body's limits before it is validated.
    await plantHostilePackage('01hreviewnodes0001', 1_100_000);
    const listing = await editorMachine.hub.list();
    expect(listing.entries.map((e) => e.headline)).toEqual(['Good story']);
    expect(listing.problems.map((p) => [p.articleId, p.message])).toEqual([
      ['01hreviewhuge00001', expect.stringMatching(/^The review package of 01hreviewhuge00001 in the review hub \(.*\) is 51 MB, more than the 32 MB Dateline accepts; it was not read$/)],
      [
        '01hreviewnodes0001',
        'The review package of 01hreviewnodes0001 cannot be read: it does not match the expected format at article.body: the body is too large to be an article: it holds more than 2,000,000 parts (nodes, marks and attributes)',
      ],
    ]);
    expect((await rejection(editorMachine.hub.open('01hreviewnodes0001'))).code).toBe('corrupt-file');
  });

  it('an article folder linked to a place outside the hub is neither read nor written: the comment is refused, the queue names it', async () => {
    const draft = await draftWithTwoPhotos();
    const { hubRevision } = await reporterMachine.hub.submit(draft, { by: reporter, to: 'desk', history: [], comments: [], baseHubRevision: null });
    // Someone moves the article's folder out of the share and leaves a link in its place.
    const outside = join(dir, 'elsewhere');
    await mkdir(outside);
    await rename(join(hubRoot, 'articles', draft.id), join(outside, draft.id));
    await symlink(join(outside, draft.id), join(hubRoot, 'articles', draft.id));
    const before = await snapshot(outside);

    const comment = addComment([], { id: 'c1', author: editor, createdAt: at(), body: 'Check the figures', anchor: null });
    const refused = await rejection(editorMachine.hub.update(draft.id, { comments: comment, by: editor, baseHubRevision: hubRevision }));
    expect(refused.code).toBe('corrupt-file');
    expect(refused.message).toBe(
      `The folder of ${draft.id} in the review hub (${join(hubRoot, 'articles', draft.id)}) leads outside the hub, to ${join(outside, draft.id)}; Dateline neither reads nor writes there. Remove that link from the hub folder`,
    );
    expect((await rejection(editorMachine.hub.open(draft.id))).code).toBe('corrupt-file');
    expect((await rejection(editorMachine.hub.currentRevision(draft.id))).code).toBe('corrupt-file');
    const listing = await editorMachine.hub.list();
    expect(listing.entries).toEqual([]);
    expect(listing.problems.map((p) => [p.articleId, p.message])).toEqual([[draft.id, refused.message]]);
    expect(await snapshot(outside)).toEqual(before);

    // A new submission into a linked folder, or through a linked articles/ folder, writes nothing there either.
    const fresh = await draftWithTwoPhotos('01hreviewfresh0001', 'Fresh story');
    await mkdir(join(outside, 'empty'));
    await symlink(join(outside, 'empty'), join(hubRoot, 'articles', fresh.id));
    expect((await rejection(reporterMachine.hub.submit(fresh, { by: reporter, to: 'desk', history: [], comments: [], baseHubRevision: null }))).message).toContain('leads outside the hub');
    await rm(join(hubRoot, 'articles'), { recursive: true });
    await symlink(outside, join(hubRoot, 'articles'));
    expect((await rejection(reporterMachine.hub.submit(fresh, { by: reporter, to: 'desk', history: [], comments: [], baseHubRevision: null }))).message).toContain('leads outside the hub');
    expect(await snapshot(outside)).toEqual({ ...before, empty: 'folder' });
  });

  it('a media folder linked outside the hub is neither read nor written: the photos are not copied there, nor imported from there', async () => {
    const draft = await draftWithTwoPhotos();
    const { hubRevision } = await reporterMachine.hub.submit(draft, { by: reporter, to: 'desk', history: [], comments: [], baseHubRevision: null });
    const outside = join(dir, 'elsewhere-media');
    const mediaDir = join(hubRoot, 'articles', draft.id, 'media');
    await rename(mediaDir, outside);
    await symlink(outside, mediaDir);
    await unlink(join(outside, (await readdir(outside))[0] as string));
    const before = await snapshot(outside);
    const refused = await rejection(reporterMachine.hub.update(draft.id, { article: { ...draft, headline: 'Changed' }, by: reporter, baseHubRevision: hubRevision }));
    expect(refused.code).toBe('corrupt-file');
    expect(refused.message).toBe(
      `The photo folder of ${draft.id} in the review hub (${mediaDir}) leads outside the hub, to ${outside}; Dateline neither reads nor writes there. Remove that link from the hub folder`,
    );
    expect(await snapshot(outside)).toEqual(before);
    expect((await rejection(editorMachine.hub.open(draft.id))).message).toBe(refused.message);
    expect(await readdir(join(dir, 'editor', 'library', 'media')).catch(() => [])).toEqual([]);
  });

  it('shows an editor what was sent to them by name or to the desk, not what went to a colleague', async () => {
    const toDesk = await draftWithTwoPhotos('01hreviewdesk00001', 'To the desk');
    const toMei = await draftWithTwoPhotos('01hreviewmei000001', 'To Mei');
    const toSam = await draftWithTwoPhotos('01hreviewsam000001', 'To Sam');
    await reporterMachine.hub.submit(toDesk, { by: reporter, to: 'desk', history: [], comments: [], baseHubRevision: null });
    await reporterMachine.hub.submit(toMei, { by: reporter, to: 'Mei Lin', history: [], comments: [], baseHubRevision: null });
    await reporterMachine.hub.submit(toSam, { by: reporter, to: 'Sam Ortiz', history: [], comments: [], baseHubRevision: null });
    const headlines = async (to?: string) => (await editorMachine.hub.list(to ? { to } : {})).entries.map((e) => e.headline).sort();
    expect(await headlines('Mei Lin')).toEqual(['To Mei', 'To the desk']);
    expect(await headlines('desk')).toEqual(['To the desk']);
    expect(await headlines()).toEqual(['To Mei', 'To Sam', 'To the desk']);
    expect((await editorMachine.hub.list({ status: ['approved'] })).entries).toEqual([]);
  });

  it('breaks a lock left by a crashed app, saying so, but waits for a live one', async () => {
    const draft = await draftWithTwoPhotos();
    const { hubRevision } = await reporterMachine.hub.submit(draft, { by: reporter, to: 'desk', history: [], comments: [], baseHubRevision: null });
    const lock = join(hubRoot, 'articles', draft.id, 'package.lock');
    const longAgo = new Date(Date.now() - 10 * 60_000);
    await writeFile(lock, JSON.stringify({ token: 'crashed', holder: 'Sam Ortiz', host: 'desk-pc-2', pid: 4242, at: longAgo.toISOString() }));
    await utimes(lock, longAgo, longAgo);
    const saved = await editorMachine.hub.update(draft.id, { comments: [], by: editor, baseHubRevision: hubRevision });
    expect(saved.hubRevision).toBe(hubRevision + 1);
    expect(editorMachine.logs.join('\n')).toMatch(/breaking a stale lock .*package\.lock left by Sam Ortiz on desk-pc-2 \(pid 4242\)/);

    await writeFile(lock, JSON.stringify({ token: 'live', holder: 'Sam Ortiz', host: 'desk-pc-2', pid: 4242, at: new Date().toISOString() }));
    const impatient = new FolderHub({ root: hubRoot, media: editorMachine.media, lockMaxWaitMs: 0, log: () => undefined });
    const refused = await rejection(impatient.update(draft.id, { comments: [], by: editor, baseHubRevision: saved.hubRevision }));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toBe('"River floods the old town" is being saved to the review hub by Sam Ortiz on desk-pc-2 right now; try again in a moment');
    expect(JSON.parse(await readFile(lock, 'utf8'))).toMatchObject({ token: 'live' });
    expect((await editorMachine.hub.open(draft.id)).hubRevision).toBe(saved.hubRevision);
  });

  it('says plainly when the shared folder is not reachable', async () => {
    const hub = new FolderHub({ root: join(dir, 'unplugged-share'), media: editorMachine.media });
    const refused = await rejection(hub.list());
    expect(refused.code).toBe('not-found');
    expect(refused.message).toContain('cannot be reached');
    // Submitting to an unplugged share must not quietly create a local folder of that name.
    const draft = await draftWithTwoPhotos();
    expect((await rejection(hub.submit(draft, { by: reporter, to: 'desk', history: [], comments: [], baseHubRevision: null }))).message).toContain('cannot be reached');
    expect(existsSync(join(dir, 'unplugged-share'))).toBe(false);
  });
});
