// Runs in: vitest (node), against a real WordPress on 127.0.0.1, with and without the companion
// plugin (if WordPress cannot start, this fails). A reporter copies the library folder to a second
// laptop (or restores a backup) and both copies publish the same article: WordPress must end up
// with one post and one media item per photo, and a copy about to overwrite the other's publish
// stops with a conflict that names the publish that wrote the post last.
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxJob } from '../../common/publish/publish-job';
import { startWordPress, type WordPressSite } from './support/wordpress-fixture';
import { figureNode, newArticleId, paragraphNode, startHarness, waitForJob, type Harness } from './publishing-harness';

for (const companionPlugin of [true, false]) {
  describe(`a library copied to a second laptop, ${companionPlugin ? 'with' : 'without'} the companion plugin`, () => {
    let site: WordPressSite;
    let a: Harness;

    beforeAll(async () => {
      site = await startWordPress({ companionPlugin });
      a = await startHarness();
      await a.addWordPress('newsroom', site.url, site.users.editor);
    }, 180_000);

    afterAll(async () => {
      await a?.close();
      await site?.stop();
    }, 60_000);

    const story = async (headline: string, seed: number) => {
      const photo = await a.photo(seed);
      const article = a.save({
        id: newArticleId('cp'),
        headline,
        summary: `${headline}: the summary`,
        meta: { section: 'City', tags: ['copies'], slug: `copy-${seed}` },
        body: { type: 'doc', content: [figureNode(photo, { alt: 'The square', credit: 'Desk', caption: 'The square at noon', lead: true }), paragraphNode(`${headline}.`)] },
      });
      return { article, photo };
    };

    /** What WordPress holds for a story: its posts (by its unique headline) and the media items of its photo. */
    const holdings = async (headline: string, photo: string) => ({
      posts: (await site.listAllPosts()).filter((post) => post.title.raw === headline),
      media: (await site.listAllMedia()).filter((item) => String(item.slug).startsWith(`dateline-${photo.slice(0, 16)}`)),
    });

    it('one copy after the other: one post, and each copy stops before overwriting the other’s publish, naming it', async () => {
      const { article, photo } = await story('Square reopens after repairs', 40_101);
      const b = await a.copy();
      try {
        const first = await a.publishAndWait(article.id, 'newsroom');
        expect(first.state, first.lastError?.message).toBe('done');

        const second = await b.publishAndWait(article.id, 'newsroom');
        expect(second.state, second.lastError?.message).toBe('conflict');
        expect(second.conflict?.lastPublisher).toEqual({ jobId: first.id, host: companionPlugin ? hostname() : null, thisCopy: false });
        expect(second.conflict?.remote.title).toBe('Square reopens after repairs');

        // The second copy's reporter chooses to overwrite: the same post is updated.
        await b.service.handlers['outbox.resolveConflict']({ jobId: second.id, resolution: 'overwrite' });
        const overwritten = await waitForJob(b.service, second.id, ['done', 'failed', 'conflict', 'cancelled']);
        expect(overwritten.state, overwritten.lastError?.message).toBe('done');
        expect(overwritten.result?.remoteId).toBe(first.result?.remoteId);

        // The first copy publishes again: the post is no longer what it recorded, and it says who wrote it.
        a.save({ ...article, summary: 'Corrected on the first laptop' });
        const third = await a.publishAndWait(article.id, 'newsroom');
        expect(third.state, third.lastError?.message).toBe('conflict');
        expect(third.conflict?.lastPublisher).toMatchObject({ jobId: second.id, thisCopy: false });

        const held = await holdings('Square reopens after repairs', photo);
        expect(held.posts.map((post) => post.id)).toEqual([Number(first.result?.remoteId)]);
        expect(held.media).toHaveLength(1);
      } finally {
        await b.close();
      }
    }, 240_000);

    it('both copies at the same moment, five stories: one post and one photo each', async () => {
      const states: string[] = [];
      for (let i = 0; i < 5; i++) {
        const headline = `Both laptops at once ${i}`;
        const { article, photo } = await story(headline, 40_200 + i);
        const b = await a.copy();
        try {
          const jobs: OutboxJob[] = await Promise.all([a.publishAndWait(article.id, 'newsroom'), b.publishAndWait(article.id, 'newsroom')]);
          states.push(jobs.map((job) => job.state).join('+'));
          for (const job of jobs) expect(['done', 'conflict'], job.lastError?.message).toContain(job.state);
          const held = await holdings(headline, photo);
          expect(held.posts, headline).toHaveLength(1);
          expect(held.media, headline).toHaveLength(1);
          for (const job of jobs.filter((j) => j.state === 'done')) expect(job.result?.remoteId).toBe(String(held.posts[0]?.id));
        } finally {
          await b.close();
        }
      }
      console.info(`copies at once (${companionPlugin ? 'plugin' : 'no plugin'}): ${states.join(', ')}`);
    }, 300_000);
  });
}
