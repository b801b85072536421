// Runs in: vitest (node). Who may open and edit a story on the newsroom server.
import { describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES } from '../article';
import { mayEditStory, mayOpenStory, workflowRoleOf } from './story-access';

describe('story access on the newsroom server', () => {
  it('lets a reporter open only their own stories, the desk and admins any', () => {
    expect(mayOpenStory('reporter', true)).toBe(true);
    expect(mayOpenStory('reporter', false)).toBe(false);
    expect(mayOpenStory('editor', false)).toBe(true);
    expect(mayOpenStory('admin', false)).toBe(true);
  });

  it('lets a reporter edit their story until the desk approves it, and nobody a spiked one', () => {
    const reporterEdits = ARTICLE_STATUSES.filter((status) => mayEditStory('reporter', status, true));
    expect([...reporterEdits].sort()).toEqual(['changes_requested', 'draft', 'submitted']);
    expect(mayEditStory('reporter', 'approved', true)).toBe(false);
    expect(mayEditStory('reporter', 'draft', false)).toBe(false);
    expect(ARTICLE_STATUSES.filter((status) => !mayEditStory('editor', status, false))).toEqual(['spiked']);
    expect(mayEditStory('admin', 'spiked', true)).toBe(false);
  });

  it('gives admins the desk’s workflow role', () => {
    expect(workflowRoleOf('admin')).toBe('editor');
    expect(workflowRoleOf('editor')).toBe('editor');
    expect(workflowRoleOf('reporter')).toBe('reporter');
  });
});
