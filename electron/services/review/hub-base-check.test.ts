// Runs in: vitest (node). The conflict check the folder hub and the WordPress hub both make before
// writing: the article still there, at the revision the writer started from.
import { describe, expect, it } from 'vitest';
import { checkHubBase, checkStillInHub } from './hub-base-check';

const copy = { headline: 'Harbour fire', hubRevision: 4, updatedBy: 'Sam' };

describe('hub base check', () => {
  it('lets a write through only from the revision the hub holds', () => {
    expect(() => checkHubBase(copy, 4, 'the review hub')).not.toThrow();
    for (const base of [3, 5, null]) {
      expect(() => checkHubBase(copy, base, 'the review hub')).toThrow(expect.objectContaining({ code: 'conflict', details: { kind: 'hub-changed', headline: 'Harbour fire', hubRevision: 4, updatedBy: 'Sam' } }));
    }
  });

  it('names the WordPress post that holds the article when there is one, and the hub in the log', () => {
    expect(() => checkHubBase({ ...copy, updatedBy: null, postId: 17 }, 3, 'WordPress')).toThrow(
      expect.objectContaining({ message: expect.stringContaining('“Harbour fire” in WordPress since you opened it (revision 4)'), details: expect.objectContaining({ postId: 17, updatedBy: null }) }),
    );
  });

  it('an article opened from the hub and gone from it since is removed; a first submission is not', () => {
    expect(() => checkStillInHub(null, 2, 'Harbour fire', 'the review hub')).toThrow(expect.objectContaining({ code: 'conflict', details: { kind: 'hub-removed', headline: 'Harbour fire', hubRevision: null } }));
    expect(() => checkStillInHub(null, null, 'Harbour fire', 'the review hub')).not.toThrow();
    expect(() => checkStillInHub(copy, 2, 'Harbour fire', 'the review hub')).not.toThrow();
  });
});
