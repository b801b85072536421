// Runs in: vitest (node). The review package survives post meta byte for byte, and the ids, markers
// and revision tokens of posts without a package are stable and unambiguous.
import { describe, expect, it } from 'vitest';
import { fullArticle, paragraph, text } from '../../../tests/fixtures/sample-article';
import { contentHash } from './canonical-json';
import { REVIEW_PACKAGE_FORMAT, REVIEW_PACKAGE_VERSION } from './review-package';
import { articleIdInContent, articleMarkerBlock, derivedArticleId, gmtToIso, modifiedToken, postIdOfDerived, writeNonceInContent } from '../wordpress';
import { decodePackage, encodePackage, type WordPressPackage } from './wordpress-hub-package';
import { remotePhotoOf } from './wordpress-hub-photos';
import { wordpressStatusFor } from './wordpress-hub';
import { articleIdSchema } from '../../../common/article';

function samplePackage(): WordPressPackage {
  const base = fullArticle();
  const article = {
    ...base,
    headline: 'Back\\slash "quotes" \'single\' \\u0041 \\\\ 😀👩‍💻 中文标题',
    body: { type: 'doc', content: [...(base.body.content ?? []), paragraph(text('C:\\path\\ "x" \u2028 \u0000 \ud83d\ude00 末尾\\'))] },
  };
  const reporter = { name: '王小明', role: 'reporter' as const };
  return {
    format: REVIEW_PACKAGE_FORMAT,
    version: REVIEW_PACKAGE_VERSION,
    hubRevision: 3,
    contentHash: contentHash(article),
    article,
    history: [],
    comments: [],
    submittedBy: reporter,
    submittedTo: 'desk',
    submittedAt: '2026-11-25T08:00:00.000Z',
    updatedAt: '2026-11-25T09:00:00.000Z',
    updatedBy: reporter,
    previousSubmission: null,
    media: { [`${'a'.repeat(64)}.jpg`]: { id: 41, url: 'https://x.test/a-scaled.jpg', originalUrl: 'https://x.test/a.jpg' } },
  };
}

describe('the package in post meta', () => {
  it('round-trips backslashes, quotes, escapes, emoji, Chinese and control characters exactly, as plain base64', () => {
    const pkg = samplePackage();
    const encoded = encodePackage(pkg);
    expect(encoded).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    const decoded = decodePackage(encoded);
    expect(decoded).toEqual({ ok: true, value: pkg });
    if (decoded.ok) expect(contentHash(decoded.value.article)).toBe(pkg.contentHash);
  });

  it('says why a damaged value cannot be read', () => {
    expect(decodePackage('')).toEqual({ ok: false, reason: 'the package is empty' });
    expect(decodePackage(42)).toEqual({ ok: false, reason: 'the package is empty' });
    expect(decodePackage('not base64!')).toEqual({ ok: false, reason: 'the package is not base64' });
    expect(decodePackage(Buffer.from('not json').toString('base64'))).toMatchObject({ ok: false, reason: expect.stringContaining('not JSON') });
    expect(decodePackage(Buffer.from([0xff, 0xfe, 0xfd]).toString('base64'))).toMatchObject({ ok: false, reason: expect.stringContaining('not JSON') });
    const wrong = { ...samplePackage(), hubRevision: 0 };
    expect(decodePackage(Buffer.from(JSON.stringify(wrong)).toString('base64'))).toMatchObject({ ok: false, reason: expect.stringContaining('at hubRevision') });
  });
});

describe('posts without a package', () => {
  it('get an article id from the site and post id that is a valid article id, and only that site reads it back', () => {
    const id = derivedArticleId('https://news.example.com/', 1234);
    expect(articleIdSchema.safeParse(id).success).toBe(true);
    expect(id).toMatch(/^wp[0-9a-f]{8}p1234$/);
    expect(derivedArticleId('https://news.example.com', 1234)).toBe(id);
    expect(postIdOfDerived('https://news.example.com', id)).toBe(1234);
    expect(postIdOfDerived('https://other.example.com', id)).toBeNull();
    expect(postIdOfDerived('https://news.example.com', '01jc0000000000000000000000')).toBeNull();
    expect(articleIdSchema.safeParse(derivedArticleId('http://127.0.0.1:8080', 1)).success).toBe(true);
  });

  it('are found by the marker Dateline writes, with the nonce of the write', () => {
    const block = articleMarkerBlock('01jc0000000000000000000000', '0123456789abcdef');
    expect(block).toContain('<!-- wp:html -->');
    expect(articleIdInContent(`${block}\n\n<!-- wp:paragraph --><p>x</p><!-- /wp:paragraph -->`)).toBe('01jc0000000000000000000000');
    expect(writeNonceInContent(block)).toBe('0123456789abcdef');
    // kses rewrites comments as <!--…--> keeping inner spaces.
    expect(articleIdInContent('<!--dateline-article:01jc0000000000000000000000-->')).toBe('01jc0000000000000000000000');
    expect(articleIdInContent('<p>dateline-article:01jc0000000000000000000000</p>')).toBeNull();
    expect(articleIdInContent(undefined)).toBeNull();
  });

  it('use the modified time in whole seconds as their revision token', () => {
    expect(modifiedToken('2026-11-25T08:00:01')).toBe(Date.UTC(2026, 10, 25, 8, 0, 1) / 1000);
    expect(modifiedToken(null)).toBe(0);
    expect(modifiedToken('garbage')).toBe(0);
    expect(gmtToIso('2026-11-25T08:00:01')).toBe('2026-11-25T08:00:01.000Z');
    expect(gmtToIso(null)).toBeNull();
  });
});

describe('WordPress statuses and photos', () => {
  it('sends reviewed articles back to draft and keeps waiting ones pending; publishing states are left to the publishing job', () => {
    expect(wordpressStatusFor('submitted')).toBe('pending');
    expect(wordpressStatusFor('approved')).toBe('pending');
    expect(wordpressStatusFor('changes_requested')).toBe('draft');
    expect(wordpressStatusFor('spiked')).toBe('draft');
    expect(wordpressStatusFor('published')).toBeNull();
    expect(wordpressStatusFor('scheduled')).toBeNull();
  });

  it('downloads the original of a photo WordPress scaled down', () => {
    expect(remotePhotoOf({ id: 5, slug: 's', source_url: 'https://x.test/up/2026/11/big-scaled.jpg', media_details: { original_image: 'big.jpg' } })).toEqual({
      id: 5,
      url: 'https://x.test/up/2026/11/big-scaled.jpg',
      originalUrl: 'https://x.test/up/2026/11/big.jpg',
    });
    expect(remotePhotoOf({ id: 6, slug: 's', source_url: 'https://x.test/a.png' })).toEqual({ id: 6, url: 'https://x.test/a.png', originalUrl: 'https://x.test/a.png' });
    expect(remotePhotoOf({ id: 7, slug: 's', source_url: 'https://x.test/a.png', media_details: { original_image: '../evil.png' } }).originalUrl).toBe('https://x.test/a.png');
  });
});
