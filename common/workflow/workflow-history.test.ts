// Runs in: vitest (node). A story's trip through the desk, recorded event by event: who did what
// and when, whose story it is, and what happens when two editors act at once.
import { describe, expect, it } from 'vitest';
import type { ArticleStatus } from '../article';
import type { NewsroomProfile } from './newsroom-profile';
import type { WorkflowAction } from './workflow-event';
import {
  appendEvent,
  currentStatusOf,
  emptyHistory,
  lastEventOf,
  lastSeenBy,
  ownerOf,
  submissionsOf,
  submittedAt,
  workflowHistorySchema,
  type WorkflowHistory,
} from './workflow-history';
import { transition, type TransitionInput } from './workflow-machine';

const REPORTER: NewsroomProfile = { name: 'Li Wei', role: 'reporter' };
const EDITOR: NewsroomProfile = { name: 'Wang Fang', role: 'editor' };
const NIGHT_EDITOR: NewsroomProfile = { name: 'Zhao Lei', role: 'editor' };

/** Takes the action through the machine and records it, as the services will. */
function act(history: WorkflowHistory, actor: NewsroomProfile, action: WorkflowAction, input: Omit<TransitionInput, 'id'>): WorkflowHistory {
  const status: ArticleStatus = currentStatusOf(history);
  const { event } = transition({ status, owner: ownerOf(history) }, action, actor, { id: `evt-${history.events.length + 1}`, ...input });
  return appendEvent(history, event);
}

function reviewedStory(): WorkflowHistory {
  let h = emptyHistory();
  h = act(h, REPORTER, 'submit', { at: '2026-11-25T09:00:00+08:00', revision: 4 });
  h = act(h, EDITOR, 'request-changes', { at: '2026-11-25T09:30:00+08:00', note: 'Name the minister.', revision: 4 });
  h = act(h, REPORTER, 'submit', { at: '2026-11-25T10:15:00+08:00', note: 'Done.', revision: 6 });
  h = act(h, EDITOR, 'approve', { at: '2026-11-25T10:40:00+08:00', revision: 6 });
  h = act(h, EDITOR, 'schedule', { at: '2026-11-25T10:41:00+08:00', scheduledAt: '2026-11-25T12:00:00+08:00', revision: 6 });
  h = act(h, EDITOR, 'publish', { at: '2026-11-25T12:00:00+08:00', revision: 6 });
  h = act(h, NIGHT_EDITOR, 'correct', { at: '2026-11-25T22:00:00+08:00', note: 'The minister is Liu, not Lu.', revision: 7 });
  return h;
}

describe('workflow history', () => {
  it('records every step of a story’s review: who, when, from and to, and the note', () => {
    const h = reviewedStory();
    expect(h.events.map((e) => [e.by.name, e.action, e.from, e.to, e.note])).toEqual([
      ['Li Wei', 'submit', 'draft', 'submitted', null],
      ['Wang Fang', 'request-changes', 'submitted', 'changes_requested', 'Name the minister.'],
      ['Li Wei', 'submit', 'changes_requested', 'submitted', 'Done.'],
      ['Wang Fang', 'approve', 'submitted', 'approved', null],
      ['Wang Fang', 'schedule', 'approved', 'scheduled', null],
      ['Wang Fang', 'publish', 'scheduled', 'published', null],
      ['Zhao Lei', 'correct', 'published', 'corrected', 'The minister is Liu, not Lu.'],
    ]);
    expect(currentStatusOf(h)).toBe('corrected');
  });

  it('survives a round trip through JSON on disk', () => {
    const h = reviewedStory();
    expect(workflowHistorySchema.parse(JSON.parse(JSON.stringify(h)))).toEqual(h);
  });

  it('answers the review queue and diff view: owner, submission time, what each person last saw', () => {
    const h = reviewedStory();
    expect(ownerOf(h)).toBe('Li Wei');
    expect(submittedAt(h)).toBe('2026-11-25T10:15:00+08:00');
    expect(submissionsOf(h).map((e) => e.revision)).toEqual([4, 6]);
    expect(lastEventOf(h, 'request-changes')?.note).toBe('Name the minister.');
    expect(lastEventOf(h, 'spike')).toBeNull();
    expect(lastSeenBy(h, 'Wang Fang')?.action).toBe('publish');
    expect(lastSeenBy(h, ' Li Wei')?.revision).toBe(6);
    expect(lastSeenBy(h, 'Nobody')).toBeNull();
  });

  it('a new article has no history: a draft without owner or submission', () => {
    const h = emptyHistory();
    expect(currentStatusOf(h)).toBe('draft');
    expect(ownerOf(h)).toBeNull();
    expect(submittedAt(h)).toBeNull();
  });

  it('once Li Wei has submitted, a colleague may not resubmit the story as theirs', () => {
    let h = act(emptyHistory(), REPORTER, 'submit', { at: '2026-11-25T09:00:00+08:00' });
    h = act(h, EDITOR, 'request-changes', { at: '2026-11-25T09:30:00+08:00', note: 'Shorter.' });
    expect(() => act(h, { name: 'Chen Jing', role: 'reporter' }, 'submit', { at: '2026-11-25T10:00:00+08:00' })).toThrow(
      expect.objectContaining({ code: 'permission-denied' }),
    );
  });

  it('when two editors act on the same submission at once, the second is told it lost, not silently applied', () => {
    const submitted = act(emptyHistory(), REPORTER, 'submit', { at: '2026-11-25T09:00:00+08:00' });
    // Both editors read "submitted"; Wang Fang approves first.
    const approved = act(submitted, EDITOR, 'approve', { at: '2026-11-25T09:10:00+08:00' });
    const spike = transition({ status: 'submitted' }, 'spike', NIGHT_EDITOR, { id: 'evt-late', at: '2026-11-25T09:11:00+08:00', note: 'Duplicate.' });
    expect(() => appendEvent(approved, spike.event)).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(() => appendEvent(approved, spike.event)).toThrow(/already approved \(by Wang Fang at 2026-11-25T09:10:00\+08:00\)/);
  });

  it('recording the same event twice (a retried write) changes nothing; a different event with its id is refused', () => {
    const h = act(emptyHistory(), REPORTER, 'submit', { at: '2026-11-25T09:00:00+08:00' });
    const event = h.events[0];
    if (!event) throw new Error('no event');
    expect(appendEvent(h, event)).toBe(h);
    expect(() => appendEvent(h, { ...event, note: 'edited' })).toThrow(expect.objectContaining({ code: 'conflict' }));
  });

  it('refuses a history file with an unknown action or a missing author', () => {
    const h = reviewedStory();
    const bad = JSON.parse(JSON.stringify(h)) as { events: Record<string, unknown>[] };
    if (bad.events[0]) bad.events[0].action = 'delete';
    expect(workflowHistorySchema.safeParse(bad).success).toBe(false);
    const noAuthor = JSON.parse(JSON.stringify(h)) as { events: Record<string, unknown>[] };
    if (noAuthor.events[1]) delete noAuthor.events[1].by;
    expect(workflowHistorySchema.safeParse(noAuthor).success).toBe(false);
  });
});
