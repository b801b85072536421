// Runs in: the benchmark script (Node; `npx tsx tests/bench/publish-bench.ts [--quick]`). Publishes a
// 20-photo article to a loopback WordPress through the real outbox and adapter, with parallel and
// with sequential photo uploads, alternating in one run, plus a republish of an unchanged article (issue 3).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Article, DocNode } from '../../common/article';
import { AppError } from '../../common/app-error';
import { publishChecklist } from '../../common/publish/publish-checklist';
import type { OutboxJob, PublishOptions } from '../../common/publish/publish-job';
import { MediaStore } from '../../electron/services/media/media-store';
import { createFileSecretStore } from '../../electron/services/publish/file-secret-store';
import { createPublishingService, type PublishingService } from '../../electron/services/publish/publishing-service';
import { makeArticle } from '../fixtures/sample-article';
import { makePng } from '../support/test-photos';
import { figureNode, newArticleId, paragraphNode, waitForJob } from '../integration/publishing-harness';
import { startFaultProxy, type FaultProxy } from '../integration/support/fault-proxy';
import { startWordPress, type WordPressSite } from '../integration/support/wordpress-fixture';
import { formatMs, formatRatio } from './format-ms';
import { printTable } from './print-table';
import { seededRandom } from './seeded-random';
import { stats } from './stats';

export interface PublishBenchOptions {
  /** One run per scenario instead of three. */
  quick?: boolean;
  log?: (line: string) => void;
}

export interface PublishBenchResult {
  table: string;
  rows: Array<Record<string, string | number>>;
}

const PHOTOS = 20;
const TARGET_ID = 'bench-wp';
const FINISHED: OutboxJob['state'][] = ['done', 'failed', 'conflict', 'cancelled'];
/** Added to every reply in the emulated-latency rows: a crude stand-in for a distant site. */
const EMULATED_LATENCY_MS = 200;

/** When a job was queued, when its photo uploads started and ended, and when it finished (performance.now()). */
interface JobTimes {
  queuedAt: number;
  uploadStart?: number;
  uploadEnd?: number;
  finishedAt?: number;
}

interface Lane {
  label: string;
  service: PublishingService;
  times: Map<string, JobTimes>;
}

interface Sample {
  totalMs: number;
  uploadMs: number;
}

/**
 * A realistic-size greyscale PNG (~600 KB at 1200×800): a gradient with 2 bits of seeded noise per
 * pixel, so every seed gives different bytes (its own content hash) that do not compress away.
 */
export function makeNoisyPng(width: number, height: number, seed: number): Uint8Array {
  const random = seededRandom(seed);
  return makePng(width, height, (x, y) => Math.floor(((x + y) * 200) / (width + height)) + Math.floor(random.next() * 4) * 12);
}

async function startLane(
  label: string,
  dir: string,
  media: MediaStore,
  articles: Map<string, Article>,
  site: WordPressSite,
  uploadConcurrency: number | undefined,
  siteUrl = site.url,
): Promise<Lane> {
  const times = new Map<string, JobTimes>();
  const onJobChange = (job: OutboxJob) => {
    const t = times.get(job.id);
    if (!t) return;
    const now = performance.now();
    if (job.progress.step === 'upload-media') t.uploadStart ??= now;
    else if (t.uploadStart !== undefined && t.uploadEnd === undefined) t.uploadEnd = now;
    if (FINISHED.includes(job.state)) t.finishedAt ??= now;
  };
  const service = await createPublishingService({
    dataDir: join(dir, label),
    libraryRoot: join(dir, label, 'library'),
    documentsDir: join(dir, label, 'Documents'),
    secrets: createFileSecretStore(join(dir, label, 'secrets.json')),
    store: {
      get: async (id) => {
        const found = articles.get(id);
        if (!found) throw new AppError('not-found', `The benchmark has no article ${id}`);
        return structuredClone(found);
      },
    },
    media,
    onJobChange,
    pollMs: 200,
    wordpress: { timeoutMs: 60_000, uploadConcurrency },
  });
  const user = site.users.editor;
  await service.handlers['targets.save']({
    config: { kind: 'wordpress', id: TARGET_ID, name: `Bench WordPress (${label})`, siteUrl, username: user.login, defaultCategory: '' },
    secret: user.appPassword,
  });
  return { label, service, times };
}

