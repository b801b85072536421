// Runs in: main (pure, no electron import). Where the shell finds its files and data, in development and packaged.
import { join, resolve } from 'node:path';
import { defaultDataDir } from '../transport/default-data-dir';
import { SERVICES_BUNDLE } from '../services-process/services-entry-path';

export interface AppPaths {
  /** The Vite build served as dateline://app/. */
  rendererDir: string;
  preloadPath: string;
  /** The services process bundle Electron's utilityProcess runs. */
  servicesPath: string;
  /** The library folder handed to the services. */
  dataDir: string;
  /** Chromium profile and shell state (window position, secrets); null keeps Electron's default. */
  userDataDir: string | null;
}

/** `appPath` is app.getAppPath(): the project folder in development, the app.asar root when packaged; the layout is the same. */
export function appPaths(options: { appPath: string; env: NodeJS.ProcessEnv; platform?: NodeJS.Platform; home?: string }): AppPaths {
  const { appPath, env } = options;
  return {
    rendererDir: join(appPath, 'dist', 'renderer'),
    preloadPath: join(appPath, 'dist', 'electron', 'preload.cjs'),
    servicesPath: join(appPath, SERVICES_BUNDLE),
    dataDir: env.DATELINE_DATA_DIR ? resolve(env.DATELINE_DATA_DIR) : defaultDataDir(options.platform, env, options.home),
    userDataDir: env.DATELINE_USER_DATA_DIR ? resolve(env.DATELINE_USER_DATA_DIR) : null,
  };
}
