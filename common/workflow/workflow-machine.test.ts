// Runs in: vitest (node). The editorial workflow as the desk lives it: every status × action for an
// editor, a reporter on their own story and a reporter on a colleague's, checked against tables
// written out by hand; then notes, schedules and what each event records.
import { describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES, type ArticleStatus } from '../article';
import { AppError } from '../app-error';
import type { NewsroomProfile } from './newsroom-profile';
import { WORKFLOW_ACTIONS, type WorkflowAction } from './workflow-event';
import { allowedActions, transition, type TransitionInput, type WorkflowSubject } from './workflow-machine';

const NOW = '2026-11-25T10:00:00+08:00';
const LATER = '2026-11-25T18:00:00+08:00';
const EDITOR: NewsroomProfile = { name: 'Wang Fang', role: 'editor' };
const REPORTER: NewsroomProfile = { name: 'Li Wei', role: 'reporter' };
const COLLEAGUE = 'Chen Jing';

// Cell: the status the action leads to; "-" the action does not apply from this status
// ('conflict'); "denied" the role may not take it ('permission-denied').
const EDITOR_TABLE = `
  status             submit     request-changes    approve   schedule   publish    spike   correct    reopen
  draft              submitted  -                  -         -          -          spiked  -          -
  submitted          -          changes_requested  approved  -          -          spiked  -          -
  changes_requested  submitted  -                  -         -          -          spiked  -          -
  approved           -          -                  -         scheduled  published  spiked  -          -
  scheduled          -          -                  -         scheduled  published  spiked  -          -
  published          -          -                  -         -          -          -       corrected  -
  spiked             -          -                  -         -          -          -       -          draft
  corrected          -          -                  -         -          -          -       corrected  -
`;

const REPORTER_OWN_TABLE = `
  status             submit     request-changes    approve   schedule   publish    spike   correct    reopen
  draft              submitted  -                  -         -          -          spiked  -          -
  submitted          -          denied             denied    -          -          denied  -          -
  changes_requested  submitted  -                  -         -          -          denied  -          -
  approved           -          -                  -         denied     denied     denied  -          -
  scheduled          -          -                  -         denied     denied     denied  -          -
  published          -          -                  -         -          -          -       denied     -
  spiked             -          -                  -         -          -          -       -          denied
  corrected          -          -                  -         -          -          -       denied     -
`;

const REPORTER_OTHERS_TABLE = `
  status             submit     request-changes    approve   schedule   publish    spike   correct    reopen
  draft              denied     -                  -         -          -          denied  -          -
  submitted          -          denied             denied    -          -          denied  -          -
  changes_requested  denied     -                  -         -          -          denied  -          -
  approved           -          -                  -         denied     denied     denied  -          -
  scheduled          -          -                  -         denied     denied     denied  -          -
  published          -          -                  -         -          -          -       denied     -
  spiked             -          -                  -         -          -          -       -          denied
  corrected          -          -                  -         -          -          -       denied     -
`;

type Cell = ArticleStatus | '-' | 'denied';

function parseTable(table: string): Map<string, Cell> {
  const [header, ...rows] = table
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/));
  expect(header?.slice(1)).toEqual([...WORKFLOW_ACTIONS]);
  expect(rows.map((r) => r[0])).toEqual([...ARTICLE_STATUSES]);
  const cells = new Map<string, Cell>();
  for (const row of rows) {
    expect(row).toHaveLength(WORKFLOW_ACTIONS.length + 1);
    WORKFLOW_ACTIONS.forEach((action, i) => cells.set(`${row[0]}/${action}`, row[i + 1] as Cell));
  }
  return cells;
}

function validInput(action: WorkflowAction): TransitionInput {
  return {
    id: `evt-${action}`,
    at: NOW,
    note: 'Because the desk said so.',
    scheduledAt: action === 'schedule' ? LATER : undefined,
    revision: 7,
  };
}

function outcome(subject: WorkflowSubject, action: WorkflowAction, actor: NewsroomProfile): Cell {
  try {
    return transition(subject, action, actor, validInput(action)).status;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'conflict') return '-';
    if (error.code === 'permission-denied') return 'denied';
    throw error;
  }
}

