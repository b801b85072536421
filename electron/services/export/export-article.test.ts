// Runs in: vitest (node). A reporter exports a story to a folder on disk, as a page to send or as
// Markdown for a static site, and never loses an earlier export.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError, isAppError } from '../../../common/app-error';
import type { Article } from '../../../common/article';
import { figure, fullArticle, makeArticle, paragraph, PHOTO_A, PHOTO_B, text } from '../../../tests/fixtures/sample-article';
import { exportArticle, exportMarkdownForDownload, exportPageForDownload, type ExportOptions } from './export-article';

const PHOTOS: Record<string, Uint8Array> = {
  [PHOTO_A]: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]),
  [PHOTO_B]: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 8, 7]),
};
const CHINESE_FOLDER = '国务院-今年gdp增长5-2';
// Photos are named after the story and their order in it, not after their content hash.
const PHOTO_A_NAME = `${CHINESE_FOLDER}-1.jpg`;
const PHOTO_B_NAME = `${CHINESE_FOLDER}-2.png`;

interface UnzipperDirectory {
  files: { path: string; buffer(): Promise<Buffer> }[];
}
// An independent reader for the browser's .zip (electron-builder brings it in).
const unzipper = createRequire(import.meta.url)('unzipper') as { Open: { buffer(data: Buffer): Promise<UnzipperDirectory> } };

