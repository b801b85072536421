// Runs in: vitest (node), on the real file system. A reporter with no server publishes to a folder:
// a readable page with its photos beside it and the ninjs JSON, updated in place on republish.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../common/app-error';
import type { Article } from '../../../../common/article';
import type { FolderTargetConfig } from '../../../../common/publish/publish-target-config';
import { figure, makeArticle, paragraph, text } from '../../../../tests/fixtures/sample-article';
import { ninjsErrors } from '../../../../tests/fixtures/ninjs/ninjs-validator';
import { makePng } from '../../../../tests/support/test-photos';
import { PublishConflict } from '../publish-target';
import { sent, testJob, testPhoto, type TestPhoto } from '../../../../tests/support/test-publish-context';
import { ARTICLE_MARKER_FILE, FolderTarget, NINJS_FILE } from './folder-target';

const PHOTOS = [testPhoto(makePng(40, 30), 'one.png'), testPhoto(makePng(50, 30), 'two.png'), testPhoto(makePng(60, 30), 'three.png')];
const [P1, P2, P3] = PHOTOS as [TestPhoto, TestPhoto, TestPhoto];

function chineseStory(id = '01jc0000000000000000000001'): Article {
  return makeArticle({
    id,
    headline: '国务院发布经济数据',
    summary: '国家统计局今天发布数据。',
    meta: { slug: 'guowuyuan-data', section: '财经', tags: ['经济'], bylines: [{ name: '张三', role: '记者' }], language: 'zh-CN', dateline: '北京' },
    body: {
      type: 'doc',
      content: [
        figure(P1.id, { alt: '发布会现场', credit: '新华社 王五 摄', caption: '发布会现场。', lead: true }),
        paragraph(text('今天，国务院发布数据。')),
        figure(P2.id, { alt: '图表', credit: '制图：编辑部', caption: '季度增长。' }),
        figure(P3.id, { alt: '街景', credit: '李四 摄', caption: '北京街头。' }),
      ],
    },
  });
}

let dir: string;
let target: FolderTarget;
const config = (path = ''): FolderTargetConfig => ({ kind: 'folder', id: 'folder-1', name: 'Published', path });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dateline-folder-'));
  target = new FolderTarget({ config: config(), documentsDir: dir, now: () => new Date('2026-11-25T02:00:00Z') });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function imgSources(html: string): string[] {
  const window = new Window();
  window.document.write(html);
  const sources = [...window.document.querySelectorAll('img')].map((img) => img.getAttribute('src') ?? '');
  window.close();
  return sources;
}

