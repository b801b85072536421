// Runs in: vitest (node). A newsroom system receiving Dateline's ninjs gets a document that the
// IPTC's ninjs 2.2 schema accepts, with every part of the story where ninjs puts it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { figure, fullArticle, makeArticle, paragraph, PHOTO_A, PHOTO_B, text } from '../../tests/fixtures/sample-article';
import { NINJS_EXAMPLES_DIR, ninjsErrors } from '../../tests/fixtures/ninjs/ninjs-validator';
import { articleToNinjs, mediaUri, pictureAssociationNames, type NinjsMediaInput } from './article-to-ninjs';

const PHOTO_C = `${'c'.repeat(64)}.webp`;

function chineseWithThreePhotos() {
  const article = fullArticle();
  article.body.content?.push(paragraph(text('结尾。')), figure(PHOTO_C, { alt: '街景', credit: '李四 摄', caption: '北京街头。' }));
  return article;
}

const MEDIA: NinjsMediaInput[] = [
  { mediaId: PHOTO_A, href: `https://cdn.example.com/media/${PHOTO_A}`, mimeType: 'image/jpeg', width: 1600, height: 900, bytes: 123456 },
  { mediaId: PHOTO_B, href: `https://cdn.example.com/media/${PHOTO_B}`, mimeType: 'image/png', width: 800, height: 600 },
  { mediaId: PHOTO_C, href: `https://cdn.example.com/media/${PHOTO_C}`, mimeType: 'image/webp', width: 1200, height: null },
];

const OPTS = { uri: 'urn:dateline:article:01jc0000000000000000000000', versionCreated: '2026-11-25T02:00:00Z', media: MEDIA };

describe('article to ninjs 2.2', () => {
  it('the bundled IPTC examples validate, so the validator setup is sound', () => {
    const files = readdirSync(NINJS_EXAMPLES_DIR).filter((f) => f.endsWith('.json'));
    expect(files.length).toBe(3);
    for (const file of files) {
      expect([file, ninjsErrors(JSON.parse(readFileSync(join(NINJS_EXAMPLES_DIR, file), 'utf8')))]).toEqual([file, []]);
    }
  });

  it('the validator rejects what the schema forbids (a relative rendition href, an unknown field)', () => {
    expect(ninjsErrors({ uri: 'urn:x:1', renditions: [{ name: 'original', href: 'images/a.jpg' }] })).not.toEqual([]);
    expect(ninjsErrors({ uri: 'urn:x:1', keywords: ['x'] })).not.toEqual([]);
  });

  it('a Chinese story with three photos validates and carries everything', () => {
    const doc = articleToNinjs(chineseWithThreePhotos(), { ...OPTS, embargoed: '2026-11-26T00:00:00Z' });
    expect(ninjsErrors(doc)).toEqual([]);
    expect(doc).toMatchObject({
      uri: OPTS.uri,
      type: 'text',
      profile: 'text-photo',
      version: '3',
      language: 'zh-CN',
      pubstatus: 'usable',
      embargoed: '2026-11-26T00:00:00Z',
      firstcreated: '2026-11-25T08:00:00+08:00',
      headlines: [
        { role: 'main', value: '国务院：今年GDP增长5.2%' },
        { role: 'sub', value: '经济运行总体平稳' },
      ],
      descriptions: [{ role: 'summary', value: '国家统计局今天发布数据。' }],
      subjects: [
        { name: '财经', rel: 'section' },
        { name: '经济', rel: 'tag' },
        { name: 'GDP', rel: 'tag' },
      ],
      infosources: [
        { name: '新华社', role: 'source' },
        { name: '李四', role: 'publisher' },
      ],
      by: '张三（记者）、Jane Doe',
      located: '北京',
      slugline: '国务院-今年gdp增长5-2',
    });
    expect(doc.associations?.map((a) => a.name)).toEqual(['featureimage', 'picture1', 'picture2']);
    expect(doc.associations?.[0]).toEqual({
      name: 'featureimage',
      uri: mediaUri(PHOTO_A),
      type: 'picture',
      versioncreated: OPTS.versionCreated,
      language: 'zh-CN',
      by: '新华社记者 王五 摄',
      descriptions: [
        { role: 'caption', contenttype: 'text/plain', value: '11月25日，发布会现场。' },
        { role: 'alttext', contenttype: 'text/plain', value: '发布会现场' },
      ],
      renditions: [{ name: 'original', href: `https://cdn.example.com/media/${PHOTO_A}`, contenttype: 'image/jpeg', width: 1600, height: 900, sizeinbytes: 123456 }],
    });
    const html = doc.bodies?.find((b) => b.contenttype === 'text/html')?.value ?? '';
    expect(html).toContain(`<img src="https://cdn.example.com/media/${PHOTO_C}" alt="街景">`);
    expect(html).toContain('<strong>国务院</strong>');
    expect(JSON.stringify(doc)).not.toContain('INTERNAL');
  });

  it('an English story without photos validates as text-only', () => {
    const article = makeArticle({
      headline: 'Fed raises rates',
      summary: 'A quarter point.',
      meta: { section: 'Business', tags: ['economy'], bylines: [{ name: 'Jane Doe', role: 'Staff' }, { name: 'John Roe', role: '' }], dateline: 'WASHINGTON' },
    });
    const doc = articleToNinjs(article, { ...OPTS, media: [], pubStatus: 'withheld' });
    expect(ninjsErrors(doc)).toEqual([]);
    expect(doc.profile).toBe('text-only');
    expect(doc.associations).toBeUndefined();
    expect(doc.by).toBe('Jane Doe (Staff), John Roe');
    expect(doc.pubstatus).toBe('withheld');
    expect(doc.bodies).toEqual([
      { role: 'main', contenttype: 'text/html', value: '<p>Body text.</p>' },
      { role: 'plaintext', contenttype: 'text/plain', value: 'Body text.', charcount: 10, wordcount: 2 },
    ]);
  });

  it('photos sent beside the document have no href; the body points at their file names', () => {
    const doc = articleToNinjs(chineseWithThreePhotos(), { ...OPTS, media: MEDIA.map(({ href: _href, ...rest }) => rest) });
    expect(ninjsErrors(doc)).toEqual([]);
    expect(doc.associations?.[1]?.renditions).toEqual([{ name: 'original', contenttype: 'image/png', width: 800, height: 600 }]);
    expect(doc.bodies?.[0]?.value).toContain(`<img src="${PHOTO_B}"`);
  });

  it('names the lead "featureimage" and numbers the others in reading order, each photo once', () => {
    const article = makeArticle({
      body: { type: 'doc', content: [figure(PHOTO_B), figure(PHOTO_A, { lead: true }), figure(PHOTO_B), figure(PHOTO_C)] },
    });
    expect([...pictureAssociationNames(article)]).toEqual([
      [PHOTO_A, 'featureimage'],
      [PHOTO_B, 'picture1'],
      [PHOTO_C, 'picture2'],
    ]);
  });
});
