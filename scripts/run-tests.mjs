#!/usr/bin/env node
// Runs in: Node (CI and developers). `npm test`: every check and test runner in order, then one
// closing line that sums them all up: `tests: N passed, N failed, N skipped`.
// A runner that cannot run (no Chromium, no report) counts as failed, never as skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

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

check('type-check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
check('lint', 'npx', ['eslint', '--max-warnings=0', '.']);
const built = check('build', 'npm', ['run', '--silent', 'build']);
check('electronegativity', 'node', ['scripts/run-electronegativity.mjs']);

// Unit and integration tests (Vitest).
const vitestReport = join(reports, 'vitest.json');
const vitestOk = run('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
const vitest = readJson(vitestReport);
if (!vitest) {
  totals.failed += 1;
  lines.push('FAIL vitest: no report (the runner did not complete)');
} else {
  // A file that failed to load has no failed test of its own: count it as one failure.
  const brokenFiles = vitest.testResults.filter((f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed'));
  const failed = vitest.numFailedTests + brokenFiles.length + (!vitestOk && vitest.numFailedTests === 0 && brokenFiles.length === 0 ? 1 : 0);
  totals.passed += vitest.numPassedTests;
  totals.failed += failed;
  totals.skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
  lines.push(`vitest: ${vitest.numPassedTests} passed, ${failed} failed, ${vitest.numPendingTests} skipped`);
  for (const file of brokenFiles) lines.push(`  FAIL (did not run) ${file.name}: ${String(file.message).split('\n')[0]}`);
  // Every skip is named, so none goes unnoticed.
  for (const file of vitest.testResults) {
    for (const test of file.assertionResults.filter((a) => a.status === 'pending' || a.status === 'skipped' || a.status === 'todo')) {
      lines.push(`  skipped: ${file.name.replace(root, '')} > ${test.fullName ?? test.title}`);
    }
  }
}

// End-to-end tests (Playwright in Debian's Chromium; the _electron smoke test where the binary exists).
if (!existsSync('/usr/bin/chromium')) {
  totals.failed += 1;
  lines.push('FAIL playwright: /usr/bin/chromium is missing (apt-get install chromium); end-to-end tests cannot run');
} else if (!built) {
  totals.failed += 1;
  lines.push('FAIL playwright: the build failed, so the end-to-end tests cannot run');
} else {
  const pwReport = join(reports, 'playwright.json');
  const pwOk = run('playwright', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwReport });
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
