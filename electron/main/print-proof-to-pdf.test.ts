// Runs in: tests (node). Print Proof asks where to save before it prints, and writes the PDF there.
import { describe, expect, it } from 'vitest';
import { printProofToPdf, type PrintProofPort } from './print-proof-to-pdf';

function fakePort(choice: string | null) {
  const events: string[] = [];
  const port: PrintProofPort = {
    documentsDir: '/home/li/Documents',
    choose: async (defaultPath) => {
      events.push(`choose ${defaultPath}`);
      return choice;
    },
    printToPdf: async () => {
      events.push('print');
      return new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    },
    write: async (path, bytes) => {
      events.push(`write ${path} ${bytes.length}`);
    },
  };
  return { port, events };
}

describe('print proof to PDF', () => {
  it('proposes the story’s slug, prints, and writes where the person chose', async () => {
    const { port, events } = fakePort('/home/li/Documents/budget-proof.pdf');
    expect(await printProofToPdf(port, 'council-passes-budget')).toBe('/home/li/Documents/budget-proof.pdf');
    expect(events).toEqual(['choose /home/li/Documents/council-passes-budget.pdf', 'print', 'write /home/li/Documents/budget-proof.pdf 4']);
  });

  it('prints nothing when the dialog is closed, and keeps a hostile name inside the folder', async () => {
    const { port, events } = fakePort(null);
    expect(await printProofToPdf(port, '../../etc/passwd')).toBeNull();
    expect(events).toEqual(['choose /home/li/Documents/etc-passwd.pdf']);
  });
});
