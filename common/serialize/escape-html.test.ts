// Runs in: vitest (node). Text and attribute values can never open a tag or leave their quotes.
import { describe, expect, it } from 'vitest';
import { escapeAttr, escapeHtml } from './escape-html';

describe('escapeHtml', () => {
  it('escapes the characters that start markup or end a quoted value', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>\``)).toBe(
      '&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;&#96;',
    );
  });

  it('leaves Chinese text and fullwidth punctuation untouched', () => {
    expect(escapeHtml('新华社北京11月25日电（记者张三）：“稳中有进。”')).toBe('新华社北京11月25日电（记者张三）：“稳中有进。”');
  });

  it('replaces NUL and drops other control characters a parser would choke on', () => {
    expect(escapeHtml('a\u0000b\u0007c\td\ne')).toBe('a\uFFFDbc\td\ne');
  });
});

describe('escapeAttr', () => {
  it('also encodes line breaks and tabs so an attribute stays on one line', () => {
    expect(escapeAttr('a"b\nc\td')).toBe('a&quot;b&#10;c&#9;d');
  });
});
