// Runs in: Node (the test preflight). One external part the tests need, as a probe found it.

export interface PreflightPart {
  /** Short id, e.g. 'chromium'. */
  id: string;
  /** What it is, for people: 'Chromium'. */
  label: string;
  /** Which tests need it: 'the end-to-end tests'. */
  neededBy: string;
  present: boolean;
  /** Why it counts as missing (what was looked for); empty when present. */
  reason: string;
  /** The Debian packages that bring it; empty when no package can (then `elsewhere` says what to do). */
  debianPackages: readonly string[];
  /** How to get it where apt-get cannot: another OS, or a part no package brings. */
  elsewhere: string;
}
