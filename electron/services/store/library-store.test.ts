// Runs in: tests (node). Reporters' stories about the library on a real file system.
import { mkdir, mkdtemp, readdir, readFile, rm, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleSchema, newArticle, type Article } from '../../../common/article';
import { AppError } from '../../../common/app-error';
import { readLibraryIndex } from './library-index-cache';
import { LibraryStore, type LibraryChange, type OpenReport } from './library-store';
import { sortableId } from './sortable-id';

let root: string;
let store: LibraryStore;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-library-'));
  store = new LibraryStore(root);
  await store.open();
});
afterEach(async () => {
  await store.close();
  await rm(root, { recursive: true, force: true });
});

function paragraph(text: string): Article['body'] {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

async function draft(headline: string, body = 'Text'): Promise<Article> {
  const article = await store.create();
  const saved = await store.save({ ...article, headline, body: paragraph(body) });
  return { ...article, headline, body: paragraph(body), ...saved };
}

async function reopen(): Promise<OpenReport> {
  await store.close();
  // Never judged slow storage: a test counting what the read worker did must not depend on the machine's load.
  store = new LibraryStore(root, { slowFolderMs: Number.POSITIVE_INFINITY });
  return store.open();
}

describe('LibraryStore', () => {
  it('reporter creates, edits and reopens an article', async () => {
    const created = await store.create('zh-CN');
    expect(created.meta.language).toBe('zh-CN');
    expect(created.revision).toBe(0);
    const result = await store.save({ ...created, headline: '市长讲话', body: paragraph('新华社北京电') });
    expect(result.revision).toBe(1);
    await reopen();
    const loaded = await store.get(created.id);
    expect(loaded.headline).toBe('市长讲话');
    expect(loaded.revision).toBe(1);
    expect(loaded.updatedAt).toBe(result.updatedAt);
    expect(store.list().map((s) => s.headline)).toEqual(['市长讲话']);
    const onDisk = JSON.parse(await readFile(join(root, 'articles', created.id, 'article.json'), 'utf8')) as unknown;
    expect(articleSchema.parse(onDisk).headline).toBe('市长讲话');
  });

  it('opens an article saved before planned times had a zone: same instant, shown in the newsroom zone', async () => {
    const article = await draft('旧稿');
    const file = join(root, 'articles', article.id, 'article.json');
    const old = JSON.parse(await readFile(file, 'utf8')) as { meta: Record<string, unknown> };
    delete old.meta.plannedTimeZone;
    old.meta.plannedAt = '2026-11-25T12:01:52+08:00';
    await writeFile(file, JSON.stringify(old));
    await reopen();
    const loaded = await store.get(article.id);
    expect(loaded.meta.plannedTimeZone).toBeNull();
    expect(Date.parse(loaded.meta.plannedAt ?? '')).toBe(Date.parse('2026-11-25T04:01:52Z'));
  });

  it('refuses a save based on a stale revision and keeps the newer text', async () => {
    const article = await draft('First take');
    await store.save({ ...article, headline: 'Second take' });
    const error = await store.save({ ...article, headline: 'Stale tab' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('conflict');
    expect((error as AppError).details).toMatchObject({ kind: 'article-saved-elsewhere', revision: 2 });
    expect((await store.get(article.id)).headline).toBe('Second take');
  });

  it('refuses invalid articles and unknown ids with clear codes', async () => {
    const article = await draft('Valid');
    await expect(store.save({ ...article, headline: 'x'.repeat(1001) })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(store.get('0000000000nothere00000')).rejects.toMatchObject({ code: 'not-found' });
    await expect(store.get('../../etc')).rejects.toMatchObject({ code: 'not-found' });
    await expect(store.create('not a tag')).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('refuses to save or import a body the editor schema cannot hold, and says why', async () => {
    const article = await draft('Schema');
    const table = { type: 'doc', content: [{ type: 'table', content: [{ type: 'paragraph' }] }] };
    await expect(store.save({ ...article, body: table })).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('Unknown node type: table') });
    const misplaced = { type: 'doc', content: [{ type: 'text', text: 'loose text' }] };
    await expect(store.save({ ...article, body: misplaced })).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('Invalid content for node doc') });
    const code = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'code' }] }] }] };
    await expect(store.importVersion({ ...article, body: code })).rejects.toMatchObject({ code: 'corrupt-file', message: expect.stringContaining('no mark type code'), details: { kind: 'hub-article-invalid', issues: 1 } });
    expect((await store.get(article.id)).body).toEqual(article.body);
  });

  it('two quick saves of the same revision: one wins, the other is told about the conflict', async () => {
    const article = await draft('Race');
    const results = await Promise.allSettled([store.save({ ...article, headline: 'A' }), store.save({ ...article, headline: 'B' })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
  });

  it('reporter restores yesterday\'s revision after a bad edit', async () => {
    let article = await draft('Good headline', 'Good body');
    await store.save(article, { explicit: true, who: 'Jane' });
    article = await store.get(article.id);
    const bad = await store.save({ ...article, headline: 'Bad headline', body: paragraph('oops') }, { explicit: true, who: 'Jane' });
    const revisions = (await store.listRevisions(article.id)).versions;
    expect(revisions.map((r) => r.headline)).toEqual(['Bad headline', 'Good headline']);
    expect(revisions[0]).toMatchObject({ reason: 'explicit-save', who: 'Jane', revision: bad.revision });
    const older = revisions[1]!;
    expect((await store.getRevision(article.id, older.id)).headline).toBe('Good headline');

    const restored = await store.restoreRevision(article.id, older.id, { who: 'Jane' });
    expect(restored.headline).toBe('Good headline');
    expect(restored.revision).toBe(bad.revision + 1);
    expect((await store.get(article.id)).body).toEqual(paragraph('Good body'));
    const after = (await store.listRevisions(article.id)).versions;
    expect(after[0]).toMatchObject({ reason: 'before-restore', headline: 'Bad headline' });
    await expect(store.getRevision(article.id, 'nope')).rejects.toMatchObject({ code: 'not-found' });
    await expect(store.getRevision(article.id, '../article')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('trash, restore and purge', async () => {
    const keep = await draft('Keep me');
    const doomed = await draft('Delete me');
    await expect(store.purge(doomed.id)).rejects.toMatchObject({ code: 'invalid-input' });
    await store.trash(doomed.id);
    expect(store.list().find((s) => s.id === doomed.id)?.trashedAt).toEqual(expect.any(String));
    expect((await store.listRevisions(doomed.id)).versions[0]?.reason).toBe('before-trash');

    await reopen();
    expect(store.list().find((s) => s.id === doomed.id)?.trashedAt).toEqual(expect.any(String));
    await store.restore(doomed.id);
    expect(store.list().find((s) => s.id === doomed.id)?.trashedAt).toBeNull();
    await reopen();
    expect(store.list().find((s) => s.id === doomed.id)?.trashedAt).toBeNull();

    await store.trash(doomed.id);
    await store.purge(doomed.id);
    expect(store.list().map((s) => s.id)).toEqual([keep.id]);
    expect(await readdir(join(root, 'articles'))).toEqual([keep.id]);
    await expect(store.get(doomed.id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('duplicates an article as a fresh draft with the same content', async () => {
    const source = await draft('Original', 'Body to copy');
    await store.save({ ...(await store.get(source.id)), status: 'published', meta: { ...source.meta, slug: 'original', slugEdited: true, tags: ['city'] } });
    const copy = await store.duplicate(source.id);
    expect(copy.id).not.toBe(source.id);
    expect(copy).toMatchObject({ headline: 'Original', status: 'draft', revision: 0 });
    expect(copy.meta).toMatchObject({ tags: ['city'], slugEdited: false });
    expect(copy.body).toEqual(paragraph('Body to copy'));
    expect((await store.get(copy.id)).headline).toBe('Original');
    expect(store.list()).toHaveLength(2);
  });

  it('sets aside a corrupt article while the rest of the library opens', async () => {
    const good = await draft('Good one');
    const broken = await draft('Broken one');
    await writeFile(join(root, 'articles', broken.id, 'article.json'), '{"schemaVersion": 1, "headl');
    expect(await reopen()).toEqual({ articles: 1, reread: 0, problems: 1, checkedInWorker: 0, readInWorker: 0, workerStopped: null });
    expect(store.list().map((s) => s.id)).toEqual([good.id]);
    const problems = store.problems();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.articleFolder).toBe(broken.id);
    expect(problems[0]!.message).toContain('not valid JSON');
    const aside = await readdir(join(root, problems[0]!.setAsideTo));
    expect(aside).toContain('article.json');
    await expect(store.get(broken.id)).rejects.toMatchObject({ code: 'not-found' });
    // Reopening again does not report it twice: it is out of the library now.
    await reopen();
    expect(store.problems()).toEqual([]);
  });

  it('recovers a zero-byte article.json from its last snapshot', async () => {
    const article = await draft('Saved with Ctrl+S', 'Precious words');
    await store.save(article, { explicit: true, who: 'Jane' });
    await truncate(join(root, 'articles', article.id, 'article.json'), 0);
    await reopen();
    expect(store.list().map((s) => s.headline)).toEqual(['Saved with Ctrl+S']);
    const recovered = await store.get(article.id);
    expect(recovered.body).toEqual(paragraph('Precious words'));
    const [problem] = store.problems();
    expect(problem?.message).toMatch(/empty.*recovered/);
    expect((await stat(join(root, problem!.setAsideTo))).size).toBe(0);
  });

  it('recovers an article that fails the schema when read directly by get()', async () => {
    const article = await draft('Schema');
    await store.trash(article.id);
    await writeFile(join(root, 'articles', article.id, 'article.json'), JSON.stringify({ schemaVersion: 2 }));
    const recovered = await store.get(article.id);
    expect(recovered.headline).toBe('Schema');
    expect(store.problems()[0]?.message).toContain('expected format');
    expect(store.list()[0]?.trashedAt).toEqual(expect.any(String));
  });

  it('removes temp files and half-purged folders a crash left behind', async () => {
    const article = await draft('Survivor');
    const dir = join(root, 'articles', article.id);
    await writeFile(join(dir, '.article.json.0123456789ab.tmp'), '{"half":');
    // Left by an earlier session: older than this start (a fresh one may be another store's write).
    const earlier = new Date(Date.now() - 60 * 60 * 1000);
    await utimes(join(dir, '.article.json.0123456789ab.tmp'), earlier, earlier);
    await writeFile(join(root, '.library-index.json.0123456789ab.tmp'), '');
    await writeFile(join(dir, 'notes.txt'), 'not ours, kept');
    await mkdir(join(root, 'articles', '.purge-x-1', 'y'), { recursive: true });
    await reopen();
    expect((await readdir(dir)).sort()).toEqual(['article.json', 'notes.txt']);
    expect(await readdir(join(root, 'articles'))).toEqual([article.id]);
    expect(await readdir(root)).not.toContain('.library-index.json.0123456789ab.tmp');
  });

  it('reopens a big library from its summary cache and notices changed files', async () => {
    // Written directly (no fsync per file) to keep the test quick; the store sees them as another app's files.
    const ids: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const article = { ...newArticle(sortableId(), new Date().toISOString()), headline: `Story ${i}` };
      await mkdir(join(root, 'articles', article.id));
      await writeFile(join(root, 'articles', article.id, 'article.json'), JSON.stringify(article));
      ids.push(article.id);
    }
    // The first screen of rows is read in this thread while the read worker starts; it reads the rest.
    expect(await reopen()).toEqual({ articles: 2000, reread: 2000, problems: 0, checkedInWorker: 0, readInWorker: 1950, workerStopped: null });
    const changed = ids[1234]!;
    await store.save({ ...(await store.get(changed)), headline: 'Edited before close' }, { explicit: true });
    await store.trash(ids[99]!);
    expect(await reopen()).toEqual({ articles: 2000, reread: 0, problems: 0, checkedInWorker: 0, readInWorker: 0, workerStopped: null });
    expect(store.list()).toHaveLength(2000);
    expect(store.list().find((s) => s.id === ids[99])?.trashedAt).toEqual(expect.any(String));
    expect((await readLibraryIndex(join(root, 'library-index.json'))).size).toBe(2000);

    // Another program edits one file behind our back: the next open must re-read just that one.
    const external = { ...(await store.get(ids[7]!)), headline: 'Edited outside' };
    await store.close();
    await writeFile(join(root, 'articles', ids[7]!, 'article.json'), JSON.stringify(external, null, 2));
    expect(await reopen()).toMatchObject({ articles: 2000, reread: 1 });
    const byId = new Map(store.list().map((s) => [s.id, s]));
    expect(byId.get(ids[7]!)?.headline).toBe('Edited outside');
    expect(byId.get(changed)?.headline).toBe('Edited before close');
  });

  it('tells listeners about every change, for the search index', async () => {
    const changes: LibraryChange[] = [];
    await store.close();
    store = new LibraryStore(root, { onChange: (c) => changes.push(c) });
    await store.open();
    const article = await draft('Listen');
    await store.trash(article.id);
    await store.purge(article.id);
    expect(changes.map((c) => c.kind)).toEqual(['upsert', 'upsert', 'remove']);
  });
});