let root: string;
const window = new Window();
afterAll(() => window.happyDOM.close());

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-export-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function options(overrides: Partial<ExportOptions> = {}): ExportOptions {
  return {
    readMedia: async (id) => {
      const bytes = PHOTOS[id];
      if (!bytes) throw new AppError('not-found', `no photo ${id}`);
      return bytes;
    },
    mimeOf: (id) => (id.endsWith('.png') ? 'image/png' : 'image/jpeg'),
    outRoot: root,
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected the export to fail');
}

describe('exportArticle', () => {
  it('exports a Chinese story as one standalone page, with photos inlined and copied beside it', async () => {
    const result = await exportArticle(fullArticle(), 'html', options());
    const folder = join(root, CHINESE_FOLDER);
    expect(result.folder).toBe(folder);
    expect(result.file).toBe(join(folder, 'index.html'));
    expect([...result.files].sort()).toEqual([join(folder, 'images', PHOTO_A_NAME), join(folder, 'images', PHOTO_B_NAME), join(folder, 'index.html')].sort());
    expect((await readdir(folder)).sort()).toEqual(['images', 'index.html']);
    expect((await readdir(join(folder, 'images'))).sort()).toEqual([PHOTO_A_NAME, PHOTO_B_NAME].sort());
    expect(new Uint8Array(await readFile(join(folder, 'images', PHOTO_A_NAME)))).toEqual(PHOTOS[PHOTO_A]);

    const page = new window.DOMParser().parseFromString(await readFile(result.file, 'utf8'), 'text/html');
    expect(page.querySelector('h1')?.textContent).toBe('国务院：今年GDP增长5.2%');
    const sources = [...page.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    expect(sources).toEqual([
      `data:image/jpeg;base64,${Buffer.from(PHOTOS[PHOTO_A] as Uint8Array).toString('base64')}`,
      `data:image/png;base64,${Buffer.from(PHOTOS[PHOTO_B] as Uint8Array).toString('base64')}`,
    ]);
  });

  it('exports Markdown that points at the copied photos', async () => {
    const result = await exportArticle(fullArticle(), 'markdown', options());
    const folder = join(root, CHINESE_FOLDER);
    expect(result.file).toBe(join(folder, `${CHINESE_FOLDER}.md`));
    const markdown = await readFile(result.file, 'utf8');
    expect(markdown).toContain(`![发布会现场](images/${PHOTO_A_NAME})`);
    expect(markdown).not.toContain(PHOTO_A);
    expect(markdown).toContain('title: "国务院：今年GDP增长5.2%"');
    expect(new Uint8Array(await readFile(join(folder, 'images', PHOTO_B_NAME)))).toEqual(PHOTOS[PHOTO_B]);
    expect(result.files).toHaveLength(3);
  });

  it('exports to the folder chosen in a Save dialog, never over an existing one', async () => {
    const chosen = join(root, 'Desktop', 'Fire story.html');
    await mkdir(join(root, 'Desktop'));
    const first = await exportArticle(fullArticle(), 'html', options({ outRoot: '', destination: chosen }));
    expect(first.folder).toBe(join(root, 'Desktop', 'Fire story'));
    const second = await exportArticle(fullArticle(), 'html', options({ outRoot: '', destination: chosen }));
    expect(second.folder).toBe(join(root, 'Desktop', 'Fire story-2'));
    expect((await rejection(exportArticle(fullArticle(), 'html', options({ destination: 'relative/place' })))).code).toBe('invalid-input');
  });

  it('offers a browser the standalone page named after the slug, photos inlined, writing nothing', async () => {
    const page = await exportPageForDownload(fullArticle(), options());
    expect(page.fileName).toBe(`${CHINESE_FOLDER}.html`);
    expect(page.html).toContain(`data:image/png;base64,${Buffer.from(PHOTOS[PHOTO_B] as Uint8Array).toString('base64')}`);
    expect(await readdir(root)).toEqual([]);
  });

  it('offers a browser Markdown with its photos as <slug>.zip: the .md and images/<slug>-N named by order, writing nothing', async () => {
    const file = await exportMarkdownForDownload(fullArticle(), options());
    expect(file.fileName).toBe(`${CHINESE_FOLDER}.zip`);
    expect(file.mimeType).toBe('application/zip');
    const directory = await unzipper.Open.buffer(Buffer.from(file.base64, 'base64'));
    expect(directory.files.map((entry) => entry.path)).toEqual([`${CHINESE_FOLDER}.md`, `images/${PHOTO_A_NAME}`, `images/${PHOTO_B_NAME}`]);
    const markdown = (await directory.files[0]!.buffer()).toString('utf8');
    expect(markdown).toContain(`](images/${PHOTO_A_NAME})`);
    expect(markdown).toContain(`](images/${PHOTO_B_NAME})`);
    expect(new Uint8Array(await directory.files[2]!.buffer())).toEqual(PHOTOS[PHOTO_B]);
    expect(await readdir(root)).toEqual([]);
  });

  it('offers a story without photos as plain <slug>.md', async () => {
    const file = await exportMarkdownForDownload(makeArticle({ headline: 'Fed raises rates', body: { type: 'doc', content: [paragraph(text('Rates rose.'))] } }), options());
    expect(file.fileName).toBe('fed-raises-rates.md');
    expect(file.mimeType).toBe('text/markdown;charset=utf-8');
    expect(Buffer.from(file.base64, 'base64').toString('utf8')).toContain('Rates rose.');
  });

  it('refuses a Markdown download when a photo is missing', async () => {
    const article = makeArticle({ body: { type: 'doc', content: [paragraph(text('x')), figure(`${'c'.repeat(64)}.jpg`)] } });
    expect((await rejection(exportMarkdownForDownload(article, options()))).code).toBe('not-found');
  });

  it('never overwrites an earlier export: the next one goes to -2, then -3', async () => {
    const article = makeArticle({ headline: 'Fed raises rates' });
    const first = await exportArticle(article, 'html', options());
    await writeFile(join(first.folder, 'notes.txt'), 'my notes');
    const second = await exportArticle({ ...article, headline: 'changed later', meta: { ...article.meta, slug: 'fed-raises-rates' } }, 'html', options());
    const third = await exportArticle(article, 'markdown', options());
    expect(first.folder).toBe(join(root, 'fed-raises-rates'));
    expect(second.folder).toBe(join(root, 'fed-raises-rates-2'));
    expect(third.folder).toBe(join(root, 'fed-raises-rates-3'));
    expect(await readFile(join(first.folder, 'notes.txt'), 'utf8')).toBe('my notes');
    expect(await readFile(first.file, 'utf8')).toContain('<h1 class="dl-headline">Fed raises rates</h1>');
  });

  it('refuses to export when a photo is missing from the library, and leaves nothing behind', async () => {
    const article = makeArticle({ body: { type: 'doc', content: [paragraph(text('x')), figure(`${'c'.repeat(64)}.jpg`)] } });
    const error = await rejection(exportArticle(article, 'html', options()));
    expect(error.code).toBe('not-found');
    expect(error.message).toContain(`Photo ${'c'.repeat(64)}.jpg is missing from the library`);
    expect(await readdir(root)).toEqual([]);
  });

  it('reports a missing photo the same way when the reader fails with ENOENT', async () => {
    const article = makeArticle({ body: { type: 'doc', content: [figure(PHOTO_A)] } });
    const enoent = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
    const error = await rejection(exportArticle(article, 'markdown', options({ readMedia: () => Promise.reject(enoent) })));
    expect(error.code).toBe('not-found');
  });

  it('refuses a photo whose type is not a web image', async () => {
    const article = makeArticle({ body: { type: 'doc', content: [figure(PHOTO_A)] } });
    const error = await rejection(exportArticle(article, 'html', options({ mimeOf: () => 'image/svg+xml' })));
    expect(error.code).toBe('media-not-image');
    expect(await readdir(root)).toEqual([]);
  });

  it('names the folder after the edited slug, else the headline, else the article id', async () => {
    const bySlug = await exportArticle(makeArticle({ meta: { slug: 'my-slug' } }), 'markdown', options());
    expect(bySlug.folder).toBe(join(root, 'my-slug'));
    expect(bySlug.file).toBe(join(root, 'my-slug', 'my-slug.md'));
    const article: Article = makeArticle({ headline: '！！！' });
    expect((await exportArticle(article, 'html', options())).folder).toBe(join(root, article.id));
    expect((await exportArticle(makeArticle({ headline: 'CON' }), 'html', options())).folder).toBe(join(root, article.id + '-2'));
  });

  it('creates the export folder when it does not exist yet, and writes no photo folder without photos', async () => {
    const outRoot = join(root, 'exports', '2026');
    const result = await exportArticle(makeArticle(), 'html', options({ outRoot }));
    expect(existsSync(join(outRoot, 'fed-raises-rates', 'index.html'))).toBe(true);
    expect(existsSync(join(outRoot, 'fed-raises-rates', 'images'))).toBe(false);
    expect(result.files).toEqual([result.file]);
  });

  it('asks for a folder when none is set', async () => {
    expect((await rejection(exportArticle(makeArticle(), 'html', options({ outRoot: ' ' })))).code).toBe('invalid-input');
  });

  it('leaves no temp files in the export folder', async () => {
    const result = await exportArticle(fullArticle(), 'markdown', options());
    const names = [...(await readdir(result.folder)), ...(await readdir(join(result.folder, 'images')))];
    expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
