// Runs in: vitest (node). Opening the hub's version: a version that is not this article or whose
// history is broken is refused, edits the hub has not seen are not replaced unasked, and an editor
// opening a submitted story gets its history and the "since it was submitted" base.
import { describe, expect, it } from 'vitest';
import type { WorkflowEvent } from '../../../common/workflow/workflow-event';
import type { Article } from '../../../common/article';
import { AppError } from '../../../common/app-error';
import { authorIdOf } from '../../../common/editor/author-colour';
import { SUGGESTION_INSERT } from '../../../common/editor/suggestion-marks';
import { makeArticle, paragraph, text } from '../../../tests/fixtures/sample-article';
import { EDITOR, reviewTestContextPerTest } from '../../../tests/support/review-test-context';
import { emptyReviewRecord, mergeBaseOf } from './review-record-store';
import { reviewCommentHandlers } from './review-comments';
import { createReviewHubSync } from './review-hub-sync';
import { checkOpened, hasLocalChanges, reviewOpenHandler } from './review-open';
import { createReviewTransitions } from './review-transitions';

const event = (from: WorkflowEvent['from'], to: WorkflowEvent['to']): WorkflowEvent =>
  ({ id: `${from}-${to}`, action: 'submit', from, to, by: { name: 'Li Na', role: 'reporter' }, at: '2026-12-06T09:00:00.000Z', note: null, scheduledAt: null, revision: 1 }) as WorkflowEvent;

describe("checking the hub's version", () => {
  const article = makeArticle({ id: '01jc0000000000000000000001', status: 'submitted' });

  it('refuses another article, a broken history, and a history that ends elsewhere', () => {
    expect(() => checkOpened('01jc0000000000000000000002', article, [])).toThrow(expect.objectContaining({ code: 'corrupt-file' }));
    expect(() => checkOpened(article.id, article, [event('draft', 'submitted'), event('approved', 'published')])).toThrow(expect.objectContaining({ code: 'corrupt-file' }));
    expect(() => checkOpened(article.id, article, [event('draft', 'approved')])).toThrow(expect.objectContaining({ code: 'corrupt-file' }));
    expect(() => checkOpened(article.id, article, [event('draft', 'submitted')])).not.toThrow();
  });

  it('counts an article never synced, or edited since, as changed here', () => {
    const link = { kind: 'folder' as const, location: '/hub', hubRevision: 1, submittedTo: 'desk', syncedAt: '2026-12-06T09:00:00.000Z', localRevision: 3, keepsComments: true };
    expect(hasLocalChanges({ ...article, revision: 3 }, emptyReviewRecord())).toBe(true);
    expect(hasLocalChanges({ ...article, revision: 3 }, { ...emptyReviewRecord(), hub: link })).toBe(false);
    expect(hasLocalChanges({ ...article, revision: 4 }, { ...emptyReviewRecord(), hub: link })).toBe(true);
  });
});

