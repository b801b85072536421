// Runs in: the newsroom server. Hears every status change (from any node, through the database's
// NOTIFY) and, for this node's connections to that story, switches read-only on or off and tells
// the client with a stateless StoryStatusNotice. When the NOTIFY connection was lost and made again,
// changes sent meanwhile were not heard: every story open on this node is read again.
import type { Hocuspocus } from '@hocuspocus/server';
import { mayEditStory } from '../../common/collab/story-access';
import { parseStoryDocumentName, storyDocumentName } from '../../common/collab/story-name';
import type { StoryStatusNotice } from '../../common/collab/newsroom-server-protocol';
import { articleStatusSchema } from '../../common/article';
import type { SqlDatabase } from '../db/sql-database';
import { findStory, isOwnStory, STATUS_CHANNEL, type StatusChange } from '../stories/story-store';
import type { CollabContext } from './collab-context';

/** A NOTIFY payload of STATUS_CHANNEL, or null when it is not one. */
export function parseStatusChange(payload: string): StatusChange | null {
  try {
    const value = JSON.parse(payload) as Partial<StatusChange>;
    const status = articleStatusSchema.safeParse(value.status);
    return typeof value.id === 'string' && status.success ? { id: value.id, status: status.data } : null;
  } catch {
    return null;
  }
}

export function applyStatusChange(instance: Hocuspocus<CollabContext>, change: StatusChange, owner: string): number {
  const document = instance.documents.get(storyDocumentName(change.id));
  if (!document) return 0;
  let switched = 0;
  for (const connection of document.getConnections()) {
    const account = connection.context?.account;
    if (!account) continue;
    const readOnly = !mayEditStory(account.role, change.status, isOwnStory({ owner }, account));
    if (connection.readOnly !== readOnly) switched++;
    connection.readOnly = readOnly;
    const notice: StoryStatusNotice = { type: 'story.status', status: change.status, readOnly };
    connection.sendStateless(JSON.stringify(notice));
  }
  return switched;
}

export async function followStatusChanges(db: SqlDatabase, instance: Hocuspocus<CollabContext>): Promise<void> {
  const readAgain = (id: string) => {
    void findStory(db, id)
      .then((story) => {
        if (story) applyStatusChange(instance, { id: story.id, status: story.status }, story.owner);
      })
      .catch((error: unknown) => console.error(`Cannot apply the status of story ${id}: ${String(error)}`));
  };
  await db.listen(
    STATUS_CHANNEL,
    (payload) => {
      const change = parseStatusChange(payload);
      if (change && instance.documents.has(storyDocumentName(change.id))) readAgain(change.id);
    },
    () => {
      for (const name of instance.documents.keys()) {
        const id = parseStoryDocumentName(name);
        if (id !== null) readAgain(id);
      }
    },
  );
}
