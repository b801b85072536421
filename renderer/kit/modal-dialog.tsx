// Runs in: renderer. A modal dialog: labelled, focus moves in and back, Tab stays inside, Escape
// closes — also when the focused control went away (a button that disabled itself). Only the
// topmost of stacked dialogs (the targets dialog over Settings) answers the keyboard.
import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface ModalDialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
  /** Dialogs that confirm something get role alertdialog. */
  role?: 'dialog' | 'alertdialog';
  /**
   * Focus the dialog itself, not its first control: for a dialog that may open while someone is
   * typing, so a Space or Enter meant for their text does not press its button. Tab reaches the buttons.
   * @default false
   */
  focusDialog?: boolean;
  /** The id of what explains the dialog (an alert dialog's message), read out after its title. */
  describedBy?: string;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The controls Tab can reach now (not those inside a disabled fieldset). */
function focusables(dialog: HTMLElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('fieldset:disabled'));
}

/** Open dialogs, oldest first: the last one has the keyboard. */
const openDialogs: HTMLElement[] = [];

export function ModalDialog({ title, onClose, children, className, role = 'dialog', focusDialog = false, describedBy }: ModalDialogProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  const focusDialogAtOpen = useRef(focusDialog);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    (focusDialogAtOpen.current ? dialog : (focusables(dialog)[0] ?? dialog)).focus();
    openDialogs.push(dialog);
    const handleKeyDown = (event: KeyboardEvent): void => {
      if (openDialogs.at(-1) !== dialog) return;
      // While an input method composes (pinyin), Escape cancels the candidates, not the dialog.
      if (event.isComposing || event.keyCode === 229) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        onCloseRef.current();
      } else if (event.key === 'Tab') {
        keepFocusInside(dialog, event);
      }
    };
    document.addEventListener('keydown', handleKeyDown, true);
    return () => {
      document.removeEventListener('keydown', handleKeyDown, true);
      openDialogs.splice(openDialogs.indexOf(dialog), 1);
      previous?.focus();
    };
  }, []);

  return (
    <div className="modal-backdrop">
      <div ref={ref} className={`modal ${className ?? ''}`} role={role} aria-modal="true" aria-labelledby={titleId} aria-describedby={describedBy} tabIndex={-1}>
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}

/** Tab from the last control goes to the first, Shift+Tab from the first to the last; focus outside comes back in. */
function keepFocusInside(dialog: HTMLElement, event: KeyboardEvent): void {
  const controls = focusables(dialog);
  const first = controls[0];
  const last = controls.at(-1);
  if (!first || !last) {
    event.preventDefault();
    dialog.focus();
    return;
  }
  const active = document.activeElement;
  if (!(active instanceof Node) || !dialog.contains(active) || active === dialog) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  } else if (event.shiftKey && active === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