const CASES = [
  { who: 'an editor, on anyone’s article', actor: EDITOR, owner: COLLEAGUE, isOwn: false, table: EDITOR_TABLE },
  { who: 'a reporter, on their own article', actor: REPORTER, owner: REPORTER.name, isOwn: true, table: REPORTER_OWN_TABLE },
  { who: 'a reporter, on a colleague’s article', actor: REPORTER, owner: COLLEAGUE, isOwn: false, table: REPORTER_OTHERS_TABLE },
] as const;

describe('who may move an article where', () => {
  for (const c of CASES) {
    it(`${c.who}: every status × action gives exactly the expected outcome`, () => {
      const expected = parseTable(c.table);
      const actual = new Map<string, Cell>();
      for (const status of ARTICLE_STATUSES) {
        for (const action of WORKFLOW_ACTIONS) actual.set(`${status}/${action}`, outcome({ status, owner: c.owner }, action, c.actor));
      }
      expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    });

    it(`${c.who}: the action menu offers exactly the allowed actions`, () => {
      const expected = parseTable(c.table);
      for (const status of ARTICLE_STATUSES) {
        const allowed = WORKFLOW_ACTIONS.filter((a) => !['-', 'denied'].includes(expected.get(`${status}/${a}`) ?? '-'));
        expect({ status, actions: allowedActions(status, c.actor.role, c.isOwn) }).toEqual({ status, actions: allowed });
      }
    });
  }

  it('a draft never submitted has no owner yet, so it is the reporter’s own', () => {
    expect(transition({ status: 'draft' }, 'submit', REPORTER, validInput('submit')).status).toBe('submitted');
    expect(transition({ status: 'draft', owner: null }, 'spike', REPORTER, validInput('spike')).status).toBe('spiked');
    expect(allowedActions('draft', 'reporter')).toEqual(['submit', 'spike']);
  });

  it('ownership ignores stray spaces around the name', () => {
    const result = transition({ status: 'changes_requested', owner: ' Li Wei ' }, 'submit', REPORTER, validInput('submit'));
    expect(result.status).toBe('submitted');
  });

  it('explains a refusal in words the reporter understands', () => {
    expect(() => transition({ status: 'submitted' }, 'approve', REPORTER, validInput('approve'))).toThrow('Only editors can approve articles.');
    expect(() => transition({ status: 'submitted' }, 'spike', REPORTER, validInput('spike'))).toThrow(
      "Reporters can spike an article only while it is a draft; once the desk has it, that is an editor's decision.",
    );
    expect(() => transition({ status: 'draft', owner: COLLEAGUE }, 'submit', REPORTER, validInput('submit'))).toThrow(
      'This article belongs to Chen Jing: reporters can submit only their own articles.',
    );
    expect(() => transition({ status: 'published' }, 'spike', EDITOR, validInput('spike'))).toThrow(
      'Cannot spike: the article is published. Only an unpublished article can be spiked; a published one is corrected instead.',
    );
    expect(() => transition({ status: 'approved' }, 'approve', EDITOR, validInput('approve'))).toThrow(
      'Cannot approve: the article is approved. Only a submitted article can be approved.',
    );
  });
});

describe('notes', () => {
  const needNote: [ArticleStatus, WorkflowAction][] = [
    ['submitted', 'request-changes'],
    ['draft', 'spike'],
    ['scheduled', 'spike'],
    ['published', 'correct'],
    ['corrected', 'correct'],
  ];
  for (const [status, action] of needNote) {
    it(`an editor cannot ${action} a ${status} article without a note, blank or not`, () => {
      for (const note of [undefined, '', '   \n ']) {
        const error = catchError(() => transition({ status }, action, EDITOR, { ...validInput(action), note }));
        expect(error).toMatchObject({ code: 'invalid-input', details: { field: 'note' } });
      }
    });
  }

  it('the note says what the editor typed, without the surrounding spaces', () => {
    const { event } = transition({ status: 'submitted' }, 'request-changes', EDITOR, { ...validInput('request-changes'), note: '  Second source, please.\n' });
    expect(event.note).toBe('Second source, please.');
  });

  it('submitting, approving, publishing and reopening need no note; an absent one is recorded as null', () => {
    const cases: [ArticleStatus, WorkflowAction][] = [
      ['draft', 'submit'],
      ['submitted', 'approve'],
      ['approved', 'publish'],
      ['spiked', 'reopen'],
    ];
    for (const [status, action] of cases) {
      expect(transition({ status }, action, EDITOR, { id: 'e1', at: NOW }).event.note).toBeNull();
    }
  });

  it('refuses a note longer than 5000 characters', () => {
    const error = catchError(() => transition({ status: 'draft' }, 'spike', EDITOR, { ...validInput('spike'), note: 'x'.repeat(5001) }));
    expect(error).toMatchObject({ code: 'invalid-input', details: { field: 'note' } });
  });
});

