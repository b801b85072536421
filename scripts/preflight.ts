// Runs in: Node (`npm test` runs it first; `npx tsx scripts/preflight.ts --check-only` by hand).
// Checks every external part the tests need before any test runs, prints one block naming what is
// missing and the one command that installs it all, and as root on Debian runs that command
// (unless DATELINE_NO_INSTALL=1 or --check-only). `--report FILE` writes what is still missing as
// JSON for the test runner's summary. Exits 1 when something is still missing.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { electronBinary } from '../tests/support/electron-binary';
import { chromiumExecutablePath } from '../tests/support/chromium-executable';
import { partFix } from './preflight/plan-preflight';
import { probeMachine, probeParts } from './preflight/probe-parts';
import { runPreflight } from './preflight/run-preflight';

const root = join(import.meta.dirname, '..');

function aptGet(args: string[]): boolean {
  const result = spawnSync('apt-get', ['-qq', ...args], { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, maxBuffer: 64 * 1024 * 1024 });
  if (result.status === 0) return true;
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
  console.error(`apt-get ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}`);
  return false;
}

function install(packages: readonly string[]): boolean {
  return aptGet(['update']) && aptGet(['install', '-y', '--no-install-recommends', ...packages]);
}

const argv = process.argv.slice(2);
const reportIndex = argv.indexOf('--report');
const reportFile = reportIndex >= 0 ? argv[reportIndex + 1] : undefined;

const outcome = runPreflight({
  probe: probeParts,
  machine: probeMachine(process.env, argv.includes('--check-only')),
  install,
  print: (text) => console.log(text),
});

if (reportFile) {
  mkdirSync(dirname(reportFile), { recursive: true });
  const report = {
    missing: outcome.plan.missing.map((part) => ({ id: part.id, label: part.label, neededBy: part.neededBy, reason: part.reason, fix: partFix(part, outcome.plan) })),
    installCommand: outcome.plan.installCommand,
    chromium: chromiumExecutablePath() ?? null,
    electronBinary: electronBinary(root),
  };
  writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
}
process.exit(outcome.plan.missing.length > 0 ? 1 : 0);
