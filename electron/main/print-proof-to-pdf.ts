// Runs in: main (pure, no electron import). File → Print Proof in the desktop app: the page is
// printed with its print stylesheet (webContents.printToPDF) into a PDF the person chooses.
import { join } from 'node:path';

export interface PrintProofPort {
  /** webContents.printToPDF with the proof's page settings. */
  printToPdf(): Promise<Uint8Array>;
  /** The Save dialog at `defaultPath`; null when closed. */
  choose(defaultPath: string): Promise<string | null>;
  write(path: string, bytes: Uint8Array): Promise<void>;
  documentsDir: string;
}

/** What printToPDF is asked for: A4, the stylesheet's own colours, room for a pen in the margins. */
export const PROOF_PDF_OPTIONS = { pageSize: 'A4', printBackground: false, margins: { top: 0.8, bottom: 0.8, left: 0.9, right: 0.9 } } as const;

/** Asks where first, so closing the dialog prints nothing; resolves to the saved path or null. */
export async function printProofToPdf(port: PrintProofPort, suggestedName = 'proof'): Promise<string | null> {
  const safeName = suggestedName.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[.-]+/, '').slice(0, 100) || 'proof';
  const chosen = await port.choose(join(port.documentsDir, `${safeName}.pdf`));
  if (chosen === null) return null;
  await port.write(chosen, await port.printToPdf());
  return chosen;
}
