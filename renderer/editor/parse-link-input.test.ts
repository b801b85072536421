// Runs in: tests (node). What a reporter may type into the link dialog.
import { describe, expect, it } from 'vitest';
import { parseLinkInput } from './parse-link-input';

describe('link address typed by a reporter', () => {
  it.each([
    ['https://example.com/story', 'https://example.com/story'],
    ['  http://example.com  ', 'http://example.com'],
    ['mailto:desk@example.com', 'mailto:desk@example.com'],
    ['example.com/news?id=1', 'https://example.com/news?id=1'],
    ['desk@example.com', 'mailto:desk@example.com'],
    ['新华网.cn', 'https://新华网.cn'],
  ])('accepts %s as %s', (typed, href) => {
    expect(parseLinkInput(typed)).toEqual({ ok: true, href });
  });

  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>x</script>', 'file:///etc/passwd', 'vbscript:x', 'not a link', '//evil.example'])(
    'refuses %s',
    (typed) => {
      expect(parseLinkInput(typed)).toEqual({ ok: false, reason: 'invalid' });
    },
  );

  it('asks for an address when the field is empty', () => {
    expect(parseLinkInput('   ')).toEqual({ ok: false, reason: 'empty' });
  });
});