describe('review.open', () => {
  const context = reviewTestContextPerTest();

  it("gives an editor the submitted story with its history, and refuses to replace edits the hub has not seen", async () => {
    const t = context();
    const story = t.add();
    await createReviewTransitions(t.ctx).run(story.id, { action: 'submit', to: 'desk' });
    const open = reviewOpenHandler(t.ctx, createReviewHubSync(t.ctx));
    t.setProfile(EDITOR);
    const opened = await open({ id: story.id, replaceLocal: false, merge: false });
    expect(opened).toMatchObject({ status: 'submitted', owner: 'Li Na' });
    expect(opened.history.map((e) => e.action)).toEqual(['submit']);
    expect(opened.diffBases.submitted).not.toBeNull();
    // An edit here the hub has not seen. With the hub unchanged there is nothing to get: it stays.
    await t.ctx.library.importVersion({ ...t.article(story.id), headline: 'Harbour reopens at dawn' });
    expect((await open({ id: story.id, replaceLocal: false, merge: false })).merged).toMatchObject({ nothingNew: true });
    expect(t.article(story.id).headline).toBe('Harbour reopens at dawn');
    // Once the hub has a newer version, opening again would replace the edit: asked first.
    const hub = await t.ctx.hub();
    await hub.update(story.id, { article: (await hub.open(story.id)).article, by: EDITOR, baseHubRevision: (await hub.currentRevision(story.id))! });
    await expect(open({ id: story.id, replaceLocal: false, merge: false })).rejects.toMatchObject({ code: 'conflict', details: { localChanges: true } });
    expect((await open({ id: story.id, replaceLocal: true, merge: false })).status).toBe('submitted');
    expect(t.article(story.id).headline).not.toBe('Harbour reopens at dawn');
  });

  /** A story the reporter sent, then changed here, while the desk changed it in the hub. */
  async function returnedWithTypingHere(t: ReturnType<typeof context>) {
    const story = t.add({ body: { type: 'doc', content: ['One.', 'Two.', 'Three.', 'Four.'].map((s) => paragraph(text(s))) } });
    await createReviewTransitions(t.ctx).run(story.id, { action: 'submit', to: 'desk' });
    const sent = t.article(story.id);
    // The desk's edit, written to the hub from another machine.
    const hub = await t.ctx.hub();
    const token = (await hub.currentRevision(story.id))!;
    const desk = { ...sent, headline: 'Harbour reopens at dawn', body: { type: 'doc', content: ['One, from the desk.', 'Two.', 'Three.', 'Four.'].map((s) => paragraph(text(s))) } };
    await hub.update(story.id, { article: desk, by: EDITOR, baseHubRevision: token });
    // Meanwhile the reporter wrote a summary, changed the third paragraph and added a fifth.
    await t.ctx.library.importVersion({ ...sent, summary: 'Fog lifted at six.', body: { type: 'doc', content: ['One.', 'Two.', 'Three, with the time.', 'Four.', 'Five, added here.'].map((s) => paragraph(text(s))) } });
    return story;
  }

  /** A comment written here while the hub could not be reached, held back since as a conflict (the desk wrote meanwhile). */
  async function withCommentWrittenOffline(t: ReturnType<typeof context>, story: Article): Promise<Article> {
    t.unplug(true);
    await reviewCommentHandlers(t.ctx)['comments.add']({ id: story.id, body: 'Which pier?', anchor: null });
    t.unplug(false);
    await t.ctx.records.update(story.id, (r) => ({ ...r, pendingSync: { ...r.pendingSync!, conflict: true } }));
    return story;
  }

  /** Records every version the library imports from now on. */
  function recordImports(t: ReturnType<typeof context>): Article[] {
    const imports: Article[] = [];
    const importVersion = t.ctx.library.importVersion;
    t.ctx.library.importVersion = (article, options) => (imports.push(article), importVersion(article, options));
    return imports;
  }

  /** The returned story merged once, with what it and its record were right after, and imports recorded from then on. */
  async function mergedOnce(t: ReturnType<typeof context>) {
    const story = await returnedWithTypingHere(t);
    const open = reviewOpenHandler(t.ctx, createReviewHubSync(t.ctx));
    await open({ id: story.id, replaceLocal: false, merge: true });
    return { story, open, merged: t.article(story.id), after: await t.ctx.records.get(story.id), imports: recordImports(t) };
  }

  it("merges the reporter's typing with the desk's edits in one write, and leaves the merge to send", async () => {
    const t = context();
    const story = await returnedWithTypingHere(t);
    const open = reviewOpenHandler(t.ctx, createReviewHubSync(t.ctx));
    // Asked first, the prompt says a merge can be done.
    await expect(open({ id: story.id, replaceLocal: false, merge: false })).rejects.toMatchObject({ code: 'conflict', details: { localChanges: true, mergeable: true } });
    const imports = recordImports(t);
    const state = await open({ id: story.id, replaceLocal: false, merge: true });
    const merged = t.article(story.id);
    expect(merged.headline).toBe('Harbour reopens at dawn');
    expect(merged.summary).toBe('Fog lifted at six.');
    expect(merged.body.content!.map((b) => b.content![0]!.text)).toEqual(['One, from the desk.', 'Two.', 'Three, with the time.', 'Four.', 'Five, added here.']);
    expect(state.merged).toEqual({ fieldsFromHub: [], blocksBothChanged: 0, blocksKeptFromHub: 0 });
    // One write: the merge in place of this copy, which the library keeps under Revisions.
    expect(imports.map((a) => a.summary)).toEqual(['Fog lifted at six.']);
    // The merge is a change the hub has not seen: it can be sent, and the next merge starts from the hub's version.
    const record = await t.ctx.records.get(story.id);
    expect(hasLocalChanges(merged, record)).toBe(true);
    expect(record.synced?.body.content!.map((b) => b.content![0]!.text)).toEqual(['One, from the desk.', 'Two.', 'Three.', 'Four.']);
    expect(record.synced?.revision).toBe(record.hub?.localRevision);
    expect(record.lastSeen?.article.summary).toBe('Fog lifted at six.');
  });

  it('a second "Get the latest" with the hub unchanged asks nothing and writes nothing, and says so', async () => {
    const t = context();
    const { story, open, merged, after, imports } = await mergedOnce(t);
    // Asked without a choice: no prompt, since the hub has nothing newer.
    const again = await open({ id: story.id, replaceLocal: false, merge: false });
    expect(again.merged).toEqual({ fieldsFromHub: [], blocksBothChanged: 0, blocksKeptFromHub: 0, nothingNew: true });
    expect(imports).toEqual([]);
    expect(t.article(story.id)).toEqual(merged);
    expect(await t.ctx.records.get(story.id)).toEqual(after);
  });

  it('a Merge with a newer hub version that holds nothing new writes nothing, keeps the merge base, and says so', async () => {
    const t = context();
    const { story, open, merged, after, imports } = await mergedOnce(t);
    // The desk writes the same version again: the hub's revision moves, its story does not.
    const hub = await t.ctx.hub();
    const opened = await hub.open(story.id);
    await hub.update(story.id, { article: opened.article, by: EDITOR, baseHubRevision: (await hub.currentRevision(story.id))! });
    await expect(open({ id: story.id, replaceLocal: false, merge: false })).rejects.toMatchObject({ code: 'conflict', details: { mergeable: true } });
    const again = await open({ id: story.id, replaceLocal: false, merge: true });
    expect(imports).toEqual([]);
    expect(again.merged).toEqual({ fieldsFromHub: [], blocksBothChanged: 0, blocksKeptFromHub: 0, nothingNew: true });
    expect(t.article(story.id)).toEqual(merged);
    const record = await t.ctx.records.get(story.id);
    expect(record.hub?.localRevision).toBe(after.hub?.localRevision);
    expect(record.hub?.hubRevision).toBeGreaterThan(after.hub!.hubRevision);
    // The base is the hub's version this copy already holds.
    expect(record.synced).toEqual({ ...opened.article, revision: after.hub?.localRevision, createdAt: merged.createdAt });
    expect(record.lastSeen).toEqual(after.lastSeen);
    expect(hasLocalChanges(merged, record)).toBe(true);
  });

  it('adds the reporter\'s version of a paragraph both changed as a suggestion, and says so', async () => {
    const t = context();
    const story = await returnedWithTypingHere(t);
    await t.ctx.library.importVersion({ ...t.article(story.id), headline: 'Ferries back', body: { type: 'doc', content: ['One, as the reporter has it.', 'Two.', 'Three.', 'Four.'].map((s) => paragraph(text(s))) } });
    const state = await reviewOpenHandler(t.ctx, createReviewHubSync(t.ctx))({ id: story.id, replaceLocal: false, merge: true });
    expect(state.merged).toEqual({ fieldsFromHub: ['headline'], blocksBothChanged: 1, blocksKeptFromHub: 0 });
    const body = t.article(story.id).body.content!;
    expect(body.map((b) => b.content![0]!.text)).toEqual(['One, from the desk.', 'One, as the reporter has it.', 'Two.', 'Three.', 'Four.']);
    expect(body[1]!.content![0]!.marks).toEqual([{ type: SUGGESTION_INSERT, attrs: expect.objectContaining({ authorName: 'Li Na', authorId: authorIdOf('Li Na') }) }]);
  });

  it('refuses to merge without the version last exchanged with the hub, and replaces nothing', async () => {
    const t = context();
    const story = await returnedWithTypingHere(t);
    // A record written before merging existed.
    await t.ctx.records.update(story.id, (r) => ({ ...r, synced: null }));
    const open = reviewOpenHandler(t.ctx, createReviewHubSync(t.ctx));
    await expect(open({ id: story.id, replaceLocal: false, merge: false })).rejects.toMatchObject({ details: { mergeable: false } });
    await expect(open({ id: story.id, replaceLocal: false, merge: true })).rejects.toMatchObject({ code: 'conflict', details: { kind: 'merge-base-missing' } });
    expect(t.article(story.id).summary).toBe('Fog lifted at six.');
  });

  it('refuses a merge too large for one article before anything is written', async () => {
    const t = context();
    const story = t.add({ body: { type: 'doc', content: [paragraph(text('One.'))] } });
    await createReviewTransitions(t.ctx).run(story.id, { action: 'submit', to: 'desk' });
    const sent = t.article(story.id);
    const hub = await t.ctx.hub();
    // Each side rewrote the paragraph at length: each fits in an article, the two together do not.
    await hub.update(story.id, { article: { ...sent, body: { type: 'doc', content: [paragraph(text('H'.repeat(5_100_000)))] } }, by: EDITOR, baseHubRevision: (await hub.currentRevision(story.id))! });
    const mine = await t.ctx.library.importVersion({ ...sent, body: { type: 'doc', content: [paragraph(text('L'.repeat(5_100_000)))] } });
    const before = await t.ctx.records.get(story.id);
    await expect(reviewOpenHandler(t.ctx, createReviewHubSync(t.ctx))({ id: story.id, replaceLocal: false, merge: true })).rejects.toMatchObject({ code: 'conflict', details: { kind: 'merge-too-large', localChanges: true, mergeable: false } });
    expect(t.article(story.id)).toEqual(mine);
    expect(await t.ctx.records.get(story.id)).toEqual(before);
  });

  it('merges a story rewritten here, every paragraph of 12,000, with the desk\'s new headline', async () => {
    const t = context();
    const many = (prefix: string) => ({ type: 'doc', content: Array.from({ length: 12_000 }, (_, i) => paragraph(text(`${prefix} ${i}.`))) });
    const story = t.add({ body: many('Base') });
    await createReviewTransitions(t.ctx).run(story.id, { action: 'submit', to: 'desk' });
    const sent = t.article(story.id);
    const hub = await t.ctx.hub();
    await hub.update(story.id, { article: { ...sent, headline: 'Rewritten by the desk' }, by: EDITOR, baseHubRevision: (await hub.currentRevision(story.id))! });
    await t.ctx.library.importVersion({ ...sent, body: many('Mine') });
    const state = await reviewOpenHandler(t.ctx, createReviewHubSync(t.ctx))({ id: story.id, replaceLocal: false, merge: true });
    expect(state.merged).toEqual({ fieldsFromHub: [], blocksBothChanged: 0, blocksKeptFromHub: 0 });
    expect(t.article(story.id)).toMatchObject({ headline: 'Rewritten by the desk', body: many('Mine') });
  });

  it('offers no merge on a hub that does not keep the article as sent', async () => {
    const t = context();
    const story = await returnedWithTypingHere(t);
    await t.ctx.records.update(story.id, (r) => ({ ...r, hub: { ...r.hub!, keepsComments: false } }));
    const record = await t.ctx.records.get(story.id);
    expect(record.synced).not.toBeNull();
    expect(mergeBaseOf(record)).toBeNull();
    await expect(reviewOpenHandler(t.ctx, createReviewHubSync(t.ctx))({ id: story.id, replaceLocal: false, merge: false })).rejects.toMatchObject({ details: { mergeable: false } });
  });

  it('finishes a merge cut short after its write as it was, rather than merging the merge again', async () => {
    const t = context();
    const story = t.add({ body: { type: 'doc', content: ['Lead.', 'Quote.', 'End.'].map((s) => paragraph(text(s))) } });
    await createReviewTransitions(t.ctx).run(story.id, { action: 'submit', to: 'desk' });
    const sent = t.article(story.id);
    const hub = await t.ctx.hub();
    // The desk puts a standfirst before the quote; the reporter rewrites the quote.
    await hub.update(story.id, { article: { ...sent, body: { type: 'doc', content: ['Lead.', 'Standfirst.', 'Quote.', 'End.'].map((s) => paragraph(text(s))) } }, by: EDITOR, baseHubRevision: (await hub.currentRevision(story.id))! });
    const mine = await t.ctx.library.importVersion({ ...sent, body: { type: 'doc', content: ['Lead.', 'Quote, rewritten.', 'End.'].map((s) => paragraph(text(s))) } });
    const open = reviewOpenHandler(t.ctx, createReviewHubSync(t.ctx));
    const before = await t.ctx.records.get(story.id);
    // The record write after the merge fails (the disk filled up, or the app stopped).
    const update = t.ctx.records.update.bind(t.ctx.records);
    let writes = 0;
    t.ctx.records.update = (articleId, change) => (++writes === 2 ? Promise.reject(new Error('The disk is full')) : update(articleId, change));
    await expect(open({ id: story.id, replaceLocal: false, merge: true })).rejects.toThrow('The disk is full');
    t.ctx.records.update = update;
    const cut = t.article(story.id);
    expect(cut.body.content!.map((b) => b.content![0]!.text)).toEqual(['Lead.', 'Standfirst.', 'Quote, rewritten.', 'End.']);
    // The record still names the old version; the merge is a change the hub has not seen.
    expect((await t.ctx.records.get(story.id)).hub).toEqual(before.hub);
    expect(hasLocalChanges(cut, await t.ctx.records.get(story.id))).toBe(true);
    // Merging that again would put the standfirst in twice; opening finishes the merge instead.
    const state = await open({ id: story.id, replaceLocal: false, merge: true });
    expect(t.article(story.id)).toEqual(cut);
    expect(state.merged).toEqual({ fieldsFromHub: [], blocksBothChanged: 0, blocksKeptFromHub: 0 });
    const record = await t.ctx.records.get(story.id);
    expect(record).toMatchObject({ merging: null, lastSeen: { article: mine } });
    expect(record.hub?.localRevision).toBe(cut.revision - 1);
  });

  it('sends comments written here on their own, so the merge waits for the writer', async () => {
    const t = context();
    const story = await withCommentWrittenOffline(t, await returnedWithTypingHere(t));
    const state = await reviewOpenHandler(t.ctx, createReviewHubSync(t.ctx))({ id: story.id, replaceLocal: false, merge: true });
    expect(state.pendingSync).toBeNull();
    const hub = await (await t.ctx.hub()).open(story.id);
    expect(hub.comments.map((c) => c.body)).toContain('Which pier?');
    // The hub still has the desk's version, not the merge.
    expect(hub.article.summary).toBe('');
    expect(t.article(story.id).summary).toBe('Fog lifted at six.');
  });

  it("keeps comments the hub could not take for the writer's next send, not for the periodic sync", async () => {
    const t = context();
    const story = await withCommentWrittenOffline(t, await returnedWithTypingHere(t));
    const hub = await t.ctx.hub();
    const update = hub.update;
    hub.update = () => Promise.reject(new AppError('not-found', 'The review hub folder cannot be reached', { unreachable: true }));
    const state = await reviewOpenHandler(t.ctx, createReviewHubSync(t.ctx))({ id: story.id, replaceLocal: false, merge: true });
    hub.update = update;
    // Nothing queued that would send the unchecked merge; the comment stays, and goes with the next send.
    expect(state.pendingSync).toBeNull();
    expect((await t.ctx.records.get(story.id)).comments.map((c) => c.body)).toContain('Which pier?');
    expect(await createReviewHubSync(t.ctx).syncPending()).toBe(0);
    expect((await hub.open(story.id)).article.summary).toBe('');
  });
});

