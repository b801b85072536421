// Runs in: test processes. Kills the serving process with SIGKILL in the middle of saves, again
// and again, and checks after every kill that article.json is a whole version: the previous one
// or the new one, never torn. Shared by the CI test (20 kills) and the stress script (1,000+).
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { articleSchema, type Article, type DocNode } from '../../common/article';
import { hostClient } from '../support/host-client';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface CrashReport {
  kills: number;
  /** Kills that landed while a save was in flight (the interesting ones). */
  killsDuringSave: number;
  savesAcknowledged: number;
  /** Times the file on disk held the version whose save was in flight when the kill came. */
  newVersionSurvived: number;
  problems: string[];
}

/** A body of roughly `paragraphs` paragraphs whose every paragraph names the version. */
function bodyFor(version: number, paragraphs: number): DocNode {
  const content: DocNode[] = [];
  for (let i = 0; i < paragraphs; i++) {
    content.push({ type: 'paragraph', content: [{ type: 'text', text: `v${version} 第${i}段 The council met again on Tuesday to discuss the budget. 市议会周二再次开会讨论预算。` }] });
  }
  return { type: 'doc', content };
}

function versionOf(article: Article): number {
  const match = /^v(\d+) /.exec(article.body.content?.[0]?.content?.[0]?.text ?? '');
  return match ? Number(match[1]) : -1;
}

async function startServing(dataDir: string, staticDir: string, useBuilt: boolean) {
  const args = useBuilt ? [join(ROOT, 'dist', 'host', 'serve.mjs')] : ['--import', 'tsx', join(ROOT, 'electron', 'host', 'serve.ts')];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, DATELINE_DATA_DIR: dataDir, DATELINE_STATIC_DIR: staticDir, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`host did not start: ${out}`)), 30_000);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /^DATELINE_URL=(\S+)$/m.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`host exited with ${code}: ${out}`));
    });
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return { url, kill: async () => (child.kill('SIGKILL'), await exited) };
}

export async function runCrashCycles(options: { kills: number; useBuilt?: boolean; paragraphs?: number; log?: (line: string) => void }): Promise<CrashReport> {
  const work = await mkdtemp(join(tmpdir(), 'dateline-crash-'));
  const dataDir = join(work, 'data');
  const staticDir = join(work, 'static');
  await mkdir(staticDir, { recursive: true });
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>crash test</title>');
  const report: CrashReport = { kills: 0, killsDuringSave: 0, savesAcknowledged: 0, newVersionSurvived: 0, problems: [] };
  const paragraphs = options.paragraphs ?? 400;
  const last: { acknowledged: Article | null } = { acknowledged: null };
  try {
    for (let cycle = 0; cycle < options.kills; cycle++) {
      const host = await startServing(dataDir, staticDir, options.useBuilt ?? false);
      const client = hostClient(host.url);
      const before = last.acknowledged;
      let current: Article = before ? await client.call('articles.get', { id: before.id }) : await client.call('articles.create', { language: 'zh-CN' });
      if (before && versionOf(current) < versionOf(before)) {
        report.problems.push(`cycle ${cycle}: reopened version ${versionOf(current)} is older than acknowledged ${versionOf(before)}`);
      }
      let inFlight = -1;
      let stop = false;
      let acknowledged: () => void = () => undefined;
      const firstAck = new Promise<void>((resolve) => {
        acknowledged = resolve;
      });
      const saving = (async () => {
        while (!stop) {
          const version = Math.max(versionOf(current), 0) + 1;
          const next: Article = { ...current, headline: `版本 ${version}`, body: bodyFor(version, paragraphs) };
          inFlight = version;
          try {
            const saved = await client.call('articles.save', { article: next, explicit: version % 5 === 0 });
            current = { ...next, revision: saved.revision, updatedAt: saved.updatedAt };
            last.acknowledged = current;
            report.savesAcknowledged++;
            acknowledged();
            inFlight = -1;
          } catch {
            return; // the host was killed under us
          }
        }
      })();
      // Let at least one save of this cycle land (however slow the machine), then kill at a random moment of the next.
      // The save loop ends early (without an acknowledgement) only if the host died by itself.
      await Promise.race([firstAck, saving]);
      // Random on purpose: where the kill lands within a save is what this stress samples.
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 120)));
      const killedDuring = inFlight;
      stop = true;
      await host.kill();
      await saving;
      report.kills++;
      if (killedDuring > 0) report.killsDuringSave++;

      // The file on disk must be a whole article: the acknowledged version or the one in flight.
      const id = current.id;
      const file = join(dataDir, 'library', 'articles', id, 'article.json');
      let onDisk: Article;
      try {
        onDisk = articleSchema.parse(JSON.parse(await readFile(file, 'utf8')));
      } catch (error) {
        report.problems.push(`cycle ${cycle}: article.json is torn or invalid: ${(error as Error).message.slice(0, 200)}`);
        continue;
      }
      const diskVersion = versionOf(onDisk);
      const ackVersion = last.acknowledged ? versionOf(last.acknowledged) : -1;
      const allowed = new Set([ackVersion, killedDuring, ackVersion + 1]);
      if (!allowed.has(diskVersion)) report.problems.push(`cycle ${cycle}: disk holds version ${diskVersion}, expected ${[...allowed].join(' or ')}`);
      if (killedDuring > 0 && diskVersion === killedDuring) report.newVersionSurvived++;
      if (onDisk.headline !== `版本 ${diskVersion}` && diskVersion > 0) report.problems.push(`cycle ${cycle}: headline and body disagree`);
      const leftovers = (await readdir(join(dataDir, 'library', 'articles', id))).filter((n) => n.endsWith('.tmp'));
      options.log?.(`cycle ${cycle + 1}/${options.kills}: disk v${diskVersion}, acknowledged v${ackVersion}, in flight ${killedDuring > 0 ? `v${killedDuring}` : 'none'}, temp files ${leftovers.length}`);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return report;
}
