// Runs in: renderer. Where focus goes in the formatting toolbar (the WAI-ARIA toolbar pattern):
// one tab stop; the arrow keys, Home and End move between the buttons that can be used.

/** The button that holds the toolbar's one tab stop: the last one used while it can be used, else the first usable one. */
export function tabStopOf<T>(items: readonly T[], usable: (item: T) => boolean, last: T | null): T | null {
  if (last !== null && items.includes(last) && usable(last)) return last;
  return items.find(usable) ?? null;
}

/** The usable item a key moves to from `current`, or null when the key is not a toolbar key. Arrows wrap around. */
export function moveInToolbar<T>(key: string, items: readonly T[], usable: (item: T) => boolean, current: T): T | null {
  const enabled = items.filter(usable);
  if (enabled.length === 0) return null;
  const index = enabled.indexOf(current);
  switch (key) {
    case 'Home':
      return enabled[0] ?? null;
    case 'End':
      return enabled[enabled.length - 1] ?? null;
    case 'ArrowRight':
      return enabled[(index + 1) % enabled.length] ?? null;
    case 'ArrowLeft':
      return enabled[(index - 1 + enabled.length) % enabled.length] ?? null;
    default:
      return null;
  }
}
