// Runs in: tests (node). A row's "last changed" reads the same, and a screenful of rows makes one
// date formatter per language, not one per row (making one costs far more than using it).
import { afterEach, describe, expect, it } from 'vitest';
import { formatUpdated } from './format-updated';

const RealDateTimeFormat = Intl.DateTimeFormat;
const RealRelativeTimeFormat = Intl.RelativeTimeFormat;

function countConstructions(): { made: number } {
  const count = { made: 0 };
  class CountedDate extends RealDateTimeFormat {
    constructor(...args: ConstructorParameters<typeof RealDateTimeFormat>) {
      super(...args);
      count.made += 1;
    }
  }
  class CountedRelative extends RealRelativeTimeFormat {
    constructor(...args: ConstructorParameters<typeof RealRelativeTimeFormat>) {
      super(...args);
      count.made += 1;
    }
  }
  Object.defineProperty(Intl, 'DateTimeFormat', { value: CountedDate, configurable: true, writable: true });
  Object.defineProperty(Intl, 'RelativeTimeFormat', { value: CountedRelative, configurable: true, writable: true });
  return count;
}

afterEach(() => {
  Object.defineProperty(Intl, 'DateTimeFormat', { value: RealDateTimeFormat, configurable: true, writable: true });
  Object.defineProperty(Intl, 'RelativeTimeFormat', { value: RealRelativeTimeFormat, configurable: true, writable: true });
});

describe('formatUpdated', () => {
  const now = Date.parse('2026-11-25T12:00:00Z');

  it('says how long ago a recent change was, and the date of an older one, in the language asked', () => {
    expect(formatUpdated('2026-11-25T11:55:00Z', 'en', now)).toBe('5 minutes ago');
    expect(formatUpdated('2026-11-25T11:59:50Z', 'en', now)).toBe('now');
    expect(formatUpdated('2026-11-24T12:00:00Z', 'zh-CN', now)).toBe('昨天');
    expect(formatUpdated('2026-10-01T08:30:00Z', 'en', now)).toBe(new RealDateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-10-01T08:30:00Z')));
    expect(formatUpdated('not a date', 'en', now)).toBe('not a date');
  });

  it('a screenful of rows makes one formatter of each kind per language, not one per row', () => {
    const count = countConstructions();
    for (let row = 0; row < 200; row++) {
      formatUpdated(`2026-0${1 + (row % 9)}-1${row % 10}T08:00:00Z`, row % 2 ? 'fr-FR' : 'de-DE', now);
      formatUpdated('2026-11-25T11:00:00Z', row % 2 ? 'fr-FR' : 'de-DE', now);
    }
    expect(count.made).toBeLessThanOrEqual(4);
  });
});
