// Runs in: node via tsx. The fault-injection run at a larger scale than CI:
//   npx tsx tests/integration/wordpress-fault-stress.ts [articles=500] [lanes=4] [seed=<now>]
// Exits non-zero on any duplicate post or photo, or any story not published exactly once.
import { startWordPress } from './support/wordpress-fixture';
import { runFaultPublishes } from './wordpress-fault-run';

const [articlesArg, lanesArg, seedArg] = process.argv.slice(2);
const articles = Number(articlesArg ?? 500);
const lanes = Number(lanesArg ?? 4);
const seed = Number(seedArg ?? Date.now() % 1_000_000);
if (!Number.isInteger(articles) || articles < 1 || articles > 80_000 || !Number.isInteger(lanes) || lanes < 1 || !Number.isInteger(seed)) {
  console.error('usage: wordpress-fault-stress.ts [articles 1-80000] [lanes ≥1] [seed]');
  process.exit(2);
}

const site = await startWordPress();
let failures = 0;
try {
  console.log(`publishing ${articles} stories on ${lanes} targets through the fault proxy (seed ${seed})`);
  const result = await runFaultPublishes({
    site,
    articles,
    lanes,
    seed,
    rates: { 'drop-response': 0.08, 'reset-after-forward': 0.05, reset: 0.05, delay: 0.04, 'http-error': 0.08 },
    timeoutMs: 1_500,
    deadlineMs: Math.max(300_000, articles * 3_000),
    log: (line) => console.log(line),
  });
  const check = (label: string, counts: Map<string, number>, keys: string[]) => {
    const wrong = keys.filter((key) => (counts.get(key) ?? 0) !== 1);
    failures += wrong.length;
    console.log(`${label}: ${keys.length - wrong.length}/${keys.length} exactly once${wrong.length > 0 ? `; wrong: ${wrong.slice(0, 10).map((k) => `${k}=${counts.get(k) ?? 0}`).join(', ')}` : ''}`);
  };
  check('posts by job marker', result.postsPerJob, result.jobs.map((job) => job.id));
  check('posts by title', result.postsPerTitle, result.titles);
  check('photos by slug', result.mediaPerPhoto, result.photoMarkers);
  for (const [label, count] of [['posts with a Dateline marker in the database', result.databasePosts], ['media items in the database', result.databaseMedia]] as const) {
    if (count !== articles) failures += 1;
    console.log(`${label}: ${count} (expected ${articles})`);
  }
  if (failures > 0) {
    // What WordPress holds for the stories that went wrong, and every request that touched those posts.
    const badJobs = result.jobs.filter((job) => (result.postsPerJob.get(job.id) ?? 0) !== 1 || (result.postsPerTitle.get(job.headline) ?? 0) !== 1);
    for (const job of badJobs) {
      console.log(`job ${job.id} "${job.headline}" attempts ${job.attempts} → post ${job.result?.remoteId}`);
      const related = result.posts.filter((p) => p.job === job.id || p.title === job.headline || String(p.id) === job.result?.remoteId);
      for (const post of related) {
        console.log(`  post ${post.id} ${post.status} slug=${post.slug} job=${post.job} "${post.title}"`);
        for (const entry of result.proxy.log.filter((e) => e.path.includes(`/posts/${post.id}`) || e.path.includes(job.id))) {
          console.log(`    #${entry.index} ${entry.method} ${entry.path} ${entry.fault} → ${entry.upstreamStatus ?? '-'}`);
        }
      }
    }
  }
  console.log(`requests ${result.proxy.requests}, faults ${JSON.stringify(result.proxy.faults)}, jobs retried ${result.retried}, ${(result.elapsedMs / 1000).toFixed(1)} s`);
} catch (error) {
  failures += 1;
  console.error(error);
} finally {
  await site.stop();
}
process.exit(failures === 0 ? 0 : 1);
