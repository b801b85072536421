// Runs in: vitest (node). The pre-publish checklist as an editor meets it: what blocks, what only
// warns, and when the publish button may proceed.
import { describe, expect, it } from 'vitest';
import { figure, fullArticle, makeArticle, paragraph, PHOTO_A, PHOTO_B, text } from '../../tests/fixtures/sample-article';
import type { PublishOptions } from './publish-job';
import type { TargetConfig } from './publish-target-config';
import { canPublish, publishChecklist, type ChecklistItem } from './publish-checklist';

const NOW = new Date('2026-11-25T10:00:00+08:00');
const FOLDER: TargetConfig = { kind: 'folder', id: 'folder-1', name: 'Published', path: '' };
const WORDPRESS: TargetConfig = { kind: 'wordpress', id: 'wp-1', name: 'Site', siteUrl: 'https://news.example.com', username: 'desk', defaultCategory: 'News' };
const NOW_OPTIONS: PublishOptions = { status: 'published', scheduledAt: null, overriddenWarnings: [] };

function ready() {
  const article = fullArticle();
  article.meta.plannedAt = null;
  article.body.content?.splice(-1, 1, figure(PHOTO_B, { alt: 'Chart', credit: 'Graphic: Desk', caption: 'GDP by quarter' }));
  return article;
}

const ids = (items: ChecklistItem[]) => items.map((i) => i.id);

