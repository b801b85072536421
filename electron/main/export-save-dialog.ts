// Runs in: main (pure, no electron import). Desktop exports ask where to save: main shows the Save
// dialog (proposing the story's slug) and hands only the chosen path to the services. A destination
// sent by the page itself is dropped: only the person's choice in the dialog counts.
import { basename, join } from 'node:path';
import type { Envelope, OperationName } from '../../common/contract';

export interface SaveDialogPort {
  /** Shows the Save dialog at `defaultPath`; resolves to the chosen path, or null when closed. */
  choose(defaultPath: string): Promise<string | null>;
  /** Where the dialog opens. */
  documentsDir: string;
}

const MAX_SUGGESTED_NAME = 120;

/** For `articles.export`: asks, then forwards with the chosen destination; other calls pass through unchanged. */
export async function withSaveDialog(
  name: OperationName,
  input: unknown,
  dialog: SaveDialogPort,
  forward: (input: unknown) => Promise<Envelope<unknown>>,
): Promise<Envelope<unknown>> {
  if (name !== 'articles.export' || input === null || typeof input !== 'object') return forward(input);
  const { destination: _ignored, suggestedName, ...rest } = input as Record<string, unknown>;
  const proposed = typeof suggestedName === 'string' ? basename(suggestedName.slice(0, MAX_SUGGESTED_NAME)).replace(/^\.+/, '') : '';
  const chosen = await dialog.choose(join(dialog.documentsDir, proposed || 'article'));
  if (chosen === null) return { ok: true, value: null };
  return forward({ ...rest, destination: chosen });
}
