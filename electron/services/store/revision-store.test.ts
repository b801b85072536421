// Runs in: tests (node). An article's versions on a real file system: automatic snapshots thin out
// with age, the caps make room oldest first, named versions stay, and damaged or hostile files are
// reported and never deleted.
import { mkdir, mkdtemp, readdir, rm, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newArticle, type Article } from '../../../common/article';
import type { RevisionReason } from '../../../common/contract';
import { MAX_NAMED_VERSIONS, MAX_REVISION_FILE_BYTES, RevisionStore } from './revision-store';
import { sortableId } from './sortable-id';

const MIN = 60 * 1000;
const START = Date.parse('2026-12-01T08:00:00.000Z');

let dir: string;
let clock: number;
const now = (): number => clock;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dateline-revisions-'));
  clock = START;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function story(text: string, revision = 1, headline = text.slice(0, 100)): Article {
  const article = newArticle(sortableId(), new Date(START).toISOString(), 'en');
  return { ...article, headline, revision, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } };
}

const files = async (): Promise<string[]> => (await readdir(join(dir, 'revisions'))).sort();

describe('RevisionStore', () => {
  it('a reporter saving every ten minutes for three days keeps a thinned history, newest first', async () => {
    const store = new RevisionStore(dir, { now });
    const article = story('Flood');
    let newest = '';
    for (let i = 0; i < 3 * 24 * 6; i++) {
      newest = (await store.snapshot({ ...article, revision: i }, 'explicit-save', 'Li Wei')).id;
      clock += 10 * MIN;
    }
    const { versions, unreadable } = await store.list();
    expect(unreadable).toEqual([]);
    expect(versions[0]!.id).toBe(newest);
    // 6 in the last hour, about one an hour for a day, one a day before that.
    expect(versions.length).toBeGreaterThanOrEqual(6 + 22 + 2);
    expect(versions.length).toBeLessThanOrEqual(6 + 24 + 3);
    const times = versions.map((v) => v.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('never thins named, pre-publish and pre-workflow versions', async () => {
    const store = new RevisionStore(dir, { now });
    const article = story('Budget');
    const kept: string[] = [];
    const reasons: RevisionReason[] = ['named', 'before-publish', 'before-workflow', 'before-restore'];
    for (let i = 0; i < 200; i++) {
      const reason = reasons[i % 8] ?? 'autosave';
      const info = await store.snapshot(article, reason, 'Wang Fang', reason === 'named' ? `Draft ${i}` : undefined);
      if (reason !== 'autosave') kept.push(info.id);
      clock += 30 * MIN;
    }
    const ids = new Set((await store.list()).versions.map((v) => v.id));
    for (const id of kept) expect(ids.has(id)).toBe(true);
    expect(ids.size).toBeLessThan(200);
  });

  it('makes room under the size cap: automatic snapshots first, then other kept ones, never named ones', async () => {
    const article = story('x'.repeat(2000), 1, 'Big');
    const probe = new RevisionStore(join(dir, 'probe'), { now });
    const probed = await probe.snapshot(article, 'named', '', 'Name 0');
    const oneFile = (await stat(join(dir, 'probe', 'revisions', `${probed.id}.json`))).size;
    // Room for five and a half versions.
    const store = new RevisionStore(dir, { now, maxBytes: Math.floor(5.5 * oneFile) });
    const named = await store.snapshot(article, 'named', 'Li Wei', 'First draft');
    clock += MIN;
    const beforePublish = await store.snapshot(article, 'before-publish', 'Li Wei');
    clock += MIN;
    for (let i = 0; i < 6; i++) {
      await store.snapshot(article, 'autosave', 'Li Wei');
      clock += MIN;
    }
    let reasons = (await store.list()).versions.map((v) => v.reason);
    expect(reasons).toContain('named');
    expect(reasons).toContain('before-publish');
    expect(reasons.filter((r) => r === 'autosave').length).toBeLessThan(6);
    // Only kept ones now: the pre-publish one goes before any named one.
    for (let i = 0; i < 5; i++) {
      await store.snapshot(article, 'named', 'Li Wei', `Name ${i}`);
      clock += MIN;
    }
    const left = (await store.list()).versions;
    reasons = left.map((v) => v.reason);
    expect(reasons.filter((r) => r === 'named')).toHaveLength(6);
    expect(left.map((v) => v.id)).toContain(named.id);
    expect(left.map((v) => v.id)).not.toContain(beforePublish.id);
  });

  it('caps the number of files per article, keeping the newest', async () => {
    const store = new RevisionStore(dir, { now, maxFiles: 10 });
    const article = story('Count');
    let last = '';
    for (let i = 0; i < 15; i++) last = (await store.snapshot(article, 'explicit-save', '')).id;
    const { versions } = await store.list();
    expect(versions).toHaveLength(10);
    expect(versions[0]!.id).toBe(last);
  });

  it('reports damaged, oversized and hostile files with a reason, and never deletes them', async () => {
    const store = new RevisionStore(dir, { now, maxFiles: 5 });
    const article = story('Safe');
    await store.snapshot(article, 'autosave', '');
    const revisions = join(dir, 'revisions');
    const [garbage, huge, link, folder, wrongBody] = Array.from({ length: 5 }, () => sortableId()) as [string, string, string, string, string];
    await writeFile(join(revisions, `${garbage}.json`), '{"info": ');
    await writeFile(join(revisions, `${huge}.json`), '');
    await truncate(join(revisions, `${huge}.json`), MAX_REVISION_FILE_BYTES + 1);
    await symlink('/etc/passwd', join(revisions, `${link}.json`));
    await mkdir(join(revisions, `${folder}.json`));
    const bad = { info: { id: wrongBody, at: new Date(START).toISOString(), reason: 'autosave', who: '', revision: 1, headline: 'x' }, article: { ...article, body: { type: 'doc', content: [{ type: 'script', text: 'alert(1)' }] } } };
    await writeFile(join(revisions, `${wrongBody}.json`), JSON.stringify(bad));
    // Many more snapshots, well past the count cap, spread over days.
    for (let i = 0; i < 20; i++) {
      clock += 6 * 60 * MIN;
      await store.snapshot(article, 'autosave', '');
    }
    const { versions, unreadable } = await store.list();
    expect(versions.length).toBeGreaterThan(0);
    const reasons = Object.fromEntries(unreadable.map((u) => [u.id, u.reason]));
    expect(reasons[garbage]).toMatch(/not valid JSON/);
    expect(reasons[huge]).toMatch(/larger than a version can be/);
    expect(reasons[link]).toMatch(/not a plain file/);
    expect(reasons[folder]).toMatch(/not a plain file/);
    expect(reasons[wrongBody]).toMatch(/expected format/);
    const names = await files();
    for (const id of [garbage, huge, link, folder, wrongBody]) expect(names).toContain(`${id}.json`);
    await expect(store.get(garbage)).rejects.toMatchObject({ code: 'corrupt-file', details: { kind: 'revision-file' } });
    await expect(store.get(link)).rejects.toMatchObject({ code: 'corrupt-file' });
  });

  it('says a file of the wrong shape does not match, the way every store says it (no empty "at")', async () => {
    const store = new RevisionStore(dir, { now });
    await store.snapshot(story('Safe'), 'autosave', '');
    const list = sortableId();
    await writeFile(join(dir, 'revisions', `${list}.json`), '[]');
    const { unreadable } = await store.list();
    const reason = unreadable.find((u) => u.id === list)?.reason;
    expect(reason).toMatch(/^it does not match the expected format: \S/);
  });

  it('a safety copy written before versions were thinned is never thinned', async () => {
    const store = new RevisionStore(dir, { now });
    const article = story('Legacy');
    await mkdir(join(dir, 'revisions'));
    const legacy = sortableId();
    const info = { id: legacy, at: new Date(START - 10 * 24 * 60 * MIN + MIN).toISOString(), reason: 'before-trash', who: '', revision: 1, headline: 'Legacy' };
    await writeFile(join(dir, 'revisions', `${legacy}.json`), JSON.stringify({ info, article }));
    const sameDay = sortableId();
    await writeFile(join(dir, 'revisions', `${sameDay}.json`), JSON.stringify({ info: { ...info, id: sameDay, reason: 'explicit-save' }, article }));
    const later = sortableId();
    const laterAt = new Date(START - 10 * 24 * 60 * MIN + 2 * MIN).toISOString();
    await writeFile(join(dir, 'revisions', `${later}.json`), JSON.stringify({ info: { ...info, id: later, at: laterAt, reason: 'explicit-save' }, article }));
    await store.snapshot(article, 'autosave', '');
    const names = (await files()).map((f) => f.slice(0, 22));
    expect(names).toContain(legacy);
    // Of the two automatic ones in the same week, the older is thinned.
    expect(names).not.toContain(sameDay);
    expect(names).toContain(later);
  });

  it('says so when an article has as many named versions as it may keep', async () => {
    const store = new RevisionStore(dir, { now });
    const article = story('Named');
    for (let i = 0; i < MAX_NAMED_VERSIONS; i++) await store.snapshot(article, 'named', '', `v${i}`);
    await expect(store.snapshot(article, 'named', '', 'one more')).rejects.toMatchObject({
      code: 'invalid-input',
      details: { kind: 'named-versions-full', limit: MAX_NAMED_VERSIONS },
    });
    expect((await store.list()).versions).toHaveLength(MAX_NAMED_VERSIONS);
  });

  it('writes atomically: a temp file a crash left behind is swept, not listed', async () => {
    const store = new RevisionStore(dir, { now });
    await mkdir(join(dir, 'revisions'));
    await writeFile(join(dir, 'revisions', '.x.json.0123456789ab.tmp'), '{"half');
    const info = await store.snapshot(story('Atomic'), 'named', 'Li Wei', '发稿前');
    expect(await files()).toEqual([`${info.id}.json`]);
    expect((await store.get(info.id)).info).toMatchObject({ name: '发稿前', reason: 'named' });
  });
});
