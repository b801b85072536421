// Runs in: renderer. One number formatter per interface language: building an Intl.NumberFormat
// loads locale data, and the status bar formats its counts on every key the user types.
import type { Locale } from './i18n-store';

const formats = new Map<Locale, Intl.NumberFormat>();

export function numberFormat(locale: Locale): Intl.NumberFormat {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    formats.set(locale, format);
  }
  return format;
}
