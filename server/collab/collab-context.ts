// Runs in: the newsroom server. What Hocuspocus keeps with each authenticated story connection.
import type { Account } from '../accounts/account-store';

export interface CollabContext {
  account: Account;
  storyId: string;
}
