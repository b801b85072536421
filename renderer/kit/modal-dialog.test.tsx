// @vitest-environment happy-dom
// Runs in: tests (happy-dom). Keyboard users stay inside a modal dialog, and Escape closes the topmost one.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ModalDialog } from './modal-dialog';

afterEach(cleanup);

function Page({ onCloseOuter, onCloseInner }: { onCloseOuter(): void; onCloseInner(): void }) {
  const [inner, setInner] = useState(false);
  return (
    <>
      <button type="button">Behind the dialog</button>
      <ModalDialog title="Settings" onClose={onCloseOuter}>
        <input aria-label="Your name" />
        <button type="button" onClick={() => setInner(true)}>
          Manage targets
        </button>
        {inner ? (
          <ModalDialog title="Targets" onClose={onCloseInner}>
            <button type="button">Add target</button>
          </ModalDialog>
        ) : null}
      </ModalDialog>
    </>
  );
}

describe('modal dialog', () => {
  it('Tab wraps inside the dialog, focus that strayed comes back in, and Escape closes only the topmost dialog', () => {
    const outer = vi.fn();
    const inner = vi.fn();
    render(<Page onCloseOuter={outer} onCloseInner={inner} />);
    const name = screen.getByRole('textbox', { name: 'Your name' });
    const manage = screen.getByRole('button', { name: 'Manage targets' });
    expect(document.activeElement).toBe(name);

    manage.focus();
    fireEvent.keyDown(manage, { key: 'Tab' });
    expect(document.activeElement).toBe(name); // from the last control back to the first
    fireEvent.keyDown(name, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(manage);

    (document.activeElement as HTMLElement).blur(); // a button that disabled itself dropped focus
    fireEvent.keyDown(document.body, { key: 'Tab' });
    expect(document.activeElement).toBe(name);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(outer).toHaveBeenCalledTimes(1);

    fireEvent.click(manage);
    const add = screen.getByRole('button', { name: 'Add target' });
    expect(document.activeElement).toBe(add);
    fireEvent.keyDown(add, { key: 'Escape' });
    expect(inner).toHaveBeenCalledTimes(1);
    expect(outer).toHaveBeenCalledTimes(1);
  });
});
