// Runs in: host (plain Node). Which file the services process runs: the built bundle next to a
// built host, the TypeScript source under tsx otherwise (`npm run serve`, tests).
import { join } from 'node:path';
import type { ServicesEntry } from './fork-services-child';

/** The services bundle, relative to the project (or app) root. */
export const SERVICES_BUNDLE = join('dist', 'services', 'services.cjs');

export function servicesEntryFor(projectRoot: string, hostIsBuilt: boolean): ServicesEntry {
  return hostIsBuilt
    ? { path: join(projectRoot, SERVICES_BUNDLE), execArgv: [], cwd: projectRoot }
    : { path: join(projectRoot, 'electron', 'services-process', 'services-entry.ts'), execArgv: ['--import', 'tsx'], cwd: projectRoot };
}