describe('publish checklist', () => {
  it('a complete article with captioned, credited photos has nothing to fix, and may be published', () => {
    const article = ready();
    const items = publishChecklist(article, FOLDER, NOW_OPTIONS, NOW);
    expect(items).toEqual([]);
    expect(canPublish(items, [])).toBe(true);
  });

  it('a blank new article is blocked by its headline, body and slug, and warns about everything else', () => {
    const article = makeArticle({ headline: '', body: { type: 'doc', content: [paragraph()] } });
    const items = publishChecklist(article, FOLDER, NOW_OPTIONS, NOW);
    expect(items.filter((i) => i.level === 'blocker').map((i) => i.id)).toEqual(['headline', 'body', 'slug']);
    expect(items.filter((i) => i.level === 'warning').map((i) => i.id)).toEqual(['summary', 'section', 'byline', 'tags', 'lead-photo']);
    expect(canPublish(items, ids(items))).toBe(false);
  });

  it('names the photos without alt text by number and blocks on them (accessibility)', () => {
    const article = makeArticle({
      meta: { tags: ['x'], section: 'News', bylines: [{ name: 'A', role: '' }] },
      summary: 'S',
      body: {
        type: 'doc',
        content: [
          figure(PHOTO_A, { alt: 'Crowd', credit: 'AP', caption: 'One', lead: true }),
          figure(PHOTO_B, { alt: '', credit: '', caption: '' }),
          paragraph(text('Body')),
          figure(PHOTO_A, { alt: '  ', credit: 'AP', caption: 'Three' }),
        ],
      },
    });
    const items = publishChecklist(article, FOLDER, NOW_OPTIONS, NOW);
    const alt = items.find((i) => i.id.startsWith('photo-alt'));
    expect(alt).toMatchObject({ id: 'photo-alt:2,3', level: 'blocker', field: 'photos', message: { params: { photos: '2, 3', count: 2 } } });
    expect(alt?.defaultText).toBe('Photos 2, 3 have no alt text: blind readers would not know what they show.');
    expect(items.find((i) => i.id.startsWith('photo-caption'))).toMatchObject({ id: 'photo-caption:2', level: 'warning' });
    expect(items.find((i) => i.id.startsWith('photo-credit'))?.defaultText).toBe('Photo 2 has no credit: say who took it.');
    expect(canPublish(items, ids(items))).toBe(false);
  });

  it('warnings can be overridden one by one; a new problem needs its own override', () => {
    const article = ready();
    article.summary = '';
    article.meta.tags = [];
    article.body.content?.push(figure(PHOTO_A, { alt: 'x', credit: 'y' }));
    const items = publishChecklist(article, FOLDER, NOW_OPTIONS, NOW);
    expect(ids(items)).toEqual(['photo-caption:3', 'summary', 'tags']);
    expect(canPublish(items, ['summary', 'tags'])).toBe(false);
    expect(canPublish(items, ['summary', 'tags', 'photo-caption:3'])).toBe(true);
    // Another photo without a caption changes the id: the earlier override no longer covers it.
    article.body.content?.push(figure(PHOTO_B, { alt: 'x', credit: 'y' }));
    const again = publishChecklist(article, FOLDER, NOW_OPTIONS, NOW);
    expect(canPublish(again, ['summary', 'tags', 'photo-caption:3'])).toBe(false);
  });

  it('a scheduled publish needs a time, and that time must lie in the future', () => {
    const article = ready();
    const missing = publishChecklist(article, FOLDER, { ...NOW_OPTIONS, status: 'scheduled', scheduledAt: null }, NOW);
    expect(missing).toMatchObject([{ id: 'schedule', level: 'blocker', message: { key: 'publish.checklist.schedule-missing' } }]);
    const past = publishChecklist(article, FOLDER, { ...NOW_OPTIONS, status: 'scheduled', scheduledAt: '2026-11-25T09:59:00+08:00' }, NOW);
    expect(past).toMatchObject([{ id: 'schedule', message: { key: 'publish.checklist.schedule-past' } }]);
    const future = publishChecklist(article, FOLDER, { ...NOW_OPTIONS, status: 'scheduled', scheduledAt: '2026-11-25T02:01:00Z' }, NOW);
    expect(ids(future)).not.toContain('schedule');
  });

  it('publishing now after the planned time passed is only a note', () => {
    const article = fullArticle();
    article.meta.plannedAt = '2026-11-25T09:30:00+08:00';
    const items = publishChecklist(article, FOLDER, NOW_OPTIONS, NOW);
    expect(items.find((i) => i.id === 'planned-past')).toMatchObject({ level: 'warning', message: { params: { plannedAt: '2026-11-25T09:30:00+08:00' } } });
    // Keeping the original date is the person's choice: nothing to warn about.
    expect(publishChecklist(article, FOLDER, { ...NOW_OPTIONS, backdateTo: '2026-11-25T09:30:00+08:00' }, NOW).find((i) => i.id === 'planned-past')).toBeUndefined();
    expect(ids(publishChecklist(article, FOLDER, { ...NOW_OPTIONS, status: 'draft' }, NOW))).not.toContain('planned-past');
  });

  it('a slug with spaces or capitals blocks; an empty slug follows the headline (Chinese included)', () => {
    const article = ready();
    article.meta.slug = 'Bad Slug!';
    expect(publishChecklist(article, FOLDER, NOW_OPTIONS, NOW).find((i) => i.id === 'slug')).toMatchObject({ level: 'blocker', message: { params: { slug: 'Bad Slug!' } } });
    article.meta.slug = '';
    expect(ids(publishChecklist(article, FOLDER, NOW_OPTIONS, NOW))).not.toContain('slug');
    article.headline = '!!!';
    expect(publishChecklist(article, FOLDER, NOW_OPTIONS, NOW).find((i) => i.id === 'slug')?.message.key).toBe('publish.checklist.slug-missing');
  });

  it('photos with no lead are a warning; so is an article without photos', () => {
    const article = ready();
    const noLead = (article.body.content ?? []).map((n) => (n.type === 'figure' ? { ...n, attrs: { ...n.attrs, lead: false } } : n));
    expect(publishChecklist({ ...article, body: { type: 'doc', content: noLead } }, FOLDER, NOW_OPTIONS, NOW).find((i) => i.id === 'lead-photo')?.message.key).toBe(
      'publish.checklist.lead-photo-missing',
    );
    const noPhotos = (article.body.content ?? []).filter((n) => n.type !== 'figure');
    expect(publishChecklist({ ...article, body: { type: 'doc', content: noPhotos } }, FOLDER, NOW_OPTIONS, NOW).find((i) => i.id === 'lead-photo')?.message.key).toBe(
      'publish.checklist.lead-photo-none',
    );
  });

  it('WordPress files a section-less article under its default category, and says so', () => {
    const article = ready();
    article.meta.section = '';
    expect(publishChecklist(article, WORDPRESS, NOW_OPTIONS, NOW).find((i) => i.id === 'section')?.defaultText).toContain('“News”');
    expect(publishChecklist(article, FOLDER, NOW_OPTIONS, NOW).find((i) => i.id === 'section')?.message.key).toBe('publish.checklist.section-missing');
  });

  it('with the library at hand, a missing photo blocks and a small one warns', () => {
    const article = ready();
    const media = new Map([[PHOTO_A, { width: 320 }]]);
    const items = publishChecklist(article, FOLDER, NOW_OPTIONS, NOW, media);
    expect(items.find((i) => i.id === 'photo-missing:2')?.level).toBe('blocker');
    expect(items.find((i) => i.id === 'photo-small:1')).toMatchObject({ level: 'warning', message: { params: { minWidth: 600 } } });
  });

  it('a body of only a photo is not empty', () => {
    const article = makeArticle({ body: { type: 'doc', content: [figure(PHOTO_A, { alt: 'a', credit: 'b', caption: 'c', lead: true })] } });
    expect(ids(publishChecklist(article, FOLDER, NOW_OPTIONS, NOW))).not.toContain('body');
  });

  it('open suggestions block publishing, counted by suggestion, in both languages', () => {
    const article = ready();
    const by = (id: string) => ({ id, authorId: 'sam editor', authorName: 'Sam Editor', at: '2026-11-25T09:00:00Z' });
    article.body.content?.push(
      paragraph(text('The '), text('cat', { type: 'suggestionDelete', attrs: by('d1') }), text('dog', { type: 'suggestionInsert', attrs: by('i1') }), text(' sat', { type: 'suggestionInsert', attrs: by('i1') })),
    );
    const items = publishChecklist(article, FOLDER, NOW_OPTIONS, NOW);
    expect(items).toEqual([expect.objectContaining({ id: 'suggestions', level: 'blocker', field: 'body', message: { key: 'publish.checklist.suggestions-pending', params: { count: 2 } } })]);
    expect(items[0]?.defaultText).toContain('2 suggested changes');
    expect(canPublish(items, ['suggestions'])).toBe(false);
  });
});