/** Queues the saved article (every checklist warning accepted) and waits until it is done. */
async function publishTimed(lane: Lane, articles: Map<string, Article>, articleId: string): Promise<Sample> {
  const article = articles.get(articleId);
  if (!article) throw new Error(`no article ${articleId}`);
  const options: PublishOptions = { status: 'published', scheduledAt: null, overriddenWarnings: [] };
  const target = lane.service.targets.get(TARGET_ID);
  const warnings = publishChecklist(article, target, options, new Date()).filter((i) => i.level === 'warning').map((i) => i.id);
  const queuedAt = performance.now();
  const queued = await lane.service.handlers['publish.start']({ articleId, targetId: TARGET_ID, options: { ...options, overriddenWarnings: warnings } });
  // The first change events can arrive before publish.start returns: keep the earliest stamps.
  const times: JobTimes = { queuedAt };
  lane.times.set(queued.id, times);
  const job = await waitForJob(lane.service, queued.id, FINISHED, 180_000);
  if (job.state !== 'done') throw new Error(`The ${lane.label} publish ended ${job.state}: ${job.lastError?.message ?? 'no error recorded'}`);
  if (job.attempts !== 1) throw new Error(`The ${lane.label} publish needed ${job.attempts} attempts (last error: ${job.lastError?.message ?? 'none'}); timings would include retries`);
  const end = times.finishedAt ?? performance.now();
  const uploadMs = times.uploadStart !== undefined && times.uploadEnd !== undefined ? times.uploadEnd - times.uploadStart : Number.NaN;
  return { totalMs: end - queuedAt, uploadMs };
}

