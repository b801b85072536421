// Runs in: vitest (node). A beforeAll that fails (the WordPress fixture on a machine without
// WordPress) stops its tests: they are reported as not run, with the hook's error, never as skips.
import { describe, expect, it } from 'vitest';
import { findTestsNotRun } from './vitest-not-run-reporter';

type Mode = 'run' | 'only' | 'skip' | 'todo';
const test = (fullName: string, state: string, mode: Mode = 'run') => ({ fullName, options: { mode }, result: () => ({ state }) });
type FakeTest = ReturnType<typeof test>;
interface FakeSuite {
  fullName?: string;
  errors(): { message?: string; name?: string }[];
  children: { allTests(): FakeTest[]; allSuites(): FakeSuite[] };
}
const suite = (fullName: string | undefined, errors: { message?: string; name?: string }[], tests: FakeTest[], suites: FakeSuite[] = []): FakeSuite => ({
  fullName,
  errors: () => errors,
  children: { allTests: () => [...tests, ...suites.flatMap((s) => s.children.allTests())], allSuites: () => suites.flatMap((s) => [s, ...s.children.allSuites()]) },
});

const FIXTURE_ERROR = { name: 'WordPressFixtureError', message: 'Cannot start the test WordPress: missing php (package php-cli). Install the Debian packages (as root): apt-get update && apt-get install -y ...' };

describe('tests a failed hook stopped', () => {
  it('are listed per failed suite with the hook’s error, so the runner counts them as failed with that reason', () => {
    const pretty = suite('a test WordPress with pretty permalinks', [FIXTURE_ERROR], [test('a test WordPress with pretty permalinks > advertises its REST root', 'skipped'), test('a test WordPress with pretty permalinks > keeps a Chinese headline', 'skipped')]);
    const healthy = suite('when the machine lacks WordPress', [], [test('when the machine lacks WordPress > fails loudly', 'passed')]);
    const file = { moduleId: '/repo/tests/integration/wordpress-fixture.test.ts', ...suite(undefined, [], [], [pretty, healthy]) };
    expect(findTestsNotRun([file])).toEqual([
      {
        file: '/repo/tests/integration/wordpress-fixture.test.ts',
        suite: 'a test WordPress with pretty permalinks',
        error: `WordPressFixtureError: ${FIXTURE_ERROR.message}`,
        tests: ['a test WordPress with pretty permalinks > advertises its REST root', 'a test WordPress with pretty permalinks > keeps a Chinese headline'],
      },
    ]);
  });

  it('leaves deliberate skips (skipIf, todo) alone and counts a test once under nested failed suites', () => {
    const inner = suite('outer > inner', [{ message: 'inner hook' }], [test('outer > inner > c', 'skipped')]);
    const outer = suite('outer', [{ message: 'outer hook' }], [test('outer > a', 'skipped'), test('outer > b', 'skipped', 'skip'), test('outer > t', 'skipped', 'todo')], [inner]);
    const file = { moduleId: '/repo/x.test.ts', ...suite(undefined, [], [], [outer]) };
    expect(findTestsNotRun([file])).toEqual([
      { file: '/repo/x.test.ts', suite: 'outer', error: 'outer hook', tests: ['outer > a', 'outer > inner > c'] },
      { file: '/repo/x.test.ts', suite: 'outer > inner', error: 'inner hook', tests: [] },
    ]);
  });

  it('never gives an empty reason, even for an error without a message', () => {
    const file = { moduleId: '/repo/y.test.ts', ...suite(undefined, [{ message: '' }], [test('a', 'skipped')]) };
    expect(findTestsNotRun([file])).toEqual([{ file: '/repo/y.test.ts', suite: null, error: 'failed without a message (see the output above)', tests: ['a'] }]);
  });

  it('reports nothing for a file whose hooks all passed', () => {
    const file = { moduleId: '/repo/z.test.ts', ...suite(undefined, [], [test('a', 'passed'), test('b', 'skipped', 'skip')]) };
    expect(findTestsNotRun([file])).toEqual([]);
  });
});
