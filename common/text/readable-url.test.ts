import { describe, expect, it } from 'vitest';
import { readableUrl } from './readable-url';

describe('an address as a person reads it', () => {
  const cases: [name: string, url: string, shown: string][] = [
    ['a Chinese slug', 'https://news.example.com/%e8%93%84%e6%b0%b4%e4%bb%a5%e5%be%85/', 'https://news.example.com/蓄水以待/'],
    ['upper-case escapes', 'https://x.example/2026/%E6%88%90%E9%83%BD', 'https://x.example/2026/成都'],
    ['a plain address', 'https://news.example.com/harbour-reopens/?p=12', 'https://news.example.com/harbour-reopens/?p=12'],
    ['reserved ASCII stays encoded', 'https://x.example/a%2Fb%3Fc%23d%25e%20f', 'https://x.example/a%2Fb%3Fc%23d%25e%20f'],
    ['an invalid sequence stays encoded', 'https://x.example/%E8%93%ZZ%e8%93', 'https://x.example/%E8%93%ZZ%e8%93'],
    ['a lone continuation byte stays encoded', 'https://x.example/%80%e6%88%90', 'https://x.example/%80成'],
    ['an overlong form stays encoded', 'https://x.example/%C0%AF', 'https://x.example/%C0%AF'],
    ['an encoded bidi override stays encoded', 'https://x.example/%E2%80%AEfdp.exe', 'https://x.example/%E2%80%AEfdp.exe'],
    ['a raw bidi override is encoded', 'https://x.example/\u202Efdp.exe', 'https://x.example/%E2%80%AEfdp.exe'],
    ['a raw zero-width joiner and a newline are encoded', 'https://x.example/a\u200Db\nc', 'https://x.example/a%E2%80%8Db%0Ac'],
    ['an ideographic space stays encoded', 'https://x.example/%E3%80%80', 'https://x.example/%E3%80%80'],
    ['an emoji', 'https://x.example/%F0%9F%93%B0', 'https://x.example/📰'],
    ['a file path with Chinese', 'file:///home/li/%E7%A8%BF%E4%BB%B6/index.html', 'file:///home/li/稿件/index.html'],
    ['not an address at all', '%%%', '%%%'],
  ];
  it.each(cases)('%s', (_name, url, shown) => {
    expect(readableUrl(url)).toBe(shown);
  });

  it('leaves a very long address undecoded, but still without raw controls', () => {
    const long = `https://x.example/${'%E6%88%90'.repeat(2000)}\u202E`;
    expect(readableUrl(long)).toBe(`https://x.example/${'%E6%88%90'.repeat(2000)}%E2%80%AE`);
  });
});
