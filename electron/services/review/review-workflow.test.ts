// Runs in: vitest (node). Two machines — a reporter's and an editor's app, each with its own data
// folder — review one story through a shared folder hub, through the same operations the UI calls.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReadyStory, eventually, saveArticle, servicesCaller, settledJob, submitAndApprove, type ServicesCall } from '../../../tests/support/services-caller';
import { makePng } from '../../../tests/support/test-photos';
import { createServices, type Services } from '../create-services';
import { sharedHubPackageReader } from './hub-package-reader';

type Call = ServicesCall;
const caller = servicesCaller;

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** The app's own Published-folder target, which every fresh app has. */
async function folderTargetId(call: ServicesCall): Promise<string> {
  return (await call('targets.list', {})).find((t) => t.config.kind === 'folder')?.config.id ?? '';
}

describe('review through a shared folder hub, two machines', () => {
  let root: string;
  let reporterApp: Services;
  let editorApp: Services;
  let reporter: Call;
  let editor: Call;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'dateline-review-'));
    const hub = join(root, 'hub');
    await mkdir(hub); // the mounted share
    const open = (name: string) =>
      createServices({ dataDir: join(root, name), transport: 'http', version: 'test', systemLocale: 'en', documentsDir: join(root, `${name}-docs`) });
    reporterApp = await open('reporter');
    editorApp = await open('editor');
    reporter = caller(reporterApp);
    editor = caller(editorApp);
    await reporter('settings.update', { userName: '李娜', role: 'reporter', reviewHub: { kind: 'folder', path: hub } });
    await editor('settings.update', { userName: 'Sam Editor', role: 'editor', reviewHub: { kind: 'folder', path: hub } });
  });

  afterEach(async () => {
    await reporterApp.close();
    await editorApp.close();
    await rm(root, { recursive: true, force: true });
  });

  const write = saveArticle;

  it('submit → comment + request changes → fix + resubmit → diff → approve → publish, with history on both machines', async () => {
    const photo = await reporter('media.import', { fileName: 'harbour.png', data: makePng(800, 500) });
    const created = await reporter('articles.create', { language: 'zh-CN' });
    await write(reporter, created.id, (a) => ({
      ...a,
      headline: '北京今天下雨',
      summary: '北京降雨降温。',
      meta: { ...a.meta, section: '北京', tags: ['天气'], bylines: [{ name: '李娜', role: '记者' }] },
      body: {
        type: 'doc',
        content: [para('北京今天下雨，气温下降。'), { type: 'figure', attrs: { mediaId: photo.id, credit: '李娜', alt: '雨中街道', lead: true }, content: [{ type: 'text', text: '雨中的长安街' }] }],
      },
    }));

    const submitted = await reporter('review.transition', { id: created.id, action: 'submit', to: 'desk' });
    expect(submitted.status).toBe('submitted');
    expect(submitted.owner).toBe('李娜');
    // A reporter cannot approve their own story.
    await expect(reporter('review.transition', { id: created.id, action: 'approve' })).rejects.toMatchObject({ code: 'permission-denied' });

    const queue = await editor('review.queue', { scope: 'for-me' });
    expect(queue.entries.map((e) => [e.headline, e.submittedBy, e.cjkChars])).toEqual([['北京今天下雨', '李娜', expect.any(Number)]]);
    expect(queue.entries[0]?.cjkChars).toBe(16); // 北京今天下雨气温下降 + caption 雨中的长安街; punctuation is not counted

    const opened = await editor('review.open', { id: created.id });
    expect(opened.allowedActions).toEqual(expect.arrayContaining(['request-changes', 'approve', 'spike']));
    const editorCopy = await editor('articles.get', { id: created.id });
    expect(editorCopy.headline).toBe('北京今天下雨');
    // The photo travelled with the article.
    expect(await editor('media.info', { id: photo.id })).toMatchObject({ id: photo.id });

    const from = 1 + '北京'.length;
    await editor('comments.add', { id: created.id, body: '请核实“今天”', anchor: { from, to: from + 2, quote: '今天' } });
    const returned = await editor('review.transition', { id: created.id, action: 'request-changes', note: '请补充气温数据' });
    expect(returned.status).toBe('changes_requested');

    // The reporter picks the returned story up from the hub: it is what waits for them now.
    expect((await reporter('review.queue', { scope: 'for-me' })).entries.map((e) => e.articleId)).toEqual([created.id]);
    expect((await editor('review.queue', { scope: 'for-me' })).entries).toHaveLength(0);
    const mine = await reporter('review.queue', { scope: 'mine' });
    expect(mine.entries[0]?.status).toBe('changes_requested');
    const back = await reporter('review.open', { id: created.id });
    expect(back.comments).toHaveLength(1);
    expect(back.comments[0]?.anchor?.quote).toBe('今天');
    expect(back.history.map((e) => e.action)).toEqual(['submit', 'request-changes']);
    expect(back.history[1]?.note).toBe('请补充气温数据');

    await write(reporter, created.id, (a) => ({
      ...a,
      body: { ...a.body, content: [para('北京今天下雨，气温下降到五度。'), ...(a.body.content ?? []).slice(1)] },
    }));
    await reporter('comments.resolve', { id: created.id, commentId: back.comments[0]?.id ?? '' });
    const resubmitted = await reporter('review.transition', { id: created.id, action: 'submit', note: '已补充' });
    expect(resubmitted.status).toBe('submitted');

    const again = await editor('review.open', { id: created.id });
    expect(again.comments[0]?.resolved).toBe(true);
    const diff = await editor('review.diff', { id: created.id, base: 'last-seen' });
    expect(diff.diff.stats.unchanged).toBe(false);
    expect(JSON.stringify(diff.diff.blocks)).toContain('到五度');
    const sinceReturned = await editor('review.diff', { id: created.id, base: 'previous-submission' });
    expect(JSON.stringify(sinceReturned.diff.blocks)).toContain('到五度');

    const approved = await editor('review.transition', { id: created.id, action: 'approve' });
    expect(approved.allowedActions).toContain('publish');
    const folder = await folderTargetId(editor);
    expect(folder).not.toBe('');
    const job = await editor('publish.start', { articleId: created.id, targetId: folder, options: { status: 'publish' } });
    const done = await settledJob(editor, job.id);
    expect(done.lastError).toBeNull();
    expect(done.state).toBe('done');
    // The workflow records the publication once the job is done, in the hub too.
    const final = await eventually(() => editor('review.get', { id: created.id }), (s) => s.status === 'published');
    expect(final.status).toBe('published');
    expect(final.history.map((e) => e.action)).toEqual(['submit', 'request-changes', 'submit', 'approve', 'publish']);
    const hubView = await reporter('review.queue', { scope: 'mine' });
    expect(hubView.entries[0]?.status).toBe('published');
  });

  it('“changes since it was submitted”: the editor sees their own copy edits against the version the reporter sent; the reporter too', async () => {
    const created = await reporter('articles.create', {});
    await write(reporter, created.id, (a) => ({ ...a, headline: 'Storm hits coast', body: { type: 'doc', content: [para('The storm hit the coast at dawn.')] } }));
    const sent = await reporter('review.transition', { id: created.id, action: 'submit' });
    expect(sent.diffBases.submitted).not.toBeNull();

    const opened = await editor('review.open', { id: created.id });
    expect(opened.diffBases.submitted?.headline).toBe('Storm hits coast');
    expect(opened.diffBases.previousSubmission).toBeNull(); // never returned
    await write(editor, created.id, (a) => ({ ...a, headline: 'Storm batters coast', body: { type: 'doc', content: [para('The storm hit the coast at dawn on Sunday.')] } }));
    const edits = await editor('review.diff', { id: created.id, base: 'submitted' });
    expect(edits.baseInfo.headline).toBe('Storm hits coast');
    expect(edits.diff.fields.map((f) => f.field)).toContain('headline');
    expect(JSON.stringify(edits.diff.blocks)).toContain('on Sunday');

    // An editor who approves keeps that base: the story is not resubmitted.
    await editor('review.transition', { id: created.id, action: 'approve' });
    expect((await editor('review.get', { id: created.id })).diffBases.submitted?.headline).toBe('Storm hits coast');
    // The reporter, taking the approved version, sees what the desk changed since they sent it.
    await reporter('review.open', { id: created.id });
    const fromDesk = await reporter('review.diff', { id: created.id, base: 'submitted' });
    expect(JSON.stringify(fromDesk.diff.blocks)).toContain('on Sunday');
  });

  it('a submission made offline and edited before it went out: “since it was submitted” compares with what went out', async () => {
    const share = join(root, 'hub');
    const unplugged = join(root, 'hub-unplugged');
    const created = await reporter('articles.create', {});
    await write(reporter, created.id, (a) => ({ ...a, headline: 'Train delays', body: { type: 'doc', content: [para('Trains ran late.')] } }));
    await rename(share, unplugged);
    await reporter('review.transition', { id: created.id, action: 'submit' });
    await write(reporter, created.id, (a) => ({ ...a, body: { type: 'doc', content: [para('Trains ran late all morning.')] } }));
    await rename(unplugged, share);
    expect((await reporter('review.sync', {})).pending).toBe(0);

    const mine = await reporter('review.diff', { id: created.id, base: 'submitted' });
    expect(mine.diff.stats.unchanged).toBe(true); // what went out is what the reporter has
    // The hub's copy is no longer the version the submission recorded: the editor gets no base
    // rather than a wrong one (their “since I last saw it” starts from this version).
    const opened = await editor('review.open', { id: created.id });
    expect(opened.diffBases.submitted).toBeNull();
    expect(JSON.stringify((await editor('articles.get', { id: created.id })).body)).toContain('all morning');
  });

  it('a comment made while the editor published is never replaced by the editor’s next comment: the editor is asked to take the latest first', async () => {
    const created = { id: await createReadyStory(reporter, { headline: 'Port strike ends', summary: 'Dockers return.', section: 'City', tag: 'port', byline: '李娜', text: 'Dockers went back to work.' }) };
    await submitAndApprove(reporter, editor, created.id);
    await reporter('review.open', { id: created.id });
    await reporter('comments.add', { id: created.id, body: 'The union confirmed at 6 pm.' });

    const folder = await folderTargetId(editor);
    const job = await editor('publish.start', { articleId: created.id, targetId: folder, options: { status: 'publish', overriddenWarnings: ['lead-photo'] } });
    expect((await settledJob(editor, job.id)).state).toBe('done');
    await eventually(() => editor('review.get', { id: created.id }), (s) => s.status === 'published' && s.pendingSync === null);
    // The hub recorded the publication and kept the reporter's comment.
    expect((await reporter('review.open', { id: created.id })).comments.map((c) => c.body)).toEqual(['The union confirmed at 6 pm.']);

    // The editor never saw that comment: their next comment must not replace the hub's list.
    await expect(editor('comments.add', { id: created.id, body: 'Add the time.' })).rejects.toMatchObject({ code: 'conflict' });
    const latest = await editor('review.open', { id: created.id, replaceLocal: true });
    expect(latest.status).toBe('published');
    expect(latest.comments.map((c) => c.body)).toEqual(['The union confirmed at 6 pm.']);
    const both = await editor('comments.add', { id: created.id, body: 'Add the time.' });
    expect(both.comments.map((c) => c.body)).toEqual(['The union confirmed at 6 pm.', 'Add the time.']);
  });

  it('“since it was submitted” survives a comment written in the hub since: a third machine opening the story still has it', async () => {
    const created = await reporter('articles.create', {});
    await write(reporter, created.id, (a) => ({ ...a, headline: 'Bridge closed', body: { type: 'doc', content: [para('The bridge closed at noon.')] } }));
    await reporter('review.transition', { id: created.id, action: 'submit' });
    await editor('review.open', { id: created.id });
    await editor('comments.add', { id: created.id, body: 'Which bridge?' });
    const deskApp = await createServices({ dataDir: join(root, 'desk2'), transport: 'http', version: 'test', systemLocale: 'en', documentsDir: join(root, 'desk2-docs') });
    try {
      const desk = caller(deskApp);
      await desk('settings.update', { userName: 'Night Editor', role: 'editor', reviewHub: { kind: 'folder', path: join(root, 'hub') } });
      const opened = await desk('review.open', { id: created.id });
      expect(opened.diffBases.submitted?.headline).toBe('Bridge closed');
    } finally {
      await deskApp.close();
    }
  });

  it('edits made while a story is under review reach the hub with “Send my changes”, without a workflow action', async () => {
    const created = await reporter('articles.create', {});
    await write(reporter, created.id, (a) => ({ ...a, headline: 'Fire at the docks', body: { type: 'doc', content: [para('A fire broke out.')] } }));
    const sent = await reporter('review.transition', { id: created.id, action: 'submit' });
    expect(sent.canSendChanges).toBe(true);
    await write(reporter, created.id, (a) => ({ ...a, body: { type: 'doc', content: [para('A fire broke out. Police confirmed two injured.')] } }));
    const update = await reporter('review.sendChanges', { id: created.id });
    expect(update.status).toBe('submitted');
    expect(update.history.map((e) => e.action)).toEqual(['submit']);
    expect(update.hub?.localRevision).toBe((await reporter('articles.get', { id: created.id })).revision);

    const opened = await editor('review.open', { id: created.id });
    expect(JSON.stringify((await editor('articles.get', { id: created.id })).body)).toContain('two injured');
    // Late changes are not passed off as the submitted version.
    expect(opened.diffBases.submitted).toBeNull();
    // The editor's copy edits go the same way; once approved, the story is the desk's.
    await write(editor, created.id, (a) => ({ ...a, headline: 'Fire at the docks injures two' }));
    await editor('review.transition', { id: created.id, action: 'approve' });
    await reporter('review.open', { id: created.id });
    const approved = await reporter('review.get', { id: created.id });
    expect(approved.canSendChanges).toBe(false);
    await expect(reporter('review.sendChanges', { id: created.id })).rejects.toMatchObject({ code: 'permission-denied' });
    expect((await editor('review.sendChanges', { id: created.id })).canSendChanges).toBe(true);
  });

  it('nobody sends changes over someone else at work: not another reporter, not an editor while the reporter revises', async () => {
    const created = await reporter('articles.create', {});
    await write(reporter, created.id, (a) => ({ ...a, headline: 'Tram strike' }));
    await reporter('review.transition', { id: created.id, action: 'submit' });
    await editor('review.open', { id: created.id });
    await editor('review.transition', { id: created.id, action: 'request-changes', note: 'Add the union’s side.' });
    await expect(editor('review.sendChanges', { id: created.id })).rejects.toMatchObject({ code: 'permission-denied' });
    await reporter('review.open', { id: created.id });
    expect((await reporter('review.get', { id: created.id })).canSendChanges).toBe(false); // returned: it goes back with Resubmit
    await reporter('review.transition', { id: created.id, action: 'submit' });

    // Another reporter who took a copy of the story from the hub may not send changes to it.
    await editor('settings.update', { userName: 'Other Reporter', role: 'reporter' });
    const state = await editor('review.open', { id: created.id, replaceLocal: true });
    expect(state.canSendChanges).toBe(false);
    await expect(editor('review.sendChanges', { id: created.id })).rejects.toMatchObject({ code: 'permission-denied' });
  });

  it('approve and publish approves only once the checklist passed: a blocked publish leaves the story submitted', async () => {
    const created = await reporter('articles.create', {});
    await write(reporter, created.id, (a) => ({ ...a, headline: 'Half-finished', body: { type: 'doc', content: [para('Only a first line.')] } }));
    await reporter('review.transition', { id: created.id, action: 'submit' });
    await editor('review.open', { id: created.id });
    const folder = await folderTargetId(editor);
    const start = { articleId: created.id, targetId: folder, options: { status: 'publish' }, approveFirst: true };
    await expect(editor('publish.start', start)).rejects.toMatchObject({ code: 'checklist-blocked' });
    expect((await editor('review.get', { id: created.id })).status).toBe('submitted');
    expect(await editor('outbox.list', { articleId: created.id })).toHaveLength(0);
    const warnings = ['missing-summary', 'summary', 'section', 'byline', 'tags', 'lead-photo'];
    const job = await editor('publish.start', { ...start, options: { status: 'publish', overriddenWarnings: warnings } });
    expect(job.state).not.toBe('failed');
    const history = (await editor('review.get', { id: created.id })).history.map((e) => e.action);
    expect(history.slice(0, 2)).toEqual(['submit', 'approve']);
  });

  it('a reporter may not publish, and saving never changes the status', async () => {
    const created = await reporter('articles.create', {});
    await write(reporter, created.id, (a) => ({ ...a, headline: 'Budget vote', status: 'published' }));
    expect((await reporter('articles.get', { id: created.id })).status).toBe('draft');
    const targets = await reporter('targets.list', {});
    await expect(
      reporter('publish.start', { articleId: created.id, targetId: targets[0]?.config.id ?? '', options: { status: 'publish' } }),
    ).rejects.toMatchObject({ code: 'permission-denied' });
  });

  it('an editor spikes a submitted story with a reason: it cannot be published until reopened; the reporter sees why', async () => {
    const created = await reporter('articles.create', {});
    await write(reporter, created.id, (a) => ({ ...a, headline: 'Rumour about the mayor', body: { type: 'doc', content: [para('Unconfirmed.')] } }));
    await reporter('review.transition', { id: created.id, action: 'submit' });
    await editor('review.open', { id: created.id });
    await expect(editor('review.transition', { id: created.id, action: 'spike' })).rejects.toMatchObject({ code: 'invalid-input' });
    const spiked = await editor('review.transition', { id: created.id, action: 'spike', note: 'Single anonymous source.' });
    expect(spiked.status).toBe('spiked');
    expect(spiked.allowedActions).toEqual(['reopen']);
    const targets = await editor('targets.list', {});
    await expect(editor('publish.start', { articleId: created.id, targetId: targets[0]?.config.id ?? '', options: { status: 'publish' } })).rejects.toMatchObject({
      code: 'conflict',
    });
    const seen = await reporter('review.open', { id: created.id });
    expect(seen.status).toBe('spiked');
    expect(seen.history.at(-1)).toMatchObject({ action: 'spike', note: 'Single anonymous source.', by: { name: 'Sam Editor' } });
    // Reopening a killed story is the desk's decision.
    expect(seen.allowedActions).toEqual([]);
    await expect(reporter('review.transition', { id: created.id, action: 'reopen' })).rejects.toMatchObject({ code: 'permission-denied' });
    const reopened = await editor('review.transition', { id: created.id, action: 'reopen' });
    expect(reopened.status).toBe('draft');
  });

  it('spiking a story scheduled on a target withholds it there, so it never goes live by itself', async () => {
    const created = { id: await createReadyStory(reporter, { headline: 'Embargoed survey', summary: 'Out on Friday.', section: 'City', tag: 'survey', byline: '李娜', text: 'The survey comes out on Friday.' }) };
    await submitAndApprove(reporter, editor, created.id);
    const folder = await folderTargetId(editor);
    const friday = new Date(Date.now() + 3 * 24 * 3600_000).toISOString();
    const scheduled = await editor('publish.start', {
      articleId: created.id,
      targetId: folder,
      options: { status: 'future', scheduledAt: friday, overriddenWarnings: ['lead-photo'] },
    });
    const settle = (jobId: string) => settledJob(editor, jobId);
    const first = await settle(scheduled.id);
    expect(first.state).toBe('done');
    const ninjs = join(first.result?.url ? fileURLToPath(first.result.url) : '', '..', 'article.ninjs.json');
    expect(JSON.parse(await readFile(ninjs, 'utf8'))).toMatchObject({ pubstatus: 'usable', embargoed: expect.any(String) });
    expect((await editor('review.get', { id: created.id })).status).toBe('scheduled');

    await editor('review.transition', { id: created.id, action: 'spike', note: 'Survey withdrawn by the ministry.' });
    const withheld = (await editor('outbox.list', { articleId: created.id })).find((j) => j.options.status === 'draft');
    expect(withheld).toBeDefined();
    expect((await settle(withheld?.id ?? '')).state).toBe('done');
    expect(JSON.parse(await readFile(ninjs, 'utf8'))).toMatchObject({ pubstatus: 'withheld' });
    expect((await editor('review.get', { id: created.id })).status).toBe('spiked');
  });

  it('a reporter can spike only their own draft that never went to the desk, and no profile means no workflow', async () => {
    const created = await reporter('articles.create', {});
    await expect(reporter('review.transition', { id: created.id, action: 'spike' })).rejects.toMatchObject({ code: 'invalid-input' });
    expect((await reporter('review.transition', { id: created.id, action: 'spike', note: 'Story fell through.' })).status).toBe('spiked');
    expect((await reporter('review.get', { id: created.id })).hub).toBeNull();
    await reporter('settings.update', { role: null });
    const state = await reporter('review.get', { id: created.id });
    expect(state.profile).toBeNull();
    expect(state.allowedActions).toEqual([]);
    await expect(reporter('comments.add', { id: created.id, body: 'note' })).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('Settings') });
  });

  it('two edits at once: the second writer gets a conflict and nothing is overwritten', async () => {
    const created = await reporter('articles.create', {});
    await write(reporter, created.id, (a) => ({ ...a, headline: 'Council budget', body: { type: 'doc', content: [para('The council met.')] } }));
    await reporter('review.transition', { id: created.id, action: 'submit' });
    await editor('review.open', { id: created.id });
    // A second editor machine opens the same revision.
    const secondApp = await createServices({ dataDir: join(root, 'editor2'), transport: 'http', version: 'test', systemLocale: 'en', documentsDir: join(root, 'e2-docs') });
    try {
      const second = caller(secondApp);
      await second('settings.update', { userName: 'Ana Editor', role: 'editor', reviewHub: { kind: 'folder', path: join(root, 'hub') } });
      await second('review.open', { id: created.id });
      const results = await Promise.allSettled([
        editor('review.transition', { id: created.id, action: 'request-changes', note: 'Needs a quote.' }),
        second('review.transition', { id: created.id, action: 'approve' }),
      ]);
      const rejected = results.filter((r) => r.status === 'rejected');
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' });
      expect(String((rejected[0] as PromiseRejectedResult).reason.message)).toMatch(/changed .* since you opened it/);
      // The loser's library is unchanged: still submitted, nothing recorded.
      const winnerIsEditor = results[0]?.status === 'fulfilled';
      const loser = winnerIsEditor ? second : editor;
      expect((await loser('review.get', { id: created.id })).status).toBe('submitted');
    } finally {
      await secondApp.close();
    }
  });

  it('opening the hub version over unsynced local edits asks first, and the local version is kept as a revision', async () => {
    const created = await reporter('articles.create', {});
    await write(reporter, created.id, (a) => ({ ...a, headline: 'Flood warning', body: { type: 'doc', content: [para('Rivers are rising.')] } }));
    await reporter('review.transition', { id: created.id, action: 'submit' });
    await editor('review.open', { id: created.id });
    await editor('review.transition', { id: created.id, action: 'request-changes', note: 'Which rivers?' });
    // Meanwhile the reporter kept writing on their copy.
    await write(reporter, created.id, (a) => ({ ...a, body: { type: 'doc', content: [para('Rivers are rising. The Han is two metres up.')] } }));
    await expect(reporter('review.open', { id: created.id })).rejects.toMatchObject({ code: 'conflict', details: { localChanges: true } });
    expect((await reporter('articles.get', { id: created.id })).body.content?.[0]?.content?.[0]?.text).toContain('The Han');
    const replaced = await reporter('review.open', { id: created.id, replaceLocal: true });
    expect(replaced.status).toBe('changes_requested');
    const revisions = await reporter('revisions.list', { id: created.id });
    const kept = revisions.versions.find((r) => r.reason === 'before-import');
    expect(kept).toBeDefined();
    const old = await reporter('revisions.get', { id: created.id, revisionId: kept?.id ?? '' });
    expect(JSON.stringify(old.body)).toContain('The Han is two metres up.');
    // "Changes since I last saw it" shows what the editor's version lacks compared with what the reporter had.
    const diff = await reporter('review.diff', { id: created.id, base: 'last-seen' });
    expect(JSON.stringify(diff.diff.blocks)).toContain('The Han');
  });

  it('a package that carries another article than its folder says is refused, never imported over that article', async () => {
    const victim = await editor('articles.create', {});
    await write(editor, victim.id, (a) => ({ ...a, headline: 'Editor’s own story' }));
    const created = await reporter('articles.create', {});
    await write(reporter, created.id, (a) => ({ ...a, headline: 'Innocent' }));
    await reporter('review.transition', { id: created.id, action: 'submit' });
    const path = join(root, 'hub', 'articles', created.id, 'package.json');
    const pkg = JSON.parse(await readFile(path, 'utf8')) as { article: { id: string } };
    pkg.article.id = victim.id;
    await writeFile(path, JSON.stringify(pkg));
    await expect(editor('review.open', { id: created.id })).rejects.toMatchObject({ code: 'corrupt-file' });
    expect((await editor('articles.get', { id: victim.id })).headline).toBe('Editor’s own story');
    const queue = await editor('review.queue', { scope: 'all' });
    expect(queue.entries).toHaveLength(0);
    expect(queue.problems[0]?.message).toContain('another article');
  });

  it('an editor publishing a story that never went to the hub records approve and publish locally, and writes nothing to the hub', async () => {
    const created = { id: await createReadyStory(editor, { headline: 'Desk brief', summary: 'A short brief.', section: 'City', tag: 'brief', byline: 'Sam Editor', text: 'The desk writes this one itself.' }) };
    const folder = await folderTargetId(editor);
    const job = await editor('publish.start', { articleId: created.id, targetId: folder, options: { status: 'publish', overriddenWarnings: ['lead-photo'] } });
    const state = await eventually(() => editor('review.get', { id: created.id }), (s) => s.status === 'published');
    expect((await editor('outbox.get', { jobId: job.id })).state).toBe('done');
    expect(state.status).toBe('published');
    expect(state.history.map((e) => e.action)).toEqual(['submit', 'approve', 'publish']);
    expect(state.hub).toBeNull();
    expect(existsSync(join(root, 'hub', 'articles', created.id))).toBe(false);
  });

  it('a publication the hub refuses to record (damaged package) is recorded here, shown as waiting with the reason, and sent once the package is mended', async () => {
    const created = { id: await createReadyStory(reporter, { headline: 'Harbour reopens', summary: 'The harbour reopened.', section: 'City', tag: 'harbour', byline: '李娜', text: 'The harbour reopened on Tuesday.' }) };
    await submitAndApprove(reporter, editor, created.id);
    const path = join(root, 'hub', 'articles', created.id, 'package.json');
    const intact = await readFile(path, 'utf8');
    await writeFile(path, intact.slice(0, 40)); // someone's sync tool truncated it

    const folder = await folderTargetId(editor);
    const job = await editor('publish.start', { articleId: created.id, targetId: folder, options: { status: 'publish', overriddenWarnings: ['lead-photo'] } });
    expect((await settledJob(editor, job.id)).state).toBe('done');
    const waiting = await eventually(() => editor('review.get', { id: created.id }), (s) => s.status === 'published');
    expect(waiting.history.map((e) => e.action)).toEqual(['submit', 'approve', 'publish']);
    expect(waiting.pendingSync).toMatchObject({ conflict: false, refused: true });
    // Why, as a code and kind the renderer words in the user's language; the English is for the log.
    expect(waiting.pendingSync?.lastError).toMatchObject({ code: 'corrupt-file', details: { kind: 'hub-package' }, message: expect.stringMatching(/package/i) });
    expect(waiting.allowedActions).not.toContain('publish');
    // Taking the hub's version now would undo the publication: refused, even when asked to replace.
    await expect(editor('review.open', { id: created.id, replaceLocal: true })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('was published from this computer'),
    });
    expect((await editor('review.get', { id: created.id })).status).toBe('published');

    await writeFile(path, intact);
    expect(await editor('review.sync', { id: created.id })).toEqual({ pending: 0 });
    expect((await editor('review.get', { id: created.id })).pendingSync).toBeNull();
    const hubView = await reporter('review.queue', { scope: 'mine' });
    expect(hubView.entries.find((e) => e.articleId === created.id)?.status).toBe('published');
  });

  it('clearing the role does not let anyone publish a story that is in the workflow; restoring a revision keeps its status', async () => {
    const created = await reporter('articles.create', {});
    await write(reporter, created.id, (a) => ({ ...a, headline: 'Version one' }));
    await reporter('articles.save', { article: await reporter('articles.get', { id: created.id }), explicit: true });
    await reporter('review.transition', { id: created.id, action: 'submit' });
    await reporter('settings.update', { role: null });
    const targets = await reporter('targets.list', {});
    await expect(reporter('publish.start', { articleId: created.id, targetId: targets[0]?.config.id ?? '', options: { status: 'publish' } })).rejects.toMatchObject({
      code: 'permission-denied',
    });
    const revision = (await reporter('revisions.list', { id: created.id })).versions.find((r) => r.reason === 'explicit-save');
    const restored = await reporter('revisions.restore', { id: created.id, revisionId: revision?.id ?? '' });
    expect(restored.status).toBe('submitted');
  });

  it('offline: a submission and a note made while the share is unplugged wait, and go out once it is back', async () => {
    const share = join(root, 'hub');
    const unplugged = join(root, 'hub-unplugged');
    const created = await reporter('articles.create', {});
    await write(reporter, created.id, (a) => ({ ...a, headline: 'Written on the train', body: { type: 'doc', content: [para('No signal here.')] } }));
    await rename(share, unplugged); // unplugged
    const submitted = await reporter('review.transition', { id: created.id, action: 'submit', to: 'Sam Editor' });
    expect(submitted.status).toBe('submitted');
    expect(submitted.pendingSync).toMatchObject({ conflict: false, refused: false, attempts: 1, lastError: { code: 'not-found', details: { kind: 'hub-unreachable', unreachable: true }, message: expect.stringContaining('cannot be reached') } });
    expect(existsSync(share)).toBe(false);
    const noted = await reporter('comments.add', { id: created.id, body: 'Quotes checked by phone.' });
    expect(noted.pendingSync).not.toBeNull();
    expect((await reporter('review.sync', {})).pending).toBe(1);

    await rename(unplugged, share); // back in the office
    expect((await reporter('review.sync', {})).pending).toBe(0);
    const state = await reporter('review.get', { id: created.id });
    expect(state.pendingSync).toBeNull();
    expect(state.hub).toMatchObject({ kind: 'folder', submittedTo: 'Sam Editor' });
    const queue = await editor('review.queue', { scope: 'for-me' });
    expect(queue.entries.map((e) => [e.headline, e.openComments])).toEqual([['Written on the train', 1]]);
  });

  it('back online: the renderer’s “online” signal sends waiting work at once, not at the next periodic try', async () => {
    await reporterApp.close();
    // This app would not try again for an hour by itself.
    reporterApp = await createServices({ dataDir: join(root, 'reporter'), transport: 'http', version: 'test', systemLocale: 'en', documentsDir: join(root, 'reporter-docs'), reviewSyncMs: 3_600_000 });
    reporter = caller(reporterApp);
    const share = join(root, 'hub');
    const unplugged = join(root, 'hub-unplugged');
    const created = await reporter('articles.create', {});
    await write(reporter, created.id, (a) => ({ ...a, headline: 'Filed from the airport' }));
    await rename(share, unplugged);
    expect((await reporter('review.transition', { id: created.id, action: 'submit' })).pendingSync).not.toBeNull();
    await rename(unplugged, share);
    expect(await reporter('app.online', {})).toEqual({ ok: true });
    const state = await eventually(() => reporter('review.get', { id: created.id }), (s) => s.pendingSync === null);
    expect(state.pendingSync).toBeNull();
    expect((await editor('review.queue', { scope: 'for-me' })).entries.map((e) => e.headline)).toEqual(['Filed from the airport']);
  });

  it('work waiting for the hub survives a restart and is sent by the restarted app on its own', async () => {
    const share = join(root, 'hub');
    const created = await reporter('articles.create', {});
    await write(reporter, created.id, (a) => ({ ...a, headline: 'Filed from the airport', body: { type: 'doc', content: [para('Boarding now.')] } }));
    await rename(share, `${share}-away`);
    expect((await reporter('review.transition', { id: created.id, action: 'submit' })).pendingSync).not.toBeNull();
    await reporterApp.close();
    await rename(`${share}-away`, share);
    reporterApp = await createServices({ dataDir: join(root, 'reporter'), transport: 'http', version: 'test', systemLocale: 'en', documentsDir: join(root, 'reporter-docs') });
    reporter = caller(reporterApp);
    const state = await eventually(() => reporter('review.get', { id: created.id }), (s) => s.pendingSync === null);
    expect(state.pendingSync).toBeNull();
    expect((await editor('review.queue', { scope: 'for-me' })).entries.map((e) => e.headline)).toEqual(['Filed from the airport']);
  });

  it('offline work that meets someone else’s change in the hub is not sent, and says so', async () => {
    const created = await reporter('articles.create', {});
    await write(reporter, created.id, (a) => ({ ...a, headline: 'Bridge repairs', body: { type: 'doc', content: [para('Six weeks.')] } }));
    await reporter('review.transition', { id: created.id, action: 'submit' });
    await editor('review.open', { id: created.id });
    const share = join(root, 'hub');
    await rename(share, `${share}-away`);
    const offline = await reporter('comments.add', { id: created.id, body: 'Source: port authority.' });
    expect(offline.pendingSync?.conflict).toBe(false);
    await rename(`${share}-away`, share);
    await editor('review.transition', { id: created.id, action: 'request-changes', note: 'Name the source.' });
    await reporter('review.sync', { id: created.id });
    const state = await reporter('review.get', { id: created.id });
    expect(state.pendingSync).toMatchObject({ conflict: true, lastError: { code: 'conflict', details: { kind: 'hub-changed' }, message: expect.stringContaining('was not sent') } });
    // Nothing of the editor's is overwritten; taking the hub's version is an explicit choice.
    expect((await editor('review.get', { id: created.id })).status).toBe('changes_requested');
    await expect(reporter('review.open', { id: created.id })).rejects.toMatchObject({ code: 'conflict', details: { localChanges: true } });
    const taken = await reporter('review.open', { id: created.id, replaceLocal: true });
    expect(taken.status).toBe('changes_requested');
    // The note written offline is not lost: it is kept and goes out with the next write.
    expect(taken.comments.map((c) => c.body)).toEqual(['Source: port authority.']);
    expect(taken.pendingSync).toMatchObject({ conflict: false });
    expect((await reporter('review.sync', { id: created.id })).pending).toBe(0);
    const seen = await editor('review.open', { id: created.id });
    expect(seen.comments.map((c) => c.body)).toEqual(['Source: port authority.']);
    expect(seen.history.at(-1)?.note).toBe('Name the source.');
  });

  it('opening with work still waiting sends it first when the hub is back, so nothing is asked or lost', async () => {
    const created = await reporter('articles.create', {});
    await write(reporter, created.id, (a) => ({ ...a, headline: 'Ferry strike', body: { type: 'doc', content: [para('Ferries stopped at noon.')] } }));
    await reporter('review.transition', { id: created.id, action: 'submit' });
    await editor('review.open', { id: created.id });
    const share = join(root, 'hub');
    await rename(share, `${share}-away`);
    await editor('comments.add', { id: created.id, body: 'Which ferries?' });
    await editor('review.transition', { id: created.id, action: 'request-changes', note: 'Name the routes.' });
    await rename(`${share}-away`, share);
    // "Get the latest" before the background sync ran: the waiting work goes out first.
    const opened = await editor('review.open', { id: created.id });
    expect(opened.pendingSync).toBeNull();
    expect(opened.status).toBe('changes_requested');
    const reporterView = await reporter('review.open', { id: created.id });
    expect(reporterView.comments.map((c) => c.body)).toEqual(['Which ferries?']);
    expect(reporterView.history.at(-1)).toMatchObject({ action: 'request-changes', note: 'Name the routes.' });
  });

  it('a package removed from the hub while work waited is submitted again as new, not stuck', async () => {
    const created = await reporter('articles.create', {});
    await write(reporter, created.id, (a) => ({ ...a, headline: 'Power cut', body: { type: 'doc', content: [para('Half the city is dark.')] } }));
    await reporter('review.transition', { id: created.id, action: 'submit' });
    const share = join(root, 'hub');
    await rename(share, `${share}-away`);
    await reporter('comments.add', { id: created.id, body: 'Utility confirms.' });
    await rename(`${share}-away`, share);
    await rm(join(share, 'articles', created.id), { recursive: true });
    expect((await reporter('review.sync', { id: created.id })).pending).toBe(0);
    const queue = await editor('review.queue', { scope: 'for-me' });
    expect(queue.entries.map((e) => [e.headline, e.openComments])).toEqual([['Power cut', 1]]);
  });

  it('a story without a headline is not sent for review: the desk finds stories by their headlines', async () => {
    const created = await reporter('articles.create', {});
    await write(reporter, created.id, (a) => ({ ...a, body: { type: 'doc', content: [para('Some text, no headline yet.')] } }));
    await expect(reporter('review.transition', { id: created.id, action: 'submit' })).rejects.toMatchObject({ code: 'invalid-input', details: { field: 'headline' } });
    expect((await reporter('review.get', { id: created.id })).status).toBe('draft');
    expect(existsSync(join(root, 'hub', 'articles', created.id))).toBe(false);
  });

  it('a damaged package in the hub is listed as a problem, the rest of the queue still shows', async () => {
    const created = await reporter('articles.create', {});
    await write(reporter, created.id, (a) => ({ ...a, headline: 'Good one' }));
    await reporter('review.transition', { id: created.id, action: 'submit' });
    const other = await reporter('articles.create', {});
    await write(reporter, other.id, (a) => ({ ...a, headline: 'Bad one' }));
    await reporter('review.transition', { id: other.id, action: 'submit' });
    const path = join(root, 'hub', 'articles', other.id, 'package.json');
    await writeFile(path, (await readFile(path, 'utf8')).slice(0, 40));
    const queue = await editor('review.queue', { scope: 'all' });
    expect(queue.entries.map((e) => e.headline)).toEqual(['Good one']);
    expect(queue.problems).toHaveLength(1);
    expect(queue.problems[0]?.message).toContain(other.id);
  });

  it('a hostile package of a million tiny text nodes is refused by name while the app goes on answering other calls', async () => {
    const created = await reporter('articles.create', {});
    await write(reporter, created.id, (a) => ({ ...a, headline: 'Good one' }));
    await reporter('review.transition', { id: created.id, action: 'submit' });
    // A colleague's 29 MB package: within the size limit, but its body has 5.5 million parts.
    const hostileId = '01hhostilepackage1';
    const path = join(root, 'hub', 'articles', created.id, 'package.json');
    const copy = JSON.parse(await readFile(path, 'utf8')) as { article: { id: string; body: unknown } };
    copy.article = { ...copy.article, id: hostileId, body: '@BODY@' };
    const body = `{"type":"doc","content":[{"type":"paragraph","content":[${Array(1_100_000).fill('{"type":"text","text":"a"}').join(',')}]}]}`;
    await mkdir(join(root, 'hub', 'articles', hostileId));
    await writeFile(join(root, 'hub', 'articles', hostileId, 'package.json'), JSON.stringify(copy).replace('"@BODY@"', body));

    const answered: string[] = [];
    // Once a worker has taken up the hostile package, other calls are asked; they answer before the queue does.
    const checking = new Promise<void>((resolve) => {
      const stop = sharedHubPackageReader().onTaskStart((task) => {
        if (task.kind !== 'file' || !task.path.includes(hostileId)) return;
        stop();
        resolve();
      });
    });
    const queue = editor('review.queue', { scope: 'all' }).then((q) => (answered.push('review.queue'), q));
    await checking;
    await Promise.all([
      editor('settings.get', {}).then(() => answered.push('settings.get')),
      editor('library.list', {}).then(() => answered.push('library.list')),
    ]);
    const listed = await queue;
    expect(answered.at(-1)).toBe('review.queue');
    expect(listed.entries.map((e) => e.headline)).toEqual(['Good one']);
    expect(listed.problems).toEqual([
      {
        articleId: hostileId,
        message: `The review package of ${hostileId} cannot be read: it does not match the expected format at article.body: the body is too large to be an article: it holds more than 2,000,000 parts (nodes, marks and attributes)`,
      },
    ]);
  });
});
