// Runs in: the benchmark script (Node; `npm run bench:server`). Simulated newsroom clients typing in
// stories on the newsroom server (issue 10):
//   two nodes sharing PostgreSQL and Redis, one node killed and restarted halfway;
//   baselines in the same run: the same load on one node without Redis, and a bare Hocuspocus echo.
// Reports keystroke→arrival latency at another client of the story, CPU and RSS per node, database
// writes per second, and whether every replica and the database end identical.
// Full size by default: 200 clients in 40 stories, 5 keystrokes/s each for 120 s (about 8 minutes
// with the baselines). `--short` is a quick check: 40 clients in 8 stories for 20 s. The environment
// overrides either: BENCH_CLIENTS, BENCH_STORIES, BENCH_SECONDS, BENCH_KEYS_PER_SECOND.
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import * as Y from 'yjs';
import { storyDocParts } from '../../common/collab/story-doc';
import { storyDocumentName } from '../../common/collab/story-name';
import { addAccount } from '../../server/accounts/account-store';
import { openDatabase } from '../../server/db/open-database';
import type { SqlDatabase } from '../../server/db/sql-database';
import { fetchStoryState } from '../../server/stories/story-store';
import { spawnGroup, stopGroup } from '../integration/support/process-group';
import { startPostgres } from '../support/newsroom/private-postgres';
import { startRedis } from '../support/newsroom/private-redis';
import { startServerProcess } from '../support/newsroom/server-process';
import { connectStory, type StoryClient } from '../support/newsroom/story-client';
import { waitForOutput } from '../support/newsroom/wait-for-output';
import { waitUntil } from '../support/wait-until';
import { printTable, type Cell } from './print-table';
import { groupUsage } from './process-usage';
import { stats } from './stats';

