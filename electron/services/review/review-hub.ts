// Runs in: services. What every review hub offers (the shared folder, WordPress): the review
// service talks only to this, so a hub is one class behind one interface.
//
// `hubRevision` is the hub's version token for one article: every write names the token it started
// from (`baseHubRevision`) and fails with AppError 'conflict' when someone else wrote since, never
// overwriting silently. Callers only compare tokens for equality.
import type { Article } from '../../../common/article';
import type { HubListFilter, HubListing, HubWriteResult, OpenedPackage, SubmitOptions, UpdateOptions } from './review-package';

export type HubKind = 'folder' | 'wordpress' | 'newsroom';

export interface ReviewHub {
  readonly kind: HubKind;
  /** Where the hub is, for messages: the folder path or the site address. */
  readonly location: string;
  /** Sends the article (and its photos) for review: a first submission (base null) or a resubmission. */
  submit(article: Article, options: SubmitOptions): Promise<HubWriteResult>;
  /** A change to a package already in the hub: comments, history, a new article version. */
  update(articleId: string, options: UpdateOptions): Promise<HubWriteResult>;
  /** The review queue; packages that cannot be read are listed as problems, not errors. */
  list(filter?: HubListFilter): Promise<HubListing>;
  /** The package, with its photos imported into this machine's photo library. */
  open(articleId: string): Promise<OpenedPackage>;
  /** The hub's version token of the article now, null when it is not in the hub. */
  currentRevision(articleId: string): Promise<number | null>;
}
