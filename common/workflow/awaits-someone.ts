// Runs in: any process (pure). Whether a story in this status waits for someone to act on it: only
// then does "waiting N min" mean anything. A published, approved, scheduled or spiked story waits for nobody.
import type { ArticleStatus } from '../article';

export function awaitsSomeone(status: ArticleStatus): boolean {
  return status === 'submitted' || status === 'changes_requested';
}