function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number`);
  return value;
}

const SHORT = process.argv.includes('--short');
const CLIENTS = envInt('BENCH_CLIENTS', SHORT ? 40 : 200);
const STORIES = Math.min(envInt('BENCH_STORIES', SHORT ? 8 : 40), CLIENTS);
const SECONDS = envInt('BENCH_SECONDS', SHORT ? 20 : 120);
const KEYS_PER_SECOND = envInt('BENCH_KEYS_PER_SECOND', 5);
const CONVERGE_TIMEOUT_MS = 120_000;

interface RunningNode {
  collabUrl: string;
  pid: number;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

interface BenchNode {
  name: string;
  start: () => Promise<RunningNode>;
  running: RunningNode | null;
  /** CPU seconds of processes already gone, and of the running one at the window's start. */
  cpuDone: number;
  cpuAtStart: number;
  maxRss: number;
}

interface ScenarioResult {
  label: string;
  latencies: number[];
  nodes: { name: string; cpuPercent: number; maxRssMb: number }[];
  writesPerSecond: number | null;
  divergent: number;
  keystrokes: number;
  /** The 1-minute load average as the typing started and as it stopped. */
  load: [number, number];
}

async function startBare(): Promise<RunningNode> {
  const child = spawnGroup(join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx'), [join(import.meta.dirname, 'bare-hocuspocus.ts')]);
  await waitForOutput(child, /listening on ws:\/\/\S+/, 90_000, 'bare Hocuspocus');
  const url = /listening on (ws:\/\/\S+)/.exec(child.output())![1]!;
  return {
    collabUrl: url,
    pid: child.pid,
    kill: async () => {
      process.kill(-child.pid, 'SIGKILL');
      await child.exited;
    },
    stop: () => stopGroup(child.pid, 10_000),
  };
}

function typeKey(client: StoryClient, sentAt: Map<number, Map<number, number>>): void {
  const { body } = storyDocParts(client.doc);
  const paragraph = body.get(0) as Y.XmlElement | undefined;
  const text = paragraph?.get(0) as Y.XmlText | undefined;
  if (!text) return;
  const clock = Y.getState(client.doc.store, client.doc.clientID);
  let mine = sentAt.get(client.doc.clientID);
  if (!mine) sentAt.set(client.doc.clientID, (mine = new Map()));
  mine.set(clock, performance.now());
  text.insert(text.length, 'abcdefghijklmnopqrstuvwxyz'[clock % 26]!);
}

async function storyState(db: SqlDatabase | null, id: string): Promise<Y.Doc | null> {
  if (!db) return null;
  const state = await fetchStoryState(db, id);
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc;
}

const vector = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('base64');
const content = (doc: Y.Doc) => storyDocParts(doc).body.toString();

async function runScenario(label: string, nodes: BenchNode[], options: { token: string; db: SqlDatabase | null; restartHalfway: boolean; prefix: string }): Promise<ScenarioResult> {
  for (const node of nodes) node.running = await node.start();
  const ids = Array.from({ length: STORIES }, (_, s) => `${options.prefix}${Date.now().toString(36)}${String(s).padStart(3, '0')}`);
  const urlFor = (preferred: number) => () => {
    const order = [preferred, ...nodes.keys()].filter((i) => nodes[i]!.running);
    return nodes[order[0] ?? 0]!.running?.collabUrl ?? nodes[0]!.running!.collabUrl;
  };
  const clients: StoryClient[] = [];
  const storyOf: number[] = [];
  for (let c = 0; c < CLIENTS; c++) {
    const story = c % STORIES;
    storyOf.push(story);
    clients.push(connectStory({ url: urlFor(Math.floor(c / STORIES) % nodes.length), name: storyDocumentName(ids[story]!), token: options.token }));
  }
  await Promise.all(clients.map((client) => client.ready));
  // The first client of each story lays out one paragraph for everyone to type into.
  for (let s = 0; s < STORIES; s++) {
    const { body } = storyDocParts(clients[s]!.doc);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText()]);
    body.insert(0, [paragraph]);
  }
  await waitUntil(() => clients.every((client) => storyDocParts(client.doc).body.length > 0 && (storyDocParts(client.doc).body.get(0) as Y.XmlElement).length > 0), 'every client to see its story’s paragraph', 60_000);
  for (let c = 0; c < CLIENTS; c++) {
    const body = storyDocParts(clients[c]!.doc).body;
    if (body.length > 1) throw new Error('two clients laid out one story');
  }

  // The observer of each story is its first client; it times keystrokes of every other client.
  const sentAt = new Map<number, Map<number, number>>();
  const latencies: number[] = [];
  for (let s = 0; s < STORIES; s++) {
    clients[s]!.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.local) return;
      const now = performance.now();
      transaction.afterState.forEach((clock, clientId) => {
        const sent = sentAt.get(clientId);
        if (!sent) return;
        for (let k = transaction.beforeState.get(clientId) ?? 0; k < clock; k++) {
          const at = sent.get(k);
          if (at !== undefined) {
            latencies.push(now - at);
            sent.delete(k);
          }
        }
      });
    });
  }

  const writes = async () => (options.db ? Number((await options.db.query<{ n: string }>('SELECT coalesce(sum(writes), 0) AS n FROM stories WHERE id = ANY($1)', [ids]))[0]?.n ?? 0) : 0);
  const writesBefore = await writes();
  for (const node of nodes) {
    node.cpuAtStart = groupUsage(node.running!.pid).cpuSeconds;
    node.cpuDone = 0;
    node.maxRss = 0;
  }
  const sampler = setInterval(() => {
    for (const node of nodes) if (node.running) node.maxRss = Math.max(node.maxRss, groupUsage(node.running.pid).rssBytes);
  }, 1000);

  // Timer-driven typing: each tick, every client whose next keystroke is due types it.
  const loadAtStart = loadavg()[0]!;
  const started = performance.now();
  const periodMs = 1000 / KEYS_PER_SECOND;
  const offsets = clients.map((_, c) => (c * periodMs) / CLIENTS);
  const typed = clients.map(() => 0);
  const total = SECONDS * KEYS_PER_SECOND;
  let restart: Promise<void> | null = null;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const elapsed = performance.now() - started;
      clients.forEach((client, c) => {
        while (typed[c]! < total && offsets[c]! + typed[c]! * periodMs <= elapsed) {
          typeKey(client, sentAt);
          typed[c]! += 1;
        }
      });
      if (options.restartHalfway && !restart && elapsed >= (SECONDS * 1000) / 2) {
        const node = nodes[nodes.length - 1]!;
        restart = (async () => {
          const running = node.running!;
          node.cpuDone += groupUsage(running.pid).cpuSeconds - node.cpuAtStart;
          node.running = null;
          await running.kill();
          const fresh = await node.start();
          node.cpuAtStart = groupUsage(fresh.pid).cpuSeconds;
          node.running = fresh;
        })();
      }
      if (typed.every((n) => n >= total)) {
        clearInterval(tick);
        resolve();
      }
    }, 10);
  });
  const elapsedSeconds = (performance.now() - started) / 1000;
  const loadAtEnd = loadavg()[0]!;
  if (restart) await restart;
  clearInterval(sampler);
  const nodeRows = nodes.map((node) => ({
    name: node.name,
    cpuPercent: ((node.cpuDone + groupUsage(node.running!.pid).cpuSeconds - node.cpuAtStart) / elapsedSeconds) * 100,
    maxRssMb: node.maxRss / 1024 / 1024,
  }));
  const writesPerSecond = options.db ? ((await writes()) - writesBefore) / elapsedSeconds : null;

  // Every replica of a story, and the database, must end identical.
  const converged = async (s: number) => {
    const replicas = clients.filter((_, c) => storyOf[c] === s).map((client) => client.doc);
    const stored = await storyState(options.db, ids[s]!);
    const all = stored ? [...replicas, stored] : replicas;
    return new Set(all.map(vector)).size === 1 && new Set(all.map(content)).size === 1;
  };
  let divergent = 0;
  try {
    await waitUntil(async () => (await Promise.all(ids.map((_, s) => converged(s)))).every(Boolean), 'every replica and the database to agree', CONVERGE_TIMEOUT_MS, 500);
  } catch {
    divergent = (await Promise.all(ids.map((_, s) => converged(s)))).filter((ok) => !ok).length;
  }
  clients.forEach((client) => client.destroy());
  for (const node of nodes) await node.running?.stop();
  return { label, latencies, nodes: nodeRows, writesPerSecond, divergent, keystrokes: typed.reduce((a, b) => a + b, 0), load: [loadAtStart, loadAtEnd] };
}

const formatLoad = (load: number[]) => load.map((value) => value.toFixed(1)).join(' / ');

async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const runStarted = performance.now();
  const loadAtStart = loadavg();
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  const db = await openDatabase({ databaseUrl: postgres.url, dataDir: '' });
  const { token } = await addAccount(db, 'Bench Desk', 'editor');
  const serverNode = (name: string, redisUrl: string | null): BenchNode => ({
    name,
    start: () => startServerProcess(['--database-url', postgres.url, ...(redisUrl ? ['--redis-url', redisUrl] : []), '--node-name', name]),
    running: null,
    cpuDone: 0,
    cpuAtStart: 0,
    maxRss: 0,
  });
  const results: ScenarioResult[] = [];
  try {
    log(`two nodes + Redis, ${CLIENTS} clients, ${STORIES} stories, ${SECONDS} s…`);
    results.push(await runScenario('2 nodes + Redis, node 2 killed and restarted halfway', [serverNode('node 1', redis.url), serverNode('node 2', redis.url)], { token, db, restartHalfway: true, prefix: 'two' }));
    log('one node without Redis…');
    results.push(await runScenario('1 node, no Redis (baseline)', [serverNode('single', null)], { token, db, restartHalfway: false, prefix: 'one' }));
    log('bare Hocuspocus echo…');
    const bare: BenchNode = { name: 'bare', start: startBare, running: null, cpuDone: 0, cpuAtStart: 0, maxRss: 0 };
    results.push(await runScenario('bare Hocuspocus echo (baseline)', [bare], { token, db: null, restartHalfway: false, prefix: 'bare' }));
  } finally {
    await db.close();
    await Promise.all([postgres.stop(), redis.stop()]);
  }

  const rows: Cell[][] = results.map((result) => {
    const s = stats(result.latencies);
    return [
      result.label,
      result.keystrokes,
      s.n,
      s.median.toFixed(1),
      s.p95.toFixed(1),
      s.max.toFixed(1),
      result.nodes.map((node) => `${node.name}: ${node.cpuPercent.toFixed(0)}%`).join(', '),
      result.nodes.map((node) => `${node.name}: ${node.maxRssMb.toFixed(0)}`).join(', '),
      result.writesPerSecond === null ? '—' : result.writesPerSecond.toFixed(1),
      result.divergent,
      `${result.load[0].toFixed(1)} → ${result.load[1].toFixed(1)}`,
    ];
  });
  console.log(
    printTable({
      title: `Newsroom server: ${CLIENTS} clients in ${STORIES} stories, ${KEYS_PER_SECOND} keystrokes/s each for ${SECONDS} s (BENCH_CLIENTS, BENCH_STORIES, BENCH_SECONDS, BENCH_KEYS_PER_SECOND)`,
      headers: ['scenario', 'keystrokes', 'arrivals timed', 'median ms', 'p95 ms', 'max ms', 'CPU per node', 'max RSS MB per node', 'DB writes/s', 'divergent stories', 'load 1 min (typing start → end)'],
      rows,
      notes: [
        'Latency: from a keystroke at one client to its arrival at the first client of the same story (clients spread over the nodes; all clients run in this one process).',
        'CPU: the node process group’s CPU time over the typing window (100% = one core). DB writes: story stores committed per second. Divergent: stories whose replicas or database copy still differ after typing stopped and 120 s passed.',
        `${SHORT ? 'Short' : 'Full'} run in ${((performance.now() - runStarted) / 1000).toFixed(0)} s on ${cpus().length} cores, Node ${process.version}; load average (1/5/15 min) at start ${formatLoad(loadAtStart)}, at end ${formatLoad(loadavg())}.`,
      ],
    }),
  );
  if (results.some((result) => result.divergent > 0)) process.exitCode = 1;
}

await main();
