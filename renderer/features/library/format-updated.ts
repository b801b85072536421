// Runs in: renderer. "5 minutes ago" for recent changes, a localized date for older ones.
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

export function formatUpdated(iso: string, locale: string, now: number = Date.now()): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  let delta = Math.round((then - now) / 1000);
  if (Math.abs(delta) < 45) return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (Math.abs(delta) < size) return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(delta, unit);
    delta = Math.round(delta / size);
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(then));
}
