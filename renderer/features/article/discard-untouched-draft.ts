// Runs in: renderer. Removes a draft that "New article" made and the reporter left without typing,
// so it does not linger in the library (or the trash) as an empty "Untitled".
import type { DatelineApi } from '../../../common/contract';
import { isUntouchedDraft } from './is-untouched-draft';

/**
 * Checks the stored article and its review record first (another window may have written to it)
 * and removes it only when both are still untouched. True when it was removed.
 */
export async function discardUntouchedDraft(api: DatelineApi, id: string): Promise<boolean> {
  const [stored, review] = await Promise.all([api.call('articles.get', { id }), api.call('review.get', { id })]);
  const reviewed = review.history.length > 0 || review.comments.length > 0 || review.hub !== null || review.pendingSync !== null;
  if (!isUntouchedDraft(stored) || reviewed) return false;
  await api.call('articles.trash', { id });
  await api.call('articles.purge', { id });
  return true;
}
