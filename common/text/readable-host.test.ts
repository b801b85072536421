import { describe, expect, it } from 'vitest';
import { readableHost } from './readable-host';
import { readableUrl } from './readable-url';

describe('a host name as a person reads it', () => {
  const cases: [name: string, host: string, shown: string][] = [
    ['a Chinese domain', 'xn--vnuwm96f1z9d.xn--fiqs8s', '成都日报.中国'],
    ['with a port', 'xn--vnuwm96f1z9d.example:8080', '成都日报.example:8080'],
    ['upper-case prefix', 'XN--FIQS8S.example', '中国.example'],
    ['Japanese (Katakana with Han)', 'xn--eckwd4c7cu47r2wf.jp', 'ドメイン名例.jp'],
    ['Korean', 'xn--3e0b707e.kr', '한국.kr'],
    ['Han with Latin', 'xn--a-kq6as7z.example', '中國a.example'],
    ['a Russian word', 'xn--e1afmkfd.example', 'пример.example'],
    ['a plain name', 'news.example.com', 'news.example.com'],
    ['Cyrillic letters that all look Latin stay Punycode', 'xn--80ak6aa92e.com', 'xn--80ak6aa92e.com'],
    ['Latin mixed with Cyrillic stays Punycode', 'xn--pypal-4ve.com', 'xn--pypal-4ve.com'],
    ['Greek that looks Latin stays Punycode', 'xn--mxa1ag.com', 'xn--mxa1ag.com'],
    ['a zero-width joiner stays Punycode', 'xn--ab-m1t.com', 'xn--ab-m1t.com'],
    ['a label that is not in normal form stays Punycode', 'xn--cafe-yvc.example', 'xn--cafe-yvc.example'],
    ['broken Punycode stays as it is', 'xn--!!!.example', 'xn--!!!.example'],
  ];
  it.each(cases)('%s', (_name, host, shown) => {
    expect(readableHost(host)).toBe(shown);
  });

  it('reads the host inside an address, and leaves the rest of the address to its own rules', () => {
    expect(readableUrl('https://xn--vnuwm96f1z9d.xn--fiqs8s/%E8%93%84%E6%B0%B4/')).toBe('https://成都日报.中国/蓄水/');
    expect(readableUrl('http://editor@xn--fiqs8s.example:8443/a?q=xn--fiqs8s')).toBe('http://editor@中国.example:8443/a?q=xn--fiqs8s');
    expect(readableUrl('https://xn--80ak6aa92e.com/login')).toBe('https://xn--80ak6aa92e.com/login');
    expect(readableUrl('xn--fiqs8s.example:8080')).toBe('中国.example:8080');
    expect(readableUrl('https://[::1]:8080/xn--fiqs8s')).toBe('https://[::1]:8080/xn--fiqs8s');
  });

  it('leaves an over-long host as it is', () => {
    const long = `${'a'.repeat(300)}.xn--fiqs8s`;
    expect(readableHost(long)).toBe(long);
  });
});
