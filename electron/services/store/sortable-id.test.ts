// Runs in: tests (node). Ids sort by creation time and are valid article ids.
import { describe, expect, it } from 'vitest';
import { articleIdSchema } from '../../../common/article';
import { sortableId } from './sortable-id';

describe('sortableId', () => {
  it('makes valid article ids that sort in creation order, even within one millisecond', () => {
    const ids = Array.from({ length: 500 }, () => sortableId());
    ids.push(sortableId(Date.now() + 5));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(articleIdSchema.safeParse(id).success).toBe(true);
    expect(ids[0]).toHaveLength(22);
  });
});
