// Runs in: renderer (pure). Which service events become an OS notification: "a story is waiting for
// you", "your story came back" and "published". Each is shown once, only when its setting is on, and
// not while the window is focused on that very story (or on the review queue, for waiting stories).
import type { ArticleStatus } from '../article';
import type { OutboxJob } from '../publish/publish-job';
import { hubKindSchema, type HubKindName } from '../workflow/review-contract';
import { articleDeepLink, reviewDeepLink } from './deep-link';

export type OsNotificationKind = 'story-waiting' | 'story-returned' | 'published';

export interface OsNotificationSettings {
  notifyStoryWaiting: boolean;
  notifyStoryReturned: boolean;
  notifyPublished: boolean;
}

/** What the window shows, as far as a notification cares. */
export interface NotificationFocus {
  windowFocused: boolean;
  openArticleId: string | null;
  reviewQueueOpen: boolean;
}

export interface OsNotification {
  kind: OsNotificationKind;
  /** The same story event always gives the same key; it is shown once. */
  key: string;
  /** The story's headline, or the number of stories waiting. */
  headline: string;
  waiting: number;
  /** Where a click on the notification leads. */
  link: string | null;
}

/** One of the three facts the renderer learns from an event (after fetching what it names). */
export type NotificationFact =
  | { kind: 'queue'; waiting: number }
  | {
      kind: 'review';
      articleId: string;
      headline: string;
      status: ArticleStatus;
      /** The user is the story's reporter. */
      mine: boolean;
      /** Length of the workflow history: each return is a new event. */
      historyLength: number;
      hub: HubKindName | null;
    }
  | { kind: 'job'; job: Pick<OutboxJob, 'id' | 'articleId' | 'headline' | 'state' | 'skipped'> };

/** At most this many keys are remembered; older ones are forgotten first. */
const MAX_REMEMBERED = 500;

export class OsNotificationPolicy {
  private waiting: number | null = null;
  private readonly shown = new Set<string>();

  decide(fact: NotificationFact, settings: OsNotificationSettings, focus: NotificationFocus): OsNotification | null {
    const candidate = this.candidate(fact);
    if (candidate === null || this.shown.has(candidate.key)) return null;
    this.remember(candidate.key);
    if (!enabled(candidate.kind, settings)) return null;
    if (focus.windowFocused && candidate.kind === 'story-waiting' && focus.reviewQueueOpen) return null;
    if (focus.windowFocused && fact.kind !== 'queue' && focusedArticle(fact) === focus.openArticleId) return null;
    return candidate;
  }

  private candidate(fact: NotificationFact): OsNotification | null {
    switch (fact.kind) {
      case 'queue': {
        const before = this.waiting;
        this.waiting = fact.waiting;
        // The first count is what was already there at start-up: no news.
        if (before === null || fact.waiting <= before) return null;
        return { kind: 'story-waiting', key: `waiting:${fact.waiting}:${before}`, headline: '', waiting: fact.waiting, link: null };
      }
      case 'review': {
        if (!fact.mine || fact.status !== 'changes_requested') return null;
        const hub = hubKindSchema.safeParse(fact.hub);
        return {
          kind: 'story-returned',
          key: `returned:${fact.articleId}:${fact.historyLength}`,
          headline: fact.headline,
          waiting: 0,
          link: hub.success ? reviewDeepLink(hub.data, fact.articleId) : articleDeepLink(fact.articleId),
        };
      }
      case 'job': {
        if (fact.job.state !== 'done' || fact.job.skipped !== null) return null;
        return { kind: 'published', key: `published:${fact.job.id}`, headline: fact.job.headline, waiting: 0, link: articleDeepLink(fact.job.articleId) };
      }
    }
  }

  private remember(key: string): void {
    this.shown.add(key);
    if (this.shown.size > MAX_REMEMBERED) {
      const oldest = this.shown.values().next().value;
      if (oldest !== undefined) this.shown.delete(oldest);
    }
  }
}

function enabled(kind: OsNotificationKind, settings: OsNotificationSettings): boolean {
  if (kind === 'story-waiting') return settings.notifyStoryWaiting;
  if (kind === 'story-returned') return settings.notifyStoryReturned;
  return settings.notifyPublished;
}

function focusedArticle(fact: Exclude<NotificationFact, { kind: 'queue' }>): string {
  return fact.kind === 'review' ? fact.articleId : fact.job.articleId;
}
