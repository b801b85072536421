// Runs in: services. What every part of the review service shares: the library, the review records,
// the profile and the hub the settings name, one queue per article, and three small rules used
// throughout (a profile is required, the library status follows the history, an article stays in
// the hub it was sent to).
import { AppError } from '../../../common/app-error';
import type { Article, ArticleStatus } from '../../../common/article';
import type { NewsroomProfile } from '../../../common/workflow/newsroom-profile';
import type { HubLink } from '../../../common/workflow/review-contract';
import { currentStatusOf } from '../../../common/workflow/workflow-history';
import type { Logger } from '../log/logger';
import type { KeyedQueue } from '../store/keyed-queue';
import type { ReviewHub } from './review-hub';
import type { ReviewRecord, ReviewRecordStore } from './review-record-store';

/** The part of the library the workflow needs. LibraryStore satisfies it. */
export interface ReviewLibrary {
  get(id: string): Promise<Article>;
  setStatus(id: string, status: ArticleStatus): Promise<Article>;
  importVersion(article: Article, options?: { who?: string }): Promise<Article>;
}

export interface ReviewContext {
  library: ReviewLibrary;
  records: ReviewRecordStore;
  /** The user's newsroom profile from settings; null when no name or role is set. */
  profile(): Promise<NewsroomProfile | null>;
  /** The hub settings name now. */
  hub(): Promise<ReviewHub>;
  /** Called after any change to an article's status (the library list caches summaries). */
  onChange?(articleId: string): void;
  /** Called when an article is spiked: nothing queued for it may still go out. */
  onSpiked?(articleId: string): Promise<void>;
  newId(): string;
  /** Now, as ISO 8601. */
  now(): string;
  /** Every change to one article runs here, one at a time. */
  queue: KeyedQueue;
  logger: Logger;
}

export async function requireProfile(ctx: Pick<ReviewContext, 'profile'>): Promise<NewsroomProfile> {
  const profile = await ctx.profile();
  if (!profile) throw new AppError('invalid-input', 'Set your name and role (reporter or editor) in Settings first: the review workflow records who did what.', { kind: 'profile-missing', field: 'profile' });
  return profile;
}

/** The article with the status its history says: a library write that failed after a hub write is mended here. */
export async function consistent(ctx: Pick<ReviewContext, 'library' | 'onChange'>, article: Article, record: Pick<ReviewRecord, 'history'>): Promise<Article> {
  if (record.history.length === 0) return article;
  const status = currentStatusOf({ schemaVersion: 1, events: record.history });
  if (status === article.status) return article;
  const mended = await ctx.library.setStatus(article.id, status);
  ctx.onChange?.(article.id);
  return mended;
}

/** The hub the article is in, checked against the one settings name now. */
export async function hubOf(ctx: Pick<ReviewContext, 'hub'>, link: HubLink): Promise<ReviewHub> {
  const hub = await ctx.hub();
  if (hub.kind !== link.kind || hub.location !== link.location) {
    throw new AppError(
      'conflict',
      `This article is in the review hub ${link.location}, but Settings now name ${hub.location}. Switch the hub back in Settings to go on reviewing it.`,
      { kind: 'hub-moved', articleHub: true, linkedHub: link.location, settingsHub: hub.location },
    );
  }
  return hub;
}
