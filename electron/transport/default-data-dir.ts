// Runs in: main and host (Node). Where the library lives when DATELINE_DATA_DIR does not say otherwise.
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

export const APP_FOLDER_NAME = 'Dateline';

export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  if (platform === 'win32') return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  const xdgDataHome = env.XDG_DATA_HOME;
  // XDG says relative values are invalid and must be ignored.
  const base = xdgDataHome && posix.isAbsolute(xdgDataHome) ? xdgDataHome : posix.join(home, '.local', 'share');
  return posix.join(base, APP_FOLDER_NAME);
}
