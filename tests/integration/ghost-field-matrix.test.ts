// Runs in: vitest (node), against a real Ghost 6 on 127.0.0.1 (the fixture; if it cannot start,
// these tests fail). A Chinese local story with every field set is published through the whole
// stack, then the field matrix's Ghost column (common/publish/field-matrix.ts) is walked on what
// Ghost holds (the Admin API's post) and on the live page a reader gets: each carried field is found
// in both (a tag on its tag page), and each field not carried is warned about by the checklist. Neither fails the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_MATRIX, MATRIX_FIELDS, type MatrixField } from '../../common/publish/field-matrix';
import { publishChecklist } from '../../common/publish/publish-checklist';
import { ghostImageName } from '../../electron/services/publish/ghost/ghost-images';
import { MATRIX_VALUES, matrixArticle, matrixProbes } from '../fixtures/matrix-article';
import { ghostPost } from '../support/ghost/ghost-admin-requests';
import { startGhost, type GhostSite } from '../support/ghost/ghost-fixture';
import { newArticleId, startHarness, type Harness } from './publishing-harness';

/** Where in Ghost's copy of the post each field may be found (the live page is searched for all). */
type Surface = 'title' | 'excerpt' | 'html' | 'slug' | 'tags' | 'feature';
const WHERE: Record<MatrixField, Surface[]> = {
  headline: ['title'],
  subheadline: ['html'],
  summary: ['excerpt'],
  body: ['html'],
  leadPhoto: ['feature'],
  leadPhotoCaption: ['feature'],
  leadPhotoCredit: ['feature'],
  leadPhotoAlt: ['feature'],
  otherPhotos: ['html'],
  section: ['tags'],
  tags: ['tags'],
  bylines: ['html'],
  dateline: ['html'],
  source: ['html'],
  publisher: ['html'],
  slug: ['slug'],
};

/** The live page's text with the few entities a theme writes for plain characters read back. */
function pageText(html: string): string {
  return html.replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)));
}

describe('the field matrix against a real Ghost 6', () => {
  let site: GhostSite;
  let h: Harness;

  beforeAll(async () => {
    site = await startGhost();
    h = await startHarness();
    await h.addGhost('matrix-ghost', site.url, site.adminKey);
  }, 30 * 60_000);

  afterAll(async () => {
    await h?.close();
    await site?.stop();
  }, 60_000);

  it('every field of a Chinese story is in Ghost and on the live page where the table says, or warned about', async () => {
    const [lead, other] = [await h.photo(51), await h.photo(52)] as [string, string];
    const article = h.save({ ...matrixArticle(lead, other), id: newArticleId('gm') });
    const job = await h.publishAndWait(article.id, 'matrix-ghost');
    expect(job.lastError).toBeNull();
    expect(job.state).toBe('done');

    const post = await ghostPost(site, job.result?.remoteId ?? '');
    const response = await fetch(post.url);
    expect(response.status).toBe(200);
    const live = pageText(await response.text());
    // The theme names the primary tag on the post; every public tag has its page listing the post.
    const tagPages: string[] = [];
    for (const tag of post.tags.filter((t) => !t.name.startsWith('#'))) {
      const page = await fetch(`${site.url}/tag/${tag.slug}/`);
      expect(page.status, `the page of the tag ${tag.name}`).toBe(200);
      const text = pageText(await page.text());
      expect(text, `the page of the tag ${tag.name} lists the post`).toContain(new URL(post.url).pathname);
      tagPages.push(text);
    }
    const surfaces: Record<Surface, string> = {
      title: post.title,
      excerpt: post.custom_excerpt ?? '',
      html: post.html ?? '',
      slug: post.slug,
      tags: post.tags.map((t) => t.name).join('\n'),
      feature: [post.feature_image, post.feature_image_caption, post.feature_image_alt].join('\n'),
    };
    // Photos are found on Ghost by the names Dateline uploads them under.
    const probes = matrixProbes(lead, other);
    probes.leadPhoto = [ghostImageName(lead)];
    probes.otherPhotos = [ghostImageName(other), MATRIX_VALUES.otherCaption, MATRIX_VALUES.otherCredit, MATRIX_VALUES.otherAlt];

    const target = h.service.targets.get('matrix-ghost');
    const warned = publishChecklist(article, target, { status: 'published', scheduledAt: null, overriddenWarnings: [] }, new Date()).map((i) => i.id);
    for (const field of MATRIX_FIELDS) {
      const cell = FIELD_MATRIX.ghost[field];
      if (cell === null) {
        expect(warned, `Ghost loses ${field} without a warning`).toContain(`not-carried:${field}`);
        continue;
      }
      const held = WHERE[field].map((surface) => surfaces[surface]).join('\n');
      for (const probe of probes[field]) {
        expect(held, `${field} should be in Ghost: ${cell.carried}`).toContain(probe);
        const onSite = field === 'tags' ? tagPages.join('\n') : live;
        expect(onSite, `${field} should be on the live site: ${cell.carried}`).toContain(probe);
      }
      expect(warned).not.toContain(`not-carried:${field}`);
    }
    // The lines read as the newsroom writes them, in the article's language.
    expect(live).toContain(`来源：${MATRIX_VALUES.source}`);
    expect(live).toContain(`责任编辑：${MATRIX_VALUES.publisher}`);
    expect(live).toContain(`${MATRIX_VALUES.byline.name}（${MATRIX_VALUES.byline.role}）`);
    expect(live).toContain('摄影：张伟');
    // The lead photo is the feature image, shown once: not repeated in the post's body.
    expect(post.feature_image_alt).toBe(MATRIX_VALUES.leadAlt);
    expect(post.html).not.toContain(ghostImageName(lead));
  }, 180_000);
});
