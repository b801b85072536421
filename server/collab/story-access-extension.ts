// Runs in: the newsroom server. The Hocuspocus hooks that decide who gets a story: the name must be
// a story's (checked in onConnect, before any lookup), the token an account's or a live ticket for
// exactly this story (server/collab/story-tickets.ts), and the story one the account may open
// (onAuthenticate); the connection is read-only where the account may not edit the story in its
// current status.
import type { Extension, onAuthenticatePayload, onConnectPayload } from '@hocuspocus/server';
import { parseStoryDocumentName } from '../../common/collab/story-name';
import { accountForToken } from '../accounts/account-store';
import type { SqlDatabase } from '../db/sql-database';
import { canEdit, canOpen, ensureStory } from '../stories/story-store';
import type { CollabContext } from './collab-context';
import { accountForTicket } from './story-tickets';

/** Hocuspocus sends the reason to the provider as its permission-denied reason. */
function refuse(reason: string): Error & { reason: string } {
  return Object.assign(new Error(reason), { reason });
}

export function storyAccessExtension(db: SqlDatabase): Extension<CollabContext> {
  return {
    extensionName: 'dateline-story-access',
    async onConnect({ documentName }: onConnectPayload<CollabContext>) {
      if (parseStoryDocumentName(documentName) === null) throw refuse('invalid-document-name');
    },
    async onAuthenticate({ token, documentName, connectionConfig }: onAuthenticatePayload<CollabContext>): Promise<CollabContext> {
      const storyId = parseStoryDocumentName(documentName);
      if (storyId === null) throw refuse('invalid-document-name');
      const account = (await accountForToken(db, token)) ?? (await accountForTicket(db, token, documentName));
      if (!account) throw refuse('unauthorized');
      const story = await ensureStory(db, storyId, account);
      if (!canOpen(story, account)) throw refuse('forbidden');
      connectionConfig.readOnly = !canEdit(story, account);
      return { account, storyId };
    },
  };
}