describe('scheduling', () => {
  it('schedules an approved article for later and records the time', () => {
    const { status, event } = transition({ status: 'approved' }, 'schedule', EDITOR, { id: 's1', at: NOW, scheduledAt: LATER });
    expect(status).toBe('scheduled');
    expect(event.scheduledAt).toBe(LATER);
  });

  it('moves a scheduled article to another time', () => {
    const later = '2026-11-26T07:00:00+08:00';
    expect(transition({ status: 'scheduled' }, 'schedule', EDITOR, { id: 's2', at: NOW, scheduledAt: later }).event).toMatchObject({
      from: 'scheduled',
      to: 'scheduled',
      scheduledAt: later,
    });
  });

  it('refuses a time in the past, or exactly now, comparing across time zones', () => {
    for (const scheduledAt of ['2026-11-25T09:59:00+08:00', '2026-11-25T02:00:00Z', '2026-11-25T03:00:00+01:00']) {
      const error = catchError(() => transition({ status: 'approved' }, 'schedule', EDITOR, { id: 's3', at: NOW, scheduledAt }));
      expect(error).toMatchObject({ code: 'invalid-input', details: { field: 'scheduledAt' } });
      expect(error.message).toContain('in the past');
    }
    // One minute after 10:00 in Beijing, written in UTC.
    expect(transition({ status: 'approved' }, 'schedule', EDITOR, { id: 's4', at: NOW, scheduledAt: '2026-11-25T02:01:00Z' }).status).toBe('scheduled');
  });

  it('refuses a schedule without a time, or with one that is not a date', () => {
    for (const scheduledAt of [undefined, '', 'tomorrow', '2026-11-26T09:00:00']) {
      const error = catchError(() => transition({ status: 'approved' }, 'schedule', EDITOR, { id: 's5', at: NOW, scheduledAt }));
      expect(error.code).toBe('invalid-input');
    }
  });

  it('a publication time given with any other action is a mistake, not silently dropped', () => {
    const error = catchError(() => transition({ status: 'approved' }, 'publish', EDITOR, { id: 'p1', at: NOW, scheduledAt: LATER }));
    expect(error).toMatchObject({ code: 'invalid-input', details: { field: 'scheduledAt' } });
  });
});

describe('the recorded event', () => {
  it('says who did what, from which status to which, when, on which revision, and why', () => {
    const { event } = transition({ status: 'submitted', owner: REPORTER.name }, 'request-changes', { name: ' Wang Fang ', role: 'editor' }, {
      id: '01jc-evt-1',
      at: NOW,
      note: 'Needs a second source.',
      revision: 12,
    });
    expect(event).toEqual({
      id: '01jc-evt-1',
      action: 'request-changes',
      from: 'submitted',
      to: 'changes_requested',
      by: { name: 'Wang Fang', role: 'editor' },
      at: NOW,
      note: 'Needs a second source.',
      scheduledAt: null,
      revision: 12,
    });
  });

  it('refuses an actor without a name or with an unknown role', () => {
    for (const actor of [{ name: '  ', role: 'editor' }, { name: 'X', role: 'publisher' }] as NewsroomProfile[]) {
      expect(catchError(() => transition({ status: 'draft' }, 'submit', actor, validInput('submit'))).code).toBe('invalid-input');
    }
  });

  it('refuses a malformed time, event id, revision or action', () => {
    expect(catchError(() => transition({ status: 'draft' }, 'submit', EDITOR, { id: 'e', at: 'now' })).code).toBe('invalid-input');
    expect(catchError(() => transition({ status: 'draft' }, 'submit', EDITOR, { id: '../x', at: NOW })).code).toBe('invalid-input');
    expect(catchError(() => transition({ status: 'draft' }, 'submit', EDITOR, { id: 'e', at: NOW, revision: -1 })).code).toBe('invalid-input');
    expect(catchError(() => transition({ status: 'draft' }, 'delete' as WorkflowAction, EDITOR, { id: 'e', at: NOW })).code).toBe('invalid-input');
  });
});

function catchError(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError, but nothing was thrown');
}
