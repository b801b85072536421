// Runs in: renderer. "5 minutes ago" for recent changes, a localized date for older ones. Making an
// Intl formatter costs far more than using one, and every row in view asks: one of each per locale.
import { formatMoment } from '../../i18n/format-moment';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(locale);
  if (!format) relativeFormats.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  return format;
}


export function formatUpdated(iso: string, locale: string, now: number = Date.now()): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  let delta = Math.round((then - now) / 1000);
  if (Math.abs(delta) < 45) return relativeFormat(locale).format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (Math.abs(delta) < size) return relativeFormat(locale).format(delta, unit);
    delta = Math.round(delta / size);
  }
  return formatMoment(iso, locale);
}
