// Runs in: services. How a publish status reads in ninjs: a draft or a piece submitted for review is
// "withheld"; a scheduled publish is "usable" but embargoed until its time.
import type { PublishOptions } from './publish-job';

export interface NinjsPublishStatus {
  pubStatus: 'usable' | 'withheld';
  embargoed?: string;
}

export function ninjsPublishStatus(options: Pick<PublishOptions, 'status' | 'scheduledAt'>): NinjsPublishStatus {
  if (options.status === 'draft' || options.status === 'submitted') return { pubStatus: 'withheld' };
  if (options.status === 'scheduled' && options.scheduledAt) return { pubStatus: 'usable', embargoed: options.scheduledAt };
  return { pubStatus: 'usable' };
}

/** The article's ninjs uri: the same for every version, so a receiver updates rather than duplicates. */
export function ninjsArticleUri(articleId: string): string {
  return `urn:dateline:article:${articleId}`;
}
