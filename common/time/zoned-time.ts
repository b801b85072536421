// Runs in: services and renderer. A planned time is an instant plus the newsroom's IANA time zone:
// it is shown and typed as wall-clock time in that zone, to the second, whatever the computer's
// own zone is.

/** The zone this computer is set to, e.g. "Asia/Shanghai"; "UTC" when it cannot tell. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

let known: ReadonlySet<string> | null = null;

/** True for a zone name in Intl's list (plus "UTC", which some engines leave out of it). */
export function isKnownTimeZone(zone: string): boolean {
  if (zone === 'UTC') return true;
  known ??= new Set(Intl.supportedValuesOf('timeZone'));
  return known.has(zone);
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallTimeAt(epochMs: number, zone: string): WallTime {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(epochMs)).map((part) => [part.type, part.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) };
}

/** The zone's offset from UTC at that instant, in milliseconds (+8 h for Asia/Shanghai). */
function offsetAt(epochMs: number, zone: string): number {
  const wall = wallTimeAt(epochMs, zone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - (epochMs - (epochMs % 1000 + 1000) % 1000);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** An instant → the wall time in `zone` as a datetime-local input shows it with seconds ("2026-11-25T12:01:52"); '' when absent. */
export function zonedInputValue(iso: string | null, zone: string): string {
  if (!iso) return '';
  const epochMs = Date.parse(iso);
  if (Number.isNaN(epochMs)) return '';
  const w = wallTimeAt(epochMs, zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/**
 * Wall time typed in `zone` ("2026-11-25T12:01" or with seconds) → the instant as ISO 8601 UTC
 * ("2026-11-25T04:01:52.000Z"); null when empty or invalid. A time skipped by a clock change is
 * read with the offset before the change.
 */
export function instantFromZonedInput(value: string, zone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  if (y === undefined || mo === undefined || d === undefined || h === undefined || mi === undefined) return null;
  const wallAsUtc = Date.UTC(y, mo - 1, d, h, mi, Number.isNaN(s) || s === undefined ? 0 : s);
  if (Number.isNaN(wallAsUtc)) return null;
  const first = wallAsUtc - offsetAt(wallAsUtc, zone);
  const second = wallAsUtc - offsetAt(first, zone);
  return new Date(offsetAt(second, zone) === offsetAt(first, zone) ? second : first).toISOString();
}
