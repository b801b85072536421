// Runs in: renderer. "Go to field": finds an article field by its visible or accessible label and focuses it.

const FOCUSABLE = 'input, select, textarea, button, [contenteditable="true"]';

function focusElement(element: HTMLElement): true {
  element.scrollIntoView?.({ block: 'center' });
  element.focus();
  return true;
}

/** Focuses the `index`-th (0-based) control labelled `label` inside `root`; false when there is none. */
export function focusFieldByLabel(root: ParentNode, label: string, index = 0): boolean {
  const matches: HTMLElement[] = [];
  const add = (control: HTMLElement | null | undefined): void => {
    if (control && !matches.includes(control)) matches.push(control);
  };
  for (const element of root.querySelectorAll<HTMLLabelElement>('label')) {
    if (element.textContent?.trim() !== label) continue;
    add(element.htmlFor ? (element.ownerDocument.getElementById(element.htmlFor) as HTMLElement | null) : element.querySelector<HTMLElement>(FOCUSABLE));
  }
  for (const legend of root.querySelectorAll('fieldset > legend')) {
    if (legend.textContent?.trim() !== label) continue;
    add(legend.parentElement?.querySelector<HTMLElement>(FOCUSABLE));
  }
  for (const element of root.querySelectorAll<HTMLElement>('[aria-label]')) {
    if (element.getAttribute('aria-label') === label && element.matches(FOCUSABLE)) add(element);
  }
  const target = matches[index];
  return target ? focusElement(target) : false;
}
