// Runs in: Node (`npm test`'s runner). Pure: Vitest's JSON report plus the not-run report
// (scripts/vitest-not-run-reporter.ts) -> counts and summary lines. Tests a failed beforeAll
// stopped count as failed with the hook's error, never as skipped; every real skip is named.

/**
 * @param {{ report: any, notRun: Array<{ file: string, suite: string | null, error: string, tests: string[] }>, exitOk: boolean, root: string }} input
 * @returns {{ passed: number, failed: number, skipped: number, lines: string[] }}
 */
export function summarizeVitest({ report, notRun, exitOk, root }) {
  const lines = [];
  const relative = (file) => file.replace(root, '');
  const stopped = new Set(notRun.flatMap((entry) => entry.tests.map((test) => `${entry.file}\u0000${test}`)));
  const stoppedCount = notRun.reduce((sum, entry) => sum + entry.tests.length, 0);
  // A file that failed to load (or whose hook failed without stopping a test) has no failed test of
  // its own: count it as one failure.
  const brokenFiles = report.testResults.filter(
    (f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed') && !notRun.some((entry) => entry.file === f.name && entry.tests.length > 0),
  );
  const failed = report.numFailedTests + stoppedCount + brokenFiles.length + (!exitOk && report.numFailedTests === 0 && stoppedCount === 0 && brokenFiles.length === 0 ? 1 : 0);
  const skipped = report.numPendingTests + (report.numTodoTests ?? 0) - stoppedCount;
  lines.push(`vitest: ${report.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
  for (const entry of notRun.filter((e) => e.tests.length > 0)) {
    const where = `${relative(entry.file)}${entry.suite ? ` > ${entry.suite}` : ''}`;
    lines.push(`  FAIL (${entry.tests.length} test${entry.tests.length === 1 ? '' : 's'} did not run) ${where}: ${entry.error.split('\n')[0]}`);
  }
  for (const file of brokenFiles) {
    const why = String(file.message ?? '').split('\n')[0] || notRun.find((entry) => entry.file === file.name)?.error.split('\n')[0] || 'failed without a message (see the output above)';
    lines.push(`  FAIL (did not run) ${relative(file.name)}: ${why}`);
  }
  // Every skip is named, so none goes unnoticed.
  for (const file of report.testResults) {
    for (const test of file.assertionResults.filter((a) => a.status === 'pending' || a.status === 'skipped' || a.status === 'todo')) {
      const name = [...(test.ancestorTitles ?? []), test.title].join(' > ');
      if (!stopped.has(`${file.name}\u0000${name}`)) lines.push(`  skipped: ${relative(file.name)} > ${name}`);
    }
  }
  return { passed: report.numPassedTests, failed, skipped, lines };
}
