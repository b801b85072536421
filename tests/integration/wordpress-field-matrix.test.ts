// Runs in: vitest (node), against a real WordPress on 127.0.0.1 (the fixture; if it cannot start,
// these tests fail), once without and once with the companion plugin. A Chinese local story with
// every field set is published through the whole stack, read back through REST and from the live
// pages a reader gets (the post's; the front page's list for the excerpt), and the field matrix
// (common/publish/field-matrix.ts) is walked: each carried field is found where the table says and
// on the live site, and each field not carried is warned about by the checklist. Neither fails the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_MATRIX, MATRIX_FIELDS, type MatrixColumn, type MatrixField } from '../../common/publish/field-matrix';
import { publishChecklist } from '../../common/publish/publish-checklist';
import { MATRIX_VALUES, matrixArticle, matrixProbes } from '../fixtures/matrix-article';
import { startWordPress, type WordPressSite, type WpMedia } from './support/wordpress-fixture';
import { newArticleId, startHarness, type Harness } from './publishing-harness';

interface WpTerm {
  name: string;
}

/** Where on a post each field may be found: the parts of the post the table's "where" names. */
type Surface = 'title' | 'excerpt' | 'content' | 'slug' | 'terms' | 'featured' | 'meta';
const WHERE: Record<MatrixField, Surface[]> = {
  headline: ['title'],
  subheadline: ['content'],
  summary: ['excerpt'],
  body: ['content'],
  leadPhoto: ['featured'],
  leadPhotoCaption: ['featured'],
  leadPhotoCredit: ['featured'],
  leadPhotoAlt: ['featured'],
  otherPhotos: ['content'],
  section: ['terms'],
  tags: ['terms'],
  bylines: ['content'],
  dateline: ['content'],
  source: ['content'],
  publisher: ['content'],
  slug: ['slug'],
};
/** With the plugin, these are also post meta, under these keys. */
const META_KEYS: Partial<Record<MatrixField, string>> = { subheadline: 'dateline_subheadline', source: 'dateline_source', publisher: 'dateline_responsible_editor' };

/** The live page's text with the numeric entities a theme writes for plain characters read back. */
function pageText(html: string): string {
  return html.replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)));
}

for (const [column, companionPlugin] of [
  ['wordpress', false],
  ['wordpress-companion', true],
] as [MatrixColumn, boolean][]) {
  describe(`the field matrix against a real WordPress (${column})`, () => {
    let site: WordPressSite;
    let h: Harness;

    beforeAll(async () => {
      site = await startWordPress({ companionPlugin });
      h = await startHarness();
      await h.addWordPress('matrix-wp', site.url, site.users.editor);
    }, 180_000);

    afterAll(async () => {
      await h?.close();
      await site?.stop();
    }, 60_000);

    it('every field of a Chinese story is on the post where the table says, or warned about', async () => {
      const [lead, other] = [await h.photo(41), await h.photo(42)] as [string, string];
      const article = h.save({ ...matrixArticle(lead, other), id: newArticleId('fm') });
      const job = await h.publishAndWait(article.id, 'matrix-wp');
      expect(job.lastError).toBeNull();
      expect(job.state).toBe('done');

      const post = await site.getPost(Number(job.result?.remoteId));
      const media = await site.listAllMedia();
      const mediaOf = (id: string): WpMedia | undefined => media.find((m) => String(m.slug).startsWith(`dateline-${id.slice(0, 16)}`));
      const featured = media.find((m) => m.id === post.featured_media);
      const names = async (taxonomy: string, ids: number[]) =>
        ids.length === 0 ? [] : (await site.request<WpTerm[]>(`/wp/v2/${taxonomy}`, { query: { include: ids.join(','), per_page: 100 } })).body.map((t) => t.name);
      const surfaces: Record<Surface, string> = {
        title: post.title.raw,
        excerpt: post.excerpt.raw,
        content: post.content.raw,
        slug: decodeURIComponent(post.slug),
        terms: [...(await names('tags', post.tags)), ...(await names('categories', post.categories))].join('\n'),
        featured: featured ? `${String(featured.slug)}\n${featured.caption.raw}\n${featured.alt_text}` : '',
        meta: JSON.stringify(post.meta),
      };
      // Photos are found on WordPress by their media library entries, not by Dateline's ids.
      const probes = matrixProbes(lead, other);
      probes.leadPhoto = [`dateline-${lead.slice(0, 16)}`];
      probes.otherPhotos = [`wp-image-${mediaOf(other)?.id ?? 'missing'}`, MATRIX_VALUES.otherCaption, MATRIX_VALUES.otherCredit, MATRIX_VALUES.otherAlt];

      // The live page a reader gets, as the site's theme renders the post.
      const page = await fetch(post.link);
      expect(page.status).toBe(200);
      const live = pageText(await page.text());
      // The theme shows the excerpt in lists of posts, not on the post's page: the front page's list.
      const listing = await fetch(`${site.url}/`);
      expect(listing.status).toBe(200);
      const frontPage = pageText(await listing.text());
      expect(frontPage, 'the front page lists the post').toContain(post.link);

      const target = h.service.targets.get('matrix-wp');
      const warned = publishChecklist(article, target, { status: 'published', scheduledAt: null, overriddenWarnings: [] }, new Date()).map((i) => i.id);
      for (const field of MATRIX_FIELDS) {
        const cell = FIELD_MATRIX[column][field];
        if (cell === null) {
          expect(warned, `${column} loses ${field} without a warning`).toContain(`not-carried:${field}`);
          continue;
        }
        const found = WHERE[field].map((surface) => surfaces[surface]).join('\n');
        for (const probe of probes[field]) {
          expect(found, `${field} should be on the post: ${cell.carried}`).toContain(probe);
          expect(field === 'summary' ? frontPage : live, `${field} should be on the live site: ${cell.carried}`).toContain(probe);
        }
        const metaKey = META_KEYS[field];
        if (metaKey) {
          // The table says post meta only where the plugin keeps it.
          expect(cell.carried.includes(metaKey)).toBe(companionPlugin);
          if (companionPlugin) expect(post.meta[metaKey], `${field} as post meta ${metaKey}`).toBe(probes[field][0]);
          else expect(post.meta[metaKey]).toBeUndefined();
        }
      }
      // The source and editor read as the newsroom writes them.
      expect(surfaces.content).toContain(`来源：${MATRIX_VALUES.source}`);
      expect(surfaces.content).toContain(`责任编辑：${MATRIX_VALUES.publisher}`);
      // The fixture's theme supports featured images: the lead photo is not repeated in the body.
      expect(featured?.alt_text).toBe(MATRIX_VALUES.leadAlt);
      expect(surfaces.content).not.toContain(`wp-image-${post.featured_media}`);
    }, 180_000);
  });
}
