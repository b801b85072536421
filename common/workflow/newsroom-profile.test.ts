// Runs in: vitest (node). Names are the identity the hubs share: the same name typed differently is the same person.
import { describe, expect, it } from 'vitest';
import { sameActorName } from './newsroom-profile';

describe('sameActorName', () => {
  it('ignores case, surrounding spaces and full-width forms; different names stay different', () => {
    expect(sameActorName('Sam Editor', 'sam editor')).toBe(true);
    expect(sameActorName(' 李娜 ', '李娜')).toBe(true);
    expect(sameActorName('Ｓａｍ Editor', 'Sam Editor')).toBe(true);
    expect(sameActorName('Sam Editor', 'Sam Editors')).toBe(false);
    expect(sameActorName('李娜', '李纳')).toBe(false);
  });
});
