// Runs in: main (pure, no electron import). Whether a feed's version is newer than the running app, by
// semantic-version precedence (1.10.0 > 1.9.0; 2.0.0-beta.1 < 2.0.0).
import { gt, valid } from 'semver';

export function isNewerVersion(offered: string, current: string): boolean {
  const a = valid(offered);
  const b = valid(current);
  return a !== null && b !== null && gt(a, b);
}
