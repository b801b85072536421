// Runs in: vitest (Node). Each benchmark table carries the load average at its start and end.
import { describe, expect, it } from 'vitest';
import { loadNote, withLoadNote } from '../bench/load-note';

describe('loadNote', () => {
  it('prints the 1, 5 and 15 minute load at start and at end', () => {
    expect(loadNote([0.42, 0.6, 0.71], [2.06, 0.9, 0.8])).toBe('Load average (1 / 5 / 15 min): 0.4 / 0.6 / 0.7 at start, 2.1 / 0.9 / 0.8 at end.');
  });

  it('adds the note under a table, after its own notes', () => {
    const table = withLoadNote({ title: 'Typing', headers: ['a'], rows: [[1]], notes: ['Aim met.'] }, [1, 1, 1], [2, 2, 2]);
    expect(table.notes).toEqual(['Aim met.', 'Load average (1 / 5 / 15 min): 1.0 / 1.0 / 1.0 at start, 2.0 / 2.0 / 2.0 at end.']);
  });
});
