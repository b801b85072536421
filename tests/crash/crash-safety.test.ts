// A reporter's machine dies mid-save, twenty times in a row: every time, the article on disk is
// a whole version (the last saved one or the one being saved), and the library opens again.
import { describe, expect, it } from 'vitest';
import { runCrashCycles } from './crash-cycles';

describe('crash safety', () => {
  it('survives 20 SIGKILLs of the serving process in the middle of saves', async () => {
    const report = await runCrashCycles({ kills: 20 });
    expect(report.problems).toEqual([]);
    expect(report.kills).toBe(20);
    // The test is only meaningful if kills really landed during saves.
    expect(report.killsDuringSave).toBeGreaterThanOrEqual(10);
    expect(report.savesAcknowledged).toBeGreaterThanOrEqual(20);
  }, 300_000);
});
