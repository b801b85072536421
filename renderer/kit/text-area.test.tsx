// @vitest-environment happy-dom
// Runs in: tests (happy-dom). The text area shows its value, follows changes made elsewhere, and
// while someone types it never rewrites its own text child: Chromium would end the typing step and
// undo would take back one character at a time.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { TextArea } from './text-area';

afterEach(cleanup);

function Harness({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <TextArea aria-label="Headline" value={value} onChange={(e) => setValue(e.target.value)} />
      <button type="button" onClick={() => setValue('Restored headline')}>
        Restore
      </button>
    </>
  );
}

function childChangesWhileTyping(): number {
  render(<Harness initial="Council vote" />);
  const box = screen.getByRole('textbox', { name: 'Headline' }) as HTMLTextAreaElement;
  let changes = 0;
  const observer = new MutationObserver((records) => (changes += records.filter((r) => r.type === 'childList').length));
  observer.observe(box, { childList: true, characterData: true, subtree: true });
  for (const value of ['Council vote t', 'Council vote to', 'Council vote ton']) {
    box.value = value;
    fireEvent.change(box, { target: { value } });
  }
  changes += observer.takeRecords().filter((r) => r.type === 'childList').length;
  observer.disconnect();
  return changes;
}

describe('TextArea', () => {
  it('shows its value and follows a change made elsewhere', () => {
    render(<Harness initial="Council vote" />);
    const box = screen.getByRole('textbox', { name: 'Headline' }) as HTMLTextAreaElement;
    expect(box.value).toBe('Council vote');
    fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    expect(box.value).toBe('Restored headline');
  });

  it('never rewrites its text child while someone types', () => {
    // (happy-dom's controlled textarea does not show the rewrite either; the e2e test in Chromium
    // checks that Ctrl+Z takes back the typed run in the headline.)
    expect(childChangesWhileTyping()).toBe(0);
  });

  it('shows the value again when a change is turned back into the value it already had', async () => {
    function Normalising() {
      const [value, setValue] = useState('Council vote');
      return <TextArea aria-label="Headline" value={value} onChange={(e) => setValue(e.target.value.replace(/[\r\n]+/g, ' '))} />;
    }
    render(<Normalising />);
    const box = screen.getByRole('textbox', { name: 'Headline' }) as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: 'Council\nvote' } });
    await Promise.resolve();
    expect(box.value).toBe('Council vote');
  });
});
