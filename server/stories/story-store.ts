// Runs in: the newsroom server. Stories in the database: who owns each, its workflow status, its
// Yjs state, its history and its comments. A status change is committed together with a NOTIFY
// so every node hears of it.
import * as Y from 'yjs';
import { AppError } from '../../common/app-error';
import type { ArticleStatus } from '../../common/article';
import { mayEditStory, mayOpenStory, workflowRoleOf } from '../../common/collab/story-access';
import { storyDocumentName } from '../../common/collab/story-name';
import type { CommentCall, ServerComment, StoryRecord, StorySummary, WorkflowCall } from '../../common/collab/newsroom-server-protocol';
import { allowedActions, transition } from '../../common/workflow/workflow-machine';
import type { WorkflowEvent } from '../../common/workflow/workflow-event';
import { sameActorName } from '../../common/workflow/newsroom-profile';
import type { Account } from '../accounts/account-store';
import type { SqlDatabase, SqlQueryable } from '../db/sql-database';

export const STATUS_CHANNEL = 'dateline_story_status';

export interface StoryRow {
  id: string;
  owner: string;
  status: ArticleStatus;
  updated_at: Date | string;
}

export interface StatusChange {
  id: string;
  status: ArticleStatus;
}

const ROW_COLUMNS = 'id, owner, status, updated_at';

export function isOwnStory(story: Pick<StoryRow, 'owner'>, account: Account): boolean {
  return sameActorName(story.owner, account.name);
}

export function canOpen(story: StoryRow, account: Account): boolean {
  return mayOpenStory(account.role, isOwnStory(story, account));
}

export function canEdit(story: StoryRow, account: Account): boolean {
  return mayEditStory(account.role, story.status, isOwnStory(story, account));
}

