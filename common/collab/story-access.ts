// Runs in: main, services, renderer and the newsroom server. Who may open and who may edit a story
// on the newsroom server, from their account's role, whether the story is theirs and its status.
// The server enforces this; the app uses it to say why a story is read-only.
//   open: editors and admins any story; a reporter only their own.
//   edit: nobody once spiked; editors and admins otherwise; a reporter their own story while it is
//         a draft, returned for changes or waiting for the desk (submitted), never once approved.
import { z } from 'zod';
import type { ArticleStatus } from '../article';
import type { NewsroomRole } from '../workflow/newsroom-profile';

export const SERVER_ROLES = ['reporter', 'editor', 'admin'] as const;
export const serverRoleSchema = z.enum(SERVER_ROLES);
export type ServerRole = z.infer<typeof serverRoleSchema>;

const REPORTER_EDITS: readonly ArticleStatus[] = ['draft', 'changes_requested', 'submitted'];

/** The role the workflow machine sees: an admin acts as the desk. */
export function workflowRoleOf(role: ServerRole): NewsroomRole {
  return role === 'reporter' ? 'reporter' : 'editor';
}

export function mayOpenStory(role: ServerRole, isOwn: boolean): boolean {
  return role !== 'reporter' || isOwn;
}

export function mayEditStory(role: ServerRole, status: ArticleStatus, isOwn: boolean): boolean {
  if (status === 'spiked') return false;
  if (role !== 'reporter') return true;
  return isOwn && REPORTER_EDITS.includes(status);
}
