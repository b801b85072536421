// Runs in: vitest (node). When the app keeps a version of a story by itself: on every explicit
// save (and says which), before every workflow action and before every publish. Named versions,
// comparing two versions and restoring go through the same operations the UI calls.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveArticle, servicesCaller, settledJob, type ServicesCall } from '../../tests/support/services-caller';
import { createServices, type Services } from './create-services';

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('versions the services keep by themselves', () => {
  let root: string;
  let app: Services;
  let call: ServicesCall;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'dateline-versions-'));
    await mkdir(join(root, 'hub'));
    app = await createServices({ dataDir: join(root, 'data'), transport: 'http', version: 'test', systemLocale: 'en', documentsDir: join(root, 'docs') });
    call = servicesCaller(app);
    await call('settings.update', { userName: '李娜', role: 'reporter', reviewHub: { kind: 'folder', path: join(root, 'hub') } });
  });
  afterEach(async () => {
    await app.close();
    await rm(root, { recursive: true, force: true });
  });

  const versions = async (id: string) => (await call('revisions.list', { id })).versions;

  it('an explicit save keeps a version and says so; an ordinary save does not', async () => {
    const created = await call('articles.create', { language: 'en' });
    const quiet = await call('articles.save', { article: { ...created, headline: 'Flood' } });
    expect(quiet.snapshot ?? null).toBeNull();
    expect(await versions(created.id)).toEqual([]);
    const current = await call('articles.get', { id: created.id });
    const saved = await call('articles.save', { article: { ...current, headline: 'Flood warning' }, explicit: true });
    expect(saved.snapshot).toMatchObject({ reason: 'explicit-save', who: '李娜', headline: 'Flood warning', revision: saved.revision });
    expect((await versions(created.id)).map((v) => v.id)).toEqual([saved.snapshot?.id]);
  });

  it('keeps the story as it was before every workflow action', async () => {
    const created = await call('articles.create', { language: 'zh-CN' });
    await saveArticle(call, created.id, (a) => ({ ...a, headline: '北京今天下雨', body: { type: 'doc', content: [para('北京今天下雨。')] } }));
    await call('review.transition', { id: created.id, action: 'submit', to: 'desk' });
    const kept = await versions(created.id);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ reason: 'before-workflow', headline: '北京今天下雨', who: '李娜' });
    const body = await call('revisions.get', { id: created.id, revisionId: kept[0]!.id });
    expect(JSON.stringify(body.body)).toContain('北京今天下雨。');
  });

  it('keeps the story as it was before every publish', async () => {
    await call('settings.update', { role: 'editor' });
    const created = await call('articles.create', { language: 'en' });
    await saveArticle(call, created.id, (a) => ({
      ...a,
      headline: 'Harbour reopens',
      summary: 'Ships again.',
      meta: { ...a.meta, section: 'City', tags: ['harbour'], bylines: [{ name: '李娜', role: '记者' }] },
      body: { type: 'doc', content: [para('The harbour reopened today.')] } }));
    const folder = (await call('targets.list', {})).find((t) => t.config.kind === 'folder')?.config.id ?? '';
    const job = await call('publish.start', { articleId: created.id, targetId: folder, options: { status: 'publish', overriddenWarnings: ['lead-photo'] } });
    await settledJob(call, job.id);
    const kept = await versions(created.id);
    expect(kept.map((v) => v.reason)).toContain('before-publish');
    expect(kept.find((v) => v.reason === 'before-publish')).toMatchObject({ headline: 'Harbour reopens' });
    // Publishing the same revision again keeps no second copy of it.
    const again = await call('publish.start', { articleId: created.id, targetId: folder, options: { status: 'publish', overriddenWarnings: ['lead-photo'] } });
    await settledJob(call, again.id);
    expect((await versions(created.id)).filter((v) => v.reason === 'before-publish')).toHaveLength(1);
  });

  it('names a version, compares it with the current text and restores it, keeping the current one first', async () => {
    const created = await call('articles.create', { language: 'en' });
    await saveArticle(call, created.id, (a) => ({ ...a, headline: 'Budget', body: { type: 'doc', content: [para('Taxes rise.'), para('Schools gain.')] } }));
    const named = await call('revisions.name', { id: created.id, name: '  First draft  ' });
    expect(named).toMatchObject({ reason: 'named', name: 'First draft' });
    await saveArticle(call, created.id, (a) => ({ ...a, body: { type: 'doc', content: [para('Taxes fall.'), para('Schools gain.')] } }));
    const diff = await call('revisions.compare', { id: created.id, from: named.id, to: 'current' });
    expect(diff.stats.changedBlocks).toBe(1);
    expect(JSON.stringify(diff.blocks)).toContain('fall');
    const restored = await call('revisions.restore', { id: created.id, revisionId: named.id });
    expect(JSON.stringify(restored.body)).toContain('Taxes rise.');
    const list = await versions(created.id);
    expect(list[0]).toMatchObject({ reason: 'before-restore' });
    expect(JSON.stringify((await call('revisions.get', { id: created.id, revisionId: list[0]!.id })).body)).toContain('Taxes fall.');
    const kept = await call('revisions.keepBeforeRestore', { id: created.id });
    expect(kept).toMatchObject({ reason: 'before-restore', headline: 'Budget' });
    // A blank name is refused by the contract before it reaches the store.
    expect(() => call('revisions.name', { id: created.id, name: '   ' })).toThrow(/too_small|>=1/);
  });
});