export async function findStory(db: SqlQueryable, id: string): Promise<StoryRow | null> {
  const rows = await db.query<StoryRow>(`SELECT ${ROW_COLUMNS} FROM stories WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

/** The story, made on first open with the opener as its owner. */
export async function ensureStory(db: SqlDatabase, id: string, account: Account): Promise<StoryRow> {
  await db.query('INSERT INTO stories (id, owner) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [id, account.name]);
  const story = await findStory(db, id);
  if (!story) throw new AppError('internal', `Story ${id} vanished as it was made.`, { kind: 'unexpected' });
  return story;
}

export async function fetchStoryState(db: SqlDatabase, id: string): Promise<Uint8Array | null> {
  const rows = await db.query<{ state: Uint8Array | null }>('SELECT state FROM stories WHERE id = $1', [id]);
  const state = rows[0]?.state;
  return state ? new Uint8Array(state) : null;
}

/**
 * Merges `state` into what the database holds. Two nodes may store the same story at once, each
 * with what it has seen so far: merging (not overwriting) means neither loses the other's updates.
 */
export async function storeStoryState(db: SqlDatabase, id: string, state: Uint8Array): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx.query<{ state: Uint8Array | null }>('SELECT state FROM stories WHERE id = $1 FOR UPDATE', [id]);
    if (rows.length === 0) throw new AppError('not-found', 'No such story.', { kind: 'server-story-missing', id });
    const old = rows[0]?.state;
    const merged = old ? Y.mergeUpdates([new Uint8Array(old), state]) : state;
    await tx.query('UPDATE stories SET state = $2, writes = writes + 1, updated_at = now() WHERE id = $1', [id, merged]);
  });
}

export async function listStories(db: SqlDatabase, account: Account): Promise<StorySummary[]> {
  const rows = await db.query<StoryRow>(`SELECT ${ROW_COLUMNS} FROM stories ORDER BY updated_at DESC LIMIT 1000`);
  return rows.filter((row) => canOpen(row, account)).map(summaryOf);
}

function summaryOf(row: StoryRow): StorySummary {
  return { id: row.id, documentName: storyDocumentName(row.id), owner: row.owner, status: row.status, updatedAt: new Date(row.updated_at).toISOString() };
}

async function historyOf(db: SqlQueryable, id: string): Promise<WorkflowEvent[]> {
  const rows = await db.query<{ event: WorkflowEvent }>('SELECT event FROM workflow_events WHERE story_id = $1 ORDER BY seq', [id]);
  return rows.map((row) => row.event);
}

async function commentsOf(db: SqlQueryable, id: string): Promise<ServerComment[]> {
  const rows = await db.query<{ id: string; by_name: string; by_role: Account['role']; at: Date | string; body: string; anchor: ServerComment['anchor'] }>(
    'SELECT id, by_name, by_role, at, body, anchor FROM comments WHERE story_id = $1 ORDER BY seq',
    [id],
  );
  return rows.map((row) => ({ id: row.id, by: { name: row.by_name, role: row.by_role }, at: new Date(row.at).toISOString(), body: row.body, anchor: row.anchor }));
}

/** Everything the caller may know about a story; not-found when they may not open it. */
export async function storyRecord(db: SqlQueryable, id: string, account: Account): Promise<StoryRecord> {
  const story = await findStory(db, id);
  if (!story || !canOpen(story, account)) throw new AppError('not-found', 'No such story, or it is not yours to open.', { kind: 'server-story-missing', id });
  return {
    ...summaryOf(story),
    history: await historyOf(db, id),
    comments: await commentsOf(db, id),
    canEdit: canEdit(story, account),
    allowedActions: allowedActions(story.status, workflowRoleOf(account.role), isOwnStory(story, account)),
  };
}

/**
 * Takes a workflow action through the common workflow machine, under a row lock, and announces the
 * new status. A call whose id is already in the history is answered without applying it again.
 */
export async function applyWorkflow(db: SqlDatabase, id: string, account: Account, call: WorkflowCall, now: Date): Promise<StoryRecord> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<StoryRow>(`SELECT ${ROW_COLUMNS} FROM stories WHERE id = $1 FOR UPDATE`, [id]);
    const story = rows[0];
    if (!story || !canOpen(story, account)) throw new AppError('not-found', 'No such story, or it is not yours to open.', { kind: 'server-story-missing', id });
    const seen = await tx.query<{ story_id: string }>('SELECT story_id FROM workflow_events WHERE id = $1', [call.id]);
    if (seen.length > 0) {
      if (seen[0]?.story_id !== id) throw new AppError('conflict', 'That event id is already used by another story.', { kind: 'server-event-id-taken', eventId: call.id });
      return storyRecord(tx, id, account);
    }
    const result = transition(
      { status: story.status, owner: story.owner },
      call.action,
      { name: account.name, role: workflowRoleOf(account.role) },
      { id: call.id, at: now.toISOString(), note: call.note, scheduledAt: call.scheduledAt, revision: call.revision },
    );
    await tx.query('UPDATE stories SET status = $2, updated_at = now() WHERE id = $1', [id, result.status]);
    await tx.query('INSERT INTO workflow_events (id, story_id, event) VALUES ($1, $2, $3)', [call.id, id, JSON.stringify(result.event)]);
    const change: StatusChange = { id, status: result.status };
    await tx.query('SELECT pg_notify($1, $2)', [STATUS_CHANNEL, JSON.stringify(change)]);
    return storyRecord(tx, id, account);
  });
}

export async function addComment(db: SqlDatabase, id: string, account: Account, call: CommentCall): Promise<StoryRecord> {
  return db.transaction(async (tx) => {
    const story = await findStory(tx, id);
    if (!story || !canOpen(story, account)) throw new AppError('not-found', 'No such story, or it is not yours to open.', { kind: 'server-story-missing', id });
    if (story.status === 'spiked') throw new AppError('conflict', 'The story is spiked: reopen it before commenting.', { kind: 'server-story-spiked', id });
    await tx.query(
      'INSERT INTO comments (id, story_id, by_name, by_role, body, anchor) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING',
      [call.id, id, account.name, account.role, call.body, call.anchor ? JSON.stringify(call.anchor) : null],
    );
    return storyRecord(tx, id, account);
  });
}
