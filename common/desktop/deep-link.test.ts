// Runs in: vitest (Node). What the OS hands us as a dateline:// link is untrusted: only the two exact shapes pass.
import { describe, expect, it } from 'vitest';
import { articleDeepLink, deepLinkFromArgv, parseDeepLink, reviewDeepLink } from './deep-link';

const ID = 'abc123def456';

describe('deep links', () => {
  it('reads an article link and a review link', () => {
    expect(parseDeepLink(`dateline://article/${ID}`)).toEqual({ kind: 'article', articleId: ID });
    expect(parseDeepLink(`dateline://article/${ID}/`)).toEqual({ kind: 'article', articleId: ID });
    expect(parseDeepLink(`dateline://review/folder/${ID}`)).toEqual({ kind: 'review', hub: 'folder', articleId: ID });
    expect(parseDeepLink(`dateline://review/wordpress/${ID}`)).toEqual({ kind: 'review', hub: 'wordpress', articleId: ID });
  });

  it('builds links that read back as themselves', () => {
    expect(parseDeepLink(articleDeepLink(ID))).toEqual({ kind: 'article', articleId: ID });
    expect(parseDeepLink(reviewDeepLink('wordpress', ID))).toEqual({ kind: 'review', hub: 'wordpress', articleId: ID });
    expect(() => articleDeepLink('../etc')).toThrow();
  });

  it.each([
    '',
    'dateline://',
    'dateline://article/',
    `DATELINE://article/${ID}`,
    `datelinex://article/${ID}`,
    `https://article/${ID}`,
    `dateline:/article/${ID}`,
    `dateline://app/${ID}`,
    `dateline://app/index.html`,
    `dateline://article/${ID}/extra`,
    `dateline://article/${ID}?x=1`,
    `dateline://article/${ID}#frag`,
    `dateline://article/../../etc/passwd`,
    `dateline://article/%2e%2e`,
    `dateline://article/ABC123DEF456`,
    `dateline://article/short`,
    `dateline://article/${'a'.repeat(41)}`,
    `dateline://article/${ID}%00`,
    `dateline://article/${ID}\n`,
    ` dateline://article/${ID}`,
    `dateline://user:pw@article/${ID}`,
    `dateline://article:80/${ID}`,
    `dateline://review/ftp/${ID}`,
    `dateline://review/folder`,
    `dateline://review/folder/${ID}/x`,
    `dateline://review//${ID}`,
    `dateline://review/__proto__/${ID}`,
    `dateline://article/文章文章文章文章文章`,
    `dateline://article/${ID}`.padEnd(5000, '/'),
    `javascript:alert(1)//dateline://article/${ID}`,
  ])('ignores %j', (raw) => {
    expect(parseDeepLink(raw)).toBeNull();
  });

  it('ignores values that are not strings', () => {
    for (const value of [null, undefined, 42, {}, [`dateline://article/${ID}`], { toString: () => `dateline://article/${ID}` }]) {
      expect(parseDeepLink(value)).toBeNull();
    }
  });

  it('finds the link among a second instance argv and ignores hostile ones', () => {
    expect(deepLinkFromArgv(['/opt/Dateline/dateline', '--no-sandbox', `dateline://article/${ID}`])).toEqual({ kind: 'article', articleId: ID });
    expect(deepLinkFromArgv(['/opt/Dateline/dateline', 'dateline://article/../../x'])).toBeNull();
    expect(deepLinkFromArgv(['/opt/Dateline/dateline', '--inspect'])).toBeNull();
    expect(deepLinkFromArgv([...Array.from({ length: 60 }, () => '--x'), `dateline://article/${ID}`])).toBeNull();
  });
});
