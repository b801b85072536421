// Runs in: test processes. Publishes N small stories (one photo each) to a real WordPress through
// the fault proxy and the real outbox until every job is done, then counts what WordPress holds:
// shared by the CI test (N = 100) and the stress script (N from argv).
import type { OutboxJob } from '../../common/publish/publish-job';
import { randomFaultPlan, type RandomFaultOptions } from './support/fault-plan';
import { startFaultProxy, type FaultProxyStats } from './support/fault-proxy';
import type { WordPressSite, WpMedia, WpPost } from './support/wordpress-fixture';
import { figureNode, newArticleId, paragraphNode, startHarness } from './publishing-harness';

export interface FaultRunOptions {
  site: WordPressSite;
  articles: number;
  /** Targets (all the same site through the proxy): the outbox runs one job at a time per target. */
  lanes: number;
  seed: number;
  rates: RandomFaultOptions['rates'];
  /** The adapter's request timeout; 'delay' faults hold replies longer than this. */
  timeoutMs: number;
  /** Give up (and fail) after this long. */
  deadlineMs: number;
  log?: (line: string) => void;
}

export interface FaultRunResult {
  jobs: OutboxJob[];
  proxy: FaultProxyStats;
  /** Posts per Dateline job marker (dateline_job meta), counted in WordPress after the run. */
  postsPerJob: Map<string, number>;
  /** Posts per title (each story has a unique title). */
  postsPerTitle: Map<string, number>;
  /** Media items per photo (slug `dateline-<sha16>`, with any "-2" suffix WordPress adds to a twin). */
  mediaPerPhoto: Map<string, number>;
  titles: string[];
  photoMarkers: string[];
  elapsedMs: number;
  /** How many jobs needed more than one attempt. */
  retried: number;
  /** Posts carrying a dateline_job marker and media items, counted straight in the database. */
  databasePosts: number;
  databaseMedia: number;
  /** Every post WordPress holds after the run, for diagnostics. */
  posts: { id: number; slug: string; status: string; title: string; job: string }[];
}

export async function runFaultPublishes(options: FaultRunOptions): Promise<FaultRunResult> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const proxy = await startFaultProxy({
    target: options.site.url,
    // WordPress's own addresses (media source_url) then point at the proxy too, so downloading a
    // found copy to check its bytes before reusing it meets the same faults as every other request.
    rewriteOrigin: true,
    plan: randomFaultPlan({ seed: options.seed, rates: options.rates, delayMs: options.timeoutMs + 1_000 }),
  });
  const h = await startHarness({
    wordpress: { timeoutMs: options.timeoutMs, uploadTimeoutMs: options.timeoutMs },
    backoff: { baseMs: 100, maxMs: 1_000 },
  });
  try {
    const lanes: string[] = [];
    for (let i = 0; i < options.lanes; i++) lanes.push(await h.addWordPress(`fault-lane-${i}`, proxy.url, options.site.users.editor));

    const titles: string[] = [];
    const photoMarkers: string[] = [];
    const queued: OutboxJob[] = [];
    const runTag = `run${options.seed}`;
    for (let i = 0; i < options.articles; i++) {
      const photo = await h.photo(i);
      photoMarkers.push(`dateline-${photo.slice(0, 16)}`);
      const title = `Fault story ${runTag} #${i} 测试`;
      titles.push(title);
      const article = h.save({
        id: newArticleId('ft'),
        headline: title,
        summary: `Summary ${i}`,
        meta: { section: 'Fault tests', tags: ['fault-injection', `${runTag}-${i % 7}`], slug: `fault-${runTag}-${i}` },
        body: { type: 'doc', content: [figureNode(photo, { alt: `Photo ${i}`, credit: 'Test Desk', caption: `Caption ${i}`, lead: true }), paragraphNode(`Body of story ${i}.`)] },
      });
      queued.push(await h.publish(article.id, lanes[i % lanes.length] ?? 'fault-lane-0'));
    }
    log(`queued ${queued.length} jobs on ${lanes.length} targets`);

    let jobs: OutboxJob[] = [];
    let lastReport = 0;
    for (;;) {
      jobs = queued.map((job) => h.service.outbox.get(job.id));
      const stuck = jobs.filter((job) => job.state === 'failed' || job.state === 'conflict' || job.state === 'cancelled');
      if (stuck.length > 0) {
        const first = stuck[0];
        throw new Error(`${stuck.length} job(s) stopped for good instead of retrying, e.g. ${first?.id} ${first?.state}: ${first?.lastError?.code} ${first?.lastError?.message}`);
      }
      const done = jobs.filter((job) => job.state === 'done').length;
      if (done === jobs.length) break;
      if (Date.now() - started > options.deadlineMs) throw new Error(`only ${done} of ${jobs.length} jobs were done after ${options.deadlineMs} ms`);
      if (Date.now() - lastReport > 10_000) {
        lastReport = Date.now();
        log(`${done}/${jobs.length} done, ${proxy.stats.requests} requests, faults ${JSON.stringify(proxy.stats.faults)}`);
      }
      h.service.online();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const elapsedMs = Date.now() - started;

    const posts = await listAllById<WpPost>(options.site, '/wp/v2/posts', 'draft,pending,publish,future,private,trash');
    const postsPerJob = new Map<string, number>();
    const postsPerTitle = new Map<string, number>();
    for (const post of posts) {
      const marker = post.meta.dateline_job;
      if (typeof marker === 'string' && marker.length > 0) postsPerJob.set(marker, (postsPerJob.get(marker) ?? 0) + 1);
      postsPerTitle.set(post.title.raw, (postsPerTitle.get(post.title.raw) ?? 0) + 1);
    }
    const mediaPerPhoto = new Map<string, number>();
    for (const item of await listAllById<WpMedia>(options.site, '/wp/v2/media', 'inherit,private,trash')) {
      const slug = String(item.slug ?? '');
      const marker = /^(dateline-[0-9a-f]{16})/.exec(slug)?.[1];
      if (marker) mediaPerPhoto.set(marker, (mediaPerPhoto.get(marker) ?? 0) + 1);
    }
    return {
      jobs,
      proxy: proxy.stats,
      postsPerJob,
      postsPerTitle,
      mediaPerPhoto,
      titles,
      photoMarkers,
      elapsedMs,
      retried: jobs.filter((job) => job.attempts > 1).length,
      databasePosts: await options.site.countPosts({ metaKey: 'dateline_job' }),
      databaseMedia: await options.site.countPosts({ type: 'attachment' }),
      posts: posts.map((p) => ({ id: p.id, slug: p.slug, status: p.status, title: p.title.raw, job: String(p.meta.dateline_job ?? '') })),
    };
  } finally {
    await h.close();
    await proxy.close();
  }
}

/** Every item, paged by id: the default order (date) is not stable among items of the same second, so pages would overlap and skip. */
async function listAllById<T extends { id: number }>(site: WordPressSite, route: string, status: string): Promise<T[]> {
  const items = new Map<number, T>();
  for (let page = 1; ; page++) {
    const response = await site.request<T[]>(route, { query: { status, context: 'edit', per_page: 100, page, orderby: 'id', order: 'asc' } });
    if (response.status !== 200) throw new Error(`listing ${route} failed: HTTP ${response.status} ${response.text.slice(0, 200)}`);
    for (const item of response.body) items.set(item.id, item);
    if (page >= Number(response.headers.get('x-wp-totalpages') ?? '1')) return [...items.values()];
  }
}