export async function runPublishBench(options: PublishBenchOptions = {}): Promise<PublishBenchResult> {
  const log = options.log ?? (() => undefined);
  const runs = options.quick ? 1 : 3;
  log(`publish: starting a loopback WordPress`);
  const site = await startWordPress({ prettyPermalinks: true });
  const dir = await mkdtemp(join(tmpdir(), 'dateline-publish-bench-'));
  const lanes: Lane[] = [];
  let proxy: FaultProxy | null = null;
  try {
    const media = new MediaStore(join(dir, 'media-library'));
    await media.open();
    const articles = new Map<string, Article>();
    const parallel = await startLane('parallel', dir, media, articles, site, undefined);
    const sequential = await startLane('sequential', dir, media, articles, site, 1);
    lanes.push(parallel, sequential);
    // Full runs only: the same publish behind a proxy that holds every reply, where uploads wait on the network rather than on the CPU.
    let farLanes: [Lane, Lane] | null = null;
    if (!options.quick) {
      proxy = await startFaultProxy({ target: site.url, plan: () => ({ kind: 'delay', ms: EMULATED_LATENCY_MS, then: 'send' }) });
      farLanes = [
        await startLane('parallel-far', dir, media, articles, site, undefined, proxy.url),
        await startLane('sequential-far', dir, media, articles, site, 1, proxy.url),
      ];
      lanes.push(...farLanes);
    }

    let nextSeed = 1;
    let photoBytes = 0;
    let photoCount = 0;
    /** Saves a new article with `photoCount` photos nobody has uploaded yet. */
    const freshArticle = async (name: string, count: number): Promise<string> => {
      const body: DocNode[] = [paragraphNode('The city council met on Tuesday to discuss the new budget.')];
      for (let i = 0; i < count; i++) {
        const seed = nextSeed++;
        const bytes = makeNoisyPng(1200 + (seed % 40), 800 + (seed % 30), seed);
        photoBytes += bytes.byteLength;
        photoCount += 1;
        const info = await media.import(`bench-photo-${seed}.png`, bytes);
        body.push(figureNode(info.id, { alt: `Council chamber, view ${i + 1}`, credit: 'City Press Office', caption: `Photo ${i + 1} of the session`, lead: i === 0 }));
        body.push(paragraphNode(`Paragraph ${i + 1}: members debated line items for schools, transit and parks.`));
      }
      const id = newArticleId('pb');
      articles.set(id, makeArticle({ id, headline: `Council budget in pictures (${name})`, summary: 'Twenty photos from the session.', revision: 1, meta: { slug: `council-budget-${id}` }, body: { type: 'doc', content: body } }));
      return id;
    };

    // Warm-up (not reported): REST discovery, the account lookup and PHP's opcache, once per lane.
    for (const lane of lanes) {
      log(`publish: warm-up (${lane.label})`);
      await publishTimed(lane, articles, await freshArticle(`warm-up ${lane.label}`, 2));
    }

    const samples = new Map<string, Sample[]>(lanes.map((lane) => [lane.label, []]));
    let lastParallelArticle = '';
    for (let run = 1; run <= runs; run++) {
      for (const lane of [parallel, sequential]) {
        const id = await freshArticle(`${lane.label} run ${run}`, PHOTOS);
        const sample = await publishTimed(lane, articles, id);
        samples.get(lane.label)?.push(sample);
        if (lane === parallel) lastParallelArticle = id;
        log(`publish: ${lane.label} run ${run}/${runs}: total ${formatMs(sample.totalMs)}, uploads ${formatMs(sample.uploadMs)}`);
      }
    }
    for (const lane of farLanes ?? []) {
      const sample = await publishTimed(lane, articles, await freshArticle(lane.label, PHOTOS));
      samples.get(lane.label)?.push(sample);
      log(`publish: ${lane.label} (+${EMULATED_LATENCY_MS} ms per reply): total ${formatMs(sample.totalMs)}, uploads ${formatMs(sample.uploadMs)}`);
    }
    const republish: Sample[] = [];
    for (let run = 1; run <= runs; run++) {
      const sample = await publishTimed(parallel, articles, lastParallelArticle);
      republish.push(sample);
      log(`publish: unchanged republish ${run}/${runs}: total ${formatMs(sample.totalMs)}, photo check ${formatMs(sample.uploadMs)}`);
    }

    const median = (list: Sample[], key: keyof Sample) => stats(list.map((s) => s[key]).filter(Number.isFinite)).median;
    const scenarios: Array<{ scenario: string; list: Sample[]; baseline: Sample[] }> = [
      { scenario: `sequential uploads (concurrency 1), ${PHOTOS} new photos — baseline`, list: samples.get('sequential') ?? [], baseline: samples.get('sequential') ?? [] },
      { scenario: `parallel uploads (adapter default concurrency), ${PHOTOS} new photos`, list: samples.get('parallel') ?? [], baseline: samples.get('sequential') ?? [] },
      { scenario: `republish unchanged article (${PHOTOS} photos already uploaded)`, list: republish, baseline: samples.get('sequential') ?? [] },
    ];
    if (farLanes) {
      const farBase = samples.get('sequential-far') ?? [];
      scenarios.push(
        { scenario: `emulated +${EMULATED_LATENCY_MS} ms/reply: sequential uploads — baseline for the next row`, list: farBase, baseline: farBase },
        { scenario: `emulated +${EMULATED_LATENCY_MS} ms/reply: parallel uploads (default concurrency)`, list: samples.get('parallel-far') ?? [], baseline: farBase },
      );
    }
    const rows = scenarios.map(({ scenario, list, baseline }) => {
      const total = median(list, 'totalMs');
      const upload = median(list, 'uploadMs');
      const baseTotal = median(baseline, 'totalMs');
      const baseUpload = median(baseline, 'uploadMs');
      return {
        scenario,
        runs: list.length,
        'median total ms': Math.round(total),
        'median upload-phase ms': Number.isFinite(upload) ? Math.round(upload) : 'n/a',
        // How many times faster than sequential: baseline / this (total time; upload phase in brackets).
        'ratio vs sequential': `${formatRatio(baseTotal, total)} (uploads ${formatRatio(baseUpload, upload)})`,
      };
    });
    const headers = ['scenario', 'runs', 'median total ms', 'median upload-phase ms', 'ratio vs sequential'];
    const avgKb = photoCount > 0 ? Math.round(photoBytes / photoCount / 1024) : 0;
    const table = printTable({
      title: `Publishing a ${PHOTOS}-photo article to a loopback WordPress`,
      headers,
      rows: rows.map((row) => headers.map((h) => row[h as keyof typeof row])),
      notes: [
        `Ratio = sequential median ÷ scenario median (times faster than sequential uploads), for the whole publish and, in brackets, the photo-upload phase.`,
        `Runs alternate parallel, sequential, parallel… against the same WordPress (editor account, PHP built-in server with 4 workers); each run uploads ${PHOTOS} never-seen PNGs of ~1200×800 (${avgKb} KB on average), so nothing is deduplicated. One unreported warm-up publish per lane first.`,
        `The emulated rows (full runs only, one run each) go through a loopback proxy that holds every reply ${EMULATED_LATENCY_MS} ms, to show the effect of network latency; they are not a measurement of a real remote site.`,
        `Total = publish.start until the outbox job is done (photos, terms, create, status, verify). Upload phase = first "upload-media" progress until the next step. The republish row checks each remembered photo still exists instead of uploading it.`,
      ],
    });
    return { table, rows };
  } finally {
    await proxy?.close().catch(() => undefined);
    for (const lane of lanes) await lane.service.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    await site.stop();
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.filename === process.argv[1];
if (invokedDirectly) {
  const quick = process.argv.includes('--quick');
  runPublishBench({ quick, log: (line) => process.stderr.write(`[bench] ${line}\n`) }).then(
    (result) => console.log(result.table),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}