describe('folder target', () => {
  it('publishes a Chinese story with three photos into Documents/Published/<slug> with its photos and ninjs', async () => {
    const article = chineseStory();
    const before = structuredClone(article);
    const job = testJob('job00000001', article, PHOTOS);
    const record = sent(await target.publish(job.attempt()));

    const folder = join(dir, 'Published', 'guowuyuan-data');
    expect(record).toMatchObject({ targetId: 'folder-1', targetKind: 'folder', remoteId: folder, status: 'published', articleRevision: article.revision });
    expect(fileURLToPath(record.url)).toBe(join(folder, 'index.html'));

    const html = readFileSync(join(folder, 'index.html'), 'utf8');
    expect(html).toContain('<h1 class="dl-headline">国务院发布经济数据</h1>');
    const sources = imgSources(html);
    expect(sources).toEqual(PHOTOS.map((p) => `images/${p.id}`));
    for (const photo of PHOTOS) {
      expect(new Uint8Array(readFileSync(join(folder, 'images', photo.id)))).toEqual(photo.bytes);
    }
    expect(html).not.toContain('data:image');

    const ninjs = JSON.parse(readFileSync(join(folder, NINJS_FILE), 'utf8'));
    expect(ninjsErrors(ninjs)).toEqual([]);
    expect(ninjs.associations.map((a: { name: string }) => a.name)).toEqual(['featureimage', 'picture1', 'picture2']);
    expect(fileURLToPath(ninjs.associations[0].renditions[0].href)).toBe(join(folder, 'images', P1.id));
    expect(ninjs.bodies[0].value).toContain(`src="images/${P2.id}"`);

    expect(job.progress.filter((p) => p.step === 'upload-media').map((p) => p.mediaDone)).toEqual([1, 2, 3]);
    expect(article).toEqual(before);
    // Only the page, the ninjs, the marker and the photos: no temp files left behind.
    expect(readdirSync(folder).sort()).toEqual([ARTICLE_MARKER_FILE, NINJS_FILE, 'images', 'index.html'].sort());
  });

  it('republishing an edited article updates the same folder in place, even after a slug change', async () => {
    const article = chineseStory();
    const first = sent(await target.publish(testJob('job00000001', article, PHOTOS).attempt()));

    const edited: Article = {
      ...article,
      headline: '国务院发布最新经济数据',
      revision: article.revision + 1,
      meta: { ...article.meta, slug: 'renamed-slug' },
      body: { type: 'doc', content: (article.body.content ?? []).slice(0, 3) },
    };
    const second = sent(await target.publish(testJob('job00000002', edited, PHOTOS, { previous: first }).attempt()));

    expect(second.remoteId).toBe(first.remoteId);
    expect(readdirSync(join(dir, 'Published'))).toEqual(['guowuyuan-data']);
    expect(readFileSync(join(first.remoteId, 'index.html'), 'utf8')).toContain('国务院发布最新经济数据');
    expect(existsSync(join(first.remoteId, 'images', P3.id))).toBe(false);
    expect(existsSync(join(first.remoteId, 'images', P2.id))).toBe(true);
    expect(second.articleRevision).toBe(edited.revision);
  });

  it('an unchanged article is not written again, unless a file of it is missing or its status changed', async () => {
    const article = chineseStory();
    const first = sent(await target.publish(testJob('job00000001', article, PHOTOS).attempt()));
    expect(await target.publish(testJob('job00000002', article, PHOTOS, { previous: first }).attempt())).toEqual({ unchanged: first });

    rmSync(join(first.remoteId, 'images', P2.id));
    const restored = await target.publish(testJob('job00000003', article, PHOTOS, { previous: first }).attempt());
    expect(restored).not.toHaveProperty('unchanged');
    expect(existsSync(join(first.remoteId, 'images', P2.id))).toBe(true);

    const withheld = sent(await target.publish(testJob('job00000004', article, PHOTOS, { previous: first, options: { status: 'submitted' } }).attempt()));
    expect(JSON.parse(readFileSync(join(first.remoteId, NINJS_FILE), 'utf8'))).toMatchObject({ pubstatus: 'withheld' });
    expect(withheld.status).toBe('submitted');
  });

  it('a second article with the same slug gets its own "-2" folder; so does a slug folder the user made', async () => {
    const a = sent(await target.publish(testJob('job00000001', chineseStory('01jc0000000000000000000001'), PHOTOS).attempt()));
    const b = sent(await target.publish(testJob('job00000002', chineseStory('01jc0000000000000000000002'), PHOTOS).attempt()));
    expect(a.remoteId).toBe(join(dir, 'Published', 'guowuyuan-data'));
    expect(b.remoteId).toBe(join(dir, 'Published', 'guowuyuan-data-2'));

    await mkdir(join(dir, 'Published', 'mine'));
    await writeFile(join(dir, 'Published', 'mine', 'notes.txt'), 'my own folder');
    const c = chineseStory('01jc0000000000000000000003');
    c.meta.slug = 'mine';
    const record = sent(await target.publish(testJob('job00000003', c, PHOTOS).attempt()));
    expect(record.remoteId).toBe(join(dir, 'Published', 'mine-2'));
    expect(readdirSync(join(dir, 'Published', 'mine'))).toEqual(['notes.txt']);
  });

  it('a retry after a failure halfway reuses the folder the first attempt claimed, and the article is untouched', async () => {
    const article = chineseStory();
    const before = structuredClone(article);
    let failOnce = true;
    const job = testJob('job00000001', article, PHOTOS);
    const flaky = job.attempt();
    const readMedia = flaky.readMedia;
    flaky.readMedia = async (id) => {
      if (id === P2.id && failOnce) {
        failOnce = false;
        throw new AppError('io-error', 'the disk hiccuped');
      }
      return readMedia(id);
    };
    await expect(target.publish(flaky)).rejects.toMatchObject({ code: 'io-error' });
    expect(job.checkpoint.folder).toBe(join(dir, 'Published', 'guowuyuan-data'));
    expect(existsSync(join(dir, 'Published', 'guowuyuan-data', 'index.html'))).toBe(false);

    const record = sent(await target.publish(job.attempt()));
    expect(record.remoteId).toBe(join(dir, 'Published', 'guowuyuan-data'));
    expect(readdirSync(join(dir, 'Published'))).toEqual(['guowuyuan-data']);
    expect(article).toEqual(before);
  });

  it('a page edited by hand since the last publish is a conflict, overwritten only when the person says so', async () => {
    const article = chineseStory();
    const first = sent(await target.publish(testJob('job00000001', article, PHOTOS).attempt()));
    const index = join(first.remoteId, 'index.html');
    await writeFile(index, readFileSync(index, 'utf8').replace('国务院发布经济数据</h1>', '国务院发布经济数据（已更正）</h1>'));

    const job = testJob('job00000002', { ...article, revision: 4 }, PHOTOS, { previous: first });
    const conflict = await target.publish(job.attempt()).catch((error: unknown) => error);
    expect(conflict).toBeInstanceOf(PublishConflict);
    expect((conflict as PublishConflict).details.remote.contentHtml).toContain('（已更正）');
    expect(readFileSync(index, 'utf8')).toContain('（已更正）');

    await target.publish(job.attempt({ overwriteConflict: true }));
    expect(readFileSync(index, 'utf8')).not.toContain('（已更正）');
  });

  it('uses the folder chosen in settings instead of the default', async () => {
    const chosen = join(dir, 'site', 'articles');
    const custom = new FolderTarget({ config: config(chosen), documentsDir: join(dir, 'docs') });
    const record = sent(await custom.publish(testJob('job00000001', chineseStory(), PHOTOS).attempt()));
    expect(record.remoteId).toBe(join(chosen, 'guowuyuan-data'));
    expect(existsSync(join(dir, 'docs'))).toBe(false);
  });

  it('test connection creates the folder, leaves no probe behind, and allows every status', async () => {
    const report = await target.testConnection();
    expect(report).toMatchObject({ ok: true, siteName: join(dir, 'Published'), allowedStatuses: ['published', 'draft', 'submitted', 'scheduled'] });
    expect(readdirSync(join(dir, 'Published'))).toEqual([]);
  });

  it('a folder under a file cannot be used: a clear io-error naming the path, for testing and publishing', async () => {
    await writeFile(join(dir, 'a-file'), 'x');
    const blocked = new FolderTarget({ config: config(join(dir, 'a-file', 'Published')), documentsDir: dir });
    const error = await blocked.testConnection().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'io-error' });
    expect((error as AppError).message).toContain(join(dir, 'a-file', 'Published'));
    await expect(blocked.publish(testJob('job00000001', chineseStory(), PHOTOS).attempt())).rejects.toMatchObject({ code: 'io-error' });
  });

  it.skipIf(process.getuid?.() === 0)('a read-only folder is permission-denied (not checkable as root)', async () => {
    const { chmod } = await import('node:fs/promises');
    const readOnly = join(dir, 'ro');
    await mkdir(readOnly);
    await chmod(readOnly, 0o500);
    const blocked = new FolderTarget({ config: config(readOnly), documentsDir: dir });
    await expect(blocked.testConnection()).rejects.toMatchObject({ code: 'permission-denied' });
    await chmod(readOnly, 0o700);
  });
});
