// Runs in: renderer. Puts a replacement into a text field the way typing would, so the browser's own
// undo (Ctrl/Cmd+Z in the field, Edit ▸ Undo) takes it back like any other edit there.
/**
 * Replaces the text of `input` with `next` as one edit on the browser's undo stack: only the part
 * that differs is selected and overwritten. False when the browser cannot do that (no
 * `execCommand`, or it refused); the caller then sets the value itself. Focus is given back.
 */
export function replaceInFieldInput(input: HTMLInputElement | HTMLTextAreaElement, next: string): boolean {
  const before = input.value;
  if (before === next) return true;
  if (typeof document.execCommand !== 'function') return false;
  let start = 0;
  while (start < before.length && start < next.length && before[start] === next[start]) start++;
  let end = 0;
  while (end < before.length - start && end < next.length - start && before[before.length - 1 - end] === next[next.length - 1 - end]) end++;
  const inserted = next.slice(start, next.length - end);
  const returnTo = document.activeElement;
  input.focus();
  input.setSelectionRange(start, before.length - end);
  const done = inserted === '' ? document.execCommand('delete') : document.execCommand('insertText', false, inserted);
  if (returnTo instanceof HTMLElement && returnTo !== input) returnTo.focus();
  return done && input.value === next;
}
