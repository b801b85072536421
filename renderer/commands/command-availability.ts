// Runs in: renderer. Whether a command applies now: a story must be open for "Save", its body
// editor for "Bold". The palette leaves out what does not apply.
import type { CommandSpec } from '../../common/commands/command-table';
import type { AppStores } from '../stores/app-stores';

export function isCommandAvailable(spec: CommandSpec, stores: Pick<AppStores, 'article' | 'ui'>): boolean {
  if (!spec.needs) return true;
  const { article, getEditorHandle } = stores.article.getState();
  if (!article) return false;
  return spec.needs === 'article' || (stores.ui.getState().view === 'article' && getEditorHandle() !== null);
}
