// Runs in: renderer. A moment as people read it in the interface's language, to the minute
// ("Dec 7, 2026, 12:10 PM", "2026年12月7日 12:10"); text that is not a time is shown as it is.
// Making an Intl formatter costs far more than using one: one per locale.
const formats = new Map<string, Intl.DateTimeFormat>();

export function formatMoment(iso: string, locale: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })));
  return format.format(time);
}
