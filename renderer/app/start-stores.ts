// Runs in: renderer. What a start asks the services for (settings, the library's first rows, its
// problems): asked once per app, as soon as the stores exist, so the first rows are on their way
// while React renders the shell rather than after it.
import type { AppStores } from '../stores/app-stores';

const started = new WeakSet<AppStores>();

/** Asks the start-up questions for these stores; a second call (the shell mounting) asks nothing again. */
export function startStores(stores: AppStores): void {
  if (started.has(stores)) return;
  started.add(stores);
  const { settings, library, ui } = stores;
  const report = (error: unknown): void => ui.getState().showError(error);
  settings.getState().init().catch(report);
  library.getState().refresh().catch(report);
  library.getState().loadProblems().catch(report);
}
