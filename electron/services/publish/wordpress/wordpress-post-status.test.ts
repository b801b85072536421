// Runs in: vitest (node). The WordPress target speaks WordPress's status words to the site.
import { describe, expect, it } from 'vitest';
import { PUBLISH_STATUSES } from '../../../../common/publish/publish-status';
import { publishStatusOfPost, wordpressPostStatus } from './wordpress-post-status';

describe('WordPress post statuses', () => {
  it('maps each of Dateline’s words to WordPress’s and back', () => {
    expect(PUBLISH_STATUSES.map(wordpressPostStatus)).toEqual(['publish', 'future', 'draft', 'pending']);
    for (const status of PUBLISH_STATUSES) expect(publishStatusOfPost(wordpressPostStatus(status))).toBe(status);
  });

  it('has no Dateline word for other post statuses', () => {
    for (const other of ['private', 'trash', 'inherit', 'published', 'scheduled', 'submitted']) expect(publishStatusOfPost(other)).toBeNull();
  });
});
