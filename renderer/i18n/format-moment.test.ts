// Runs in: tests (node). Moments read to the minute in the interface's language, without seconds.
import { describe, expect, it } from 'vitest';
import { formatMoment } from './format-moment';

describe('formatMoment', () => {
  it('shows a moment to the minute in English and Chinese, and leaves what is not a time alone', () => {
    const iso = '2026-12-07T12:10:25.000Z';
    const en = formatMoment(iso, 'en');
    const zh = formatMoment(iso, 'zh-CN');
    expect(en).toContain('2026');
    expect(en).not.toMatch(/:25\b/);
    expect(zh).toContain('2026年12月');
    expect(zh).not.toMatch(/:25\b/);
    expect(formatMoment('not a time', 'en')).toBe('not a time');
  });
});
