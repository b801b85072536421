// Runs in: Vitest (a reporter `npm test` adds). Vitest's JSON report drops the error of a failed
// beforeAll and lists the tests it stopped as merely skipped, with an empty file message. This
// reporter writes, per failed suite, the error and the tests that never ran, so the runner can
// count them as failed with that reason (e.g. the WordPress fixture naming missing packages).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/** The parts of Vitest's reported tasks this reporter reads (so tests can pass plain objects). */
interface ReportedTest {
  readonly fullName: string;
  readonly options: { readonly mode: 'run' | 'only' | 'skip' | 'todo' };
  result(): { readonly state: string };
}
interface ReportedSuite {
  readonly fullName?: string;
  errors(): ReadonlyArray<{ readonly message?: string; readonly name?: string }>;
  readonly children: { allTests(): Iterable<ReportedTest>; allSuites(): Iterable<ReportedSuite> };
}
interface ReportedModule extends ReportedSuite {
  readonly moduleId: string;
}

export interface TestsNotRun {
  file: string;
  /** The failed suite's full name; null for the file itself (a top-level hook or a load error). */
  suite: string | null;
  error: string;
  tests: string[];
}

function describeError(errors: ReturnType<ReportedSuite['errors']>): string {
  const first = errors[0];
  const text = [first?.name && first.name !== 'Error' ? `${first.name}:` : '', first?.message ?? ''].join(' ').trim();
  return text || 'failed without a message (see the output above)';
}

export function findTestsNotRun(modules: Iterable<ReportedModule>): TestsNotRun[] {
  const found: TestsNotRun[] = [];
  for (const module of modules) {
    const counted = new Set<ReportedTest>();
    const visit = (suite: ReportedSuite, name: string | null) => {
      const errors = suite.errors();
      if (errors.length === 0) return;
      const tests = [...suite.children.allTests()].filter((test) => !counted.has(test) && test.options.mode === 'run' && test.result().state === 'skipped');
      for (const test of tests) counted.add(test);
      found.push({ file: module.moduleId, suite: name, error: describeError(errors), tests: tests.map((test) => test.fullName) });
    };
    visit(module, null);
    for (const suite of module.children.allSuites()) visit(suite, suite.fullName ?? null);
  }
  return found;
}

/** Writes to DATELINE_VITEST_NOT_RUN (the runner sets it), or .tmp/reports/vitest-not-run.json. */
export default class NotRunReporter implements Reporter {
  private readonly outputFile: string;

  constructor(options: { outputFile?: string } = {}) {
    this.outputFile = options.outputFile ?? process.env.DATELINE_VITEST_NOT_RUN ?? '.tmp/reports/vitest-not-run.json';
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    mkdirSync(dirname(this.outputFile), { recursive: true });
    writeFileSync(this.outputFile, `${JSON.stringify(findTestsNotRun(modules), null, 2)}\n`);
  }
}
