// Runs in: vitest (node). npm test's summary on a machine without WordPress: the tests the
// fixture's beforeAll stopped are failures with the fixture's message, not skips with no reason.
import { describe, expect, it } from 'vitest';
import { summarizeVitest } from './summarize-vitest.mjs';

const ROOT = '/repo/';
const FILE = '/repo/tests/integration/wordpress-hub.test.ts';
const FIXTURE_ERROR =
  'WordPressFixtureError: Cannot start the test WordPress: missing php (package php-cli). Install the Debian packages (as root): apt-get update && apt-get install -y --no-install-recommends wordpress php-cli mariadb-server';

const assertion = (ancestorTitles, title, status) => ({ ancestorTitles, fullName: [...ancestorTitles, title].join(' '), title, status, failureMessages: [] });

/** What Vitest 4's JSON reporter writes for a file whose beforeAll threw (checked against a real run). */
const report = {
  numPassedTests: 2,
  numFailedTests: 0,
  numPendingTests: 3,
  numTodoTests: 0,
  testResults: [
    {
      name: FILE,
      status: 'failed',
      message: '',
      assertionResults: [assertion(['the WordPress review hub'], 'submits a story', 'skipped'), assertion(['the WordPress review hub'], 'approves it', 'skipped')],
    },
    {
      name: '/repo/electron/services/publish/folder/folder-target.test.ts',
      status: 'passed',
      message: '',
      assertionResults: [assertion(['folder target'], 'writes the page', 'passed'), assertion(['folder target'], 'a read-only folder is permission-denied (not checkable as root)', 'skipped'), assertion([], 'other', 'passed')],
    },
  ],
};
const notRun = [{ file: FILE, suite: 'the WordPress review hub', error: FIXTURE_ERROR, tests: ['the WordPress review hub > submits a story', 'the WordPress review hub > approves it'] }];

describe('the Vitest part of the npm test summary', () => {
  it('counts tests a failed beforeAll stopped as failed, with the fixture’s message as the reason', () => {
    const summary = summarizeVitest({ report, notRun, exitOk: false, root: ROOT });
    expect(summary).toMatchObject({ passed: 2, failed: 2, skipped: 1 });
    expect(summary.lines).toEqual([
      'vitest: 2 passed, 2 failed, 1 skipped',
      `  FAIL (2 tests did not run) tests/integration/wordpress-hub.test.ts > the WordPress review hub: ${FIXTURE_ERROR}`,
      '  skipped: electron/services/publish/folder/folder-target.test.ts > folder target > a read-only folder is permission-denied (not checkable as root)',
    ]);
  });

  it('never prints an empty reason for a file that failed without a failing test', () => {
    const summary = summarizeVitest({ report, notRun: [], exitOk: false, root: ROOT });
    expect(summary.failed).toBe(1);
    expect(summary.lines).toContain('  FAIL (did not run) tests/integration/wordpress-hub.test.ts: failed without a message (see the output above)');
  });

  it('counts a runner that failed with nothing to show as one failure', () => {
    const clean = { numPassedTests: 1, numFailedTests: 0, numPendingTests: 0, testResults: [{ name: '/repo/a.test.ts', status: 'passed', message: '', assertionResults: [assertion([], 'a', 'passed')] }] };
    expect(summarizeVitest({ report: clean, notRun: [], exitOk: false, root: ROOT })).toMatchObject({ passed: 1, failed: 1, skipped: 0 });
    expect(summarizeVitest({ report: clean, notRun: [], exitOk: true, root: ROOT })).toMatchObject({ passed: 1, failed: 0, skipped: 0 });
  });
});
