#!/usr/bin/env node
// Runs in: Node (CI and developers). `npm test`: the preflight (scripts/preflight.ts: checks the
// external parts, installs them as root on Debian), then every check and test runner in order, then
// one closing line that sums them all up: `tests: N passed, N failed, N skipped`.
// A runner or part that is missing (no Chromium, no WordPress, no report) counts as failed, with
// what to install, never as skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { summarizeVitest } from './summarize-vitest.mjs';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, '.tmp', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/** A check that is not a test runner (type-check, lint, build) counts as one test. */
function check(label, command, args, env) {
  const ok = run(label, command, args, env);
  totals[ok ? 'passed' : 'failed'] += 1;
  lines.push(`${ok ? 'PASS' : 'FAIL'} ${label}`);
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

// The external parts first: a missing one fails the run with its install command in the summary.
const preflightReport = join(reports, 'preflight.json');
run('preflight', 'npx', ['tsx', 'scripts/preflight.ts', '--report', preflightReport]);
const preflight = readJson(preflightReport);
if (!preflight) {
  totals.failed += 1;
  lines.push('FAIL preflight: no report (the check of the external parts did not complete, see above)');
} else {
  for (const part of preflight.missing) {
    totals.failed += 1;
    lines.push(`FAIL preflight: ${part.label} is missing, for ${part.neededBy} (${part.reason}). Install: ${part.fix}`);
  }
}

check('type-check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
check('lint', 'npx', ['eslint', '--max-warnings=0', '.']);
const built = check('build', 'npm', ['run', '--silent', 'build']);
check('electronegativity', 'node', ['scripts/run-electronegativity.mjs']);

// Unit and integration tests (Vitest).
const vitestReport = join(reports, 'vitest.json');
const notRunReport = join(reports, 'vitest-not-run.json');
const vitestOk = run(
  'vitest',
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`, '--reporter=./scripts/vitest-not-run-reporter.ts'],
  { DATELINE_VITEST_NOT_RUN: notRunReport },
);
const vitest = readJson(vitestReport);
// Tests a failed beforeAll stopped: Vitest's JSON calls them skipped and drops the reason.
const notRun = readJson(notRunReport) ?? [];
if (!vitest) {
  totals.failed += 1;
  lines.push('FAIL vitest: no report (the runner did not complete)');
} else {
  const summary = summarizeVitest({ report: vitest, notRun, exitOk: vitestOk, root });
  totals.passed += summary.passed;
  totals.failed += summary.failed;
  totals.skipped += summary.skipped;
  lines.push(...summary.lines);
}

// End-to-end tests (Playwright in the Chromium the preflight found; the _electron smoke test where
// the binary exists, under xvfb-run on a Linux machine without a display).
const onPath = (name) => (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, name)));
if (!preflight?.chromium) {
  totals.failed += 1;
  const fix = preflight?.missing.find((part) => part.id === 'chromium')?.fix ?? 'see the preflight above';
  lines.push(`FAIL playwright: no Chromium, so the end-to-end tests cannot run. Install: ${fix}`);
} else if (!built) {
  totals.failed += 1;
  lines.push('FAIL playwright: the build failed, so the end-to-end tests cannot run');
} else {
  const pwReport = join(reports, 'playwright.json');
  const headless = process.platform === 'linux' && !process.env.DISPLAY && preflight.electronBinary && onPath('xvfb-run');
  const [command, args] = headless ? ['xvfb-run', ['-a', 'npx', 'playwright', 'test']] : ['npx', ['playwright', 'test']];
  const pwOk = run('playwright', command, args, { PLAYWRIGHT_JSON_OUTPUT_NAME: pwReport, DATELINE_CHROMIUM: preflight.chromium });
  const pw = readJson(pwReport);
  if (!pw || (!pwOk && pw.stats.unexpected === 0)) {
    totals.failed += 1;
    lines.push(`FAIL playwright: ${pw ? `exited with an error (${(pw.errors ?? []).map((e) => e.message?.split('\\n')[0]).join('; ') || 'see above'})` : 'no report (the runner did not complete)'}`);
  } else {
    const s = pw.stats;
    totals.passed += s.expected + s.flaky;
    totals.failed += s.unexpected;
    totals.skipped += s.skipped;
    lines.push(`playwright: ${s.expected} passed, ${s.unexpected} failed, ${s.flaky} flaky, ${s.skipped} skipped`);
    for (const skipped of collectSkips(pw)) lines.push(`  skipped: ${skipped}`);
  }
}

function collectSkips(report) {
  const out = [];
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === 'skipped') {
          const why = t.annotations?.find((a) => a.type === 'skip')?.description ?? 'no reason given';
          out.push(`${spec.title}: ${why}`);
        }
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites ?? []) visit(suite);
  return out;
}

console.log('\n=== summary');
for (const line of lines) console.log(line);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
