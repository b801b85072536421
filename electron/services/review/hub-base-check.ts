// Runs in: services. The conflict check every review hub makes before it writes: the article must
// still be in the hub, at the revision the writer started from. Anything else is someone else's
// work, which only a person may replace.
import { AppError } from '../../../common/app-error';

/** The article as the hub holds it now. */
export interface HubCopy {
  headline: string;
  hubRevision: number;
  /** Who wrote it last, when the hub says. */
  updatedBy: string | null;
  /** The WordPress post that holds it. */
  postId?: number;
}

/** Throws `hub-changed` unless the hub's copy is still at `base`, the revision the writer started from. */
export function checkHubBase(current: HubCopy, base: number | null, where: string): void {
  if (current.hubRevision === base) return;
  throw new AppError('conflict', `Someone else changed “${current.headline}” in ${where} since you opened it (revision ${current.hubRevision}); reopen it to see their changes`, {
    kind: 'hub-changed',
    headline: current.headline,
    hubRevision: current.hubRevision,
    updatedBy: current.updatedBy,
    ...(current.postId !== undefined ? { postId: current.postId } : {}),
  });
}

/** Throws `hub-removed` when the hub no longer has an article the writer opened from it (`base` is not null). */
export function checkStillInHub(current: object | null, base: number | null, headline: string, where: string): void {
  if (current !== null || base === null) return;
  throw new AppError(
    'conflict',
    `“${headline}” was removed from ${where} since you last opened it (revision ${base}); submit it again as new if it should be reviewed`,
    { kind: 'hub-removed', headline, hubRevision: null },
  );
}
