// Runs in: renderer. A paste far longer than a story (a whole report, a book, a log file pasted by
// mistake) is asked about before it lands: a body of hundreds of thousands of words is slow to edit,
// save and publish. Ordinary pastes, press releases and long interviews included, never see this.

/** Characters of pasted text past which the reporter is asked first (about 20,000 English words or 100,000 汉字). */
export const LARGE_PASTE_CHARS = 100_000;

export interface PendingPaste {
  html: string | null;
  text: string;
  /** Characters of its text. */
  chars: number;
}

/**
 * The clipboard's content when its text is past the limit; null for an ordinary paste (or none).
 * `plain` (Ctrl/Cmd+Shift+V): the text alone, whatever formatting the clipboard also holds.
 */
export function largePaste(data: DataTransfer | null, options: { plain?: boolean } = {}): PendingPaste | null {
  if (!data) return null;
  const text = data.getData('text/plain');
  const html = data.getData('text/html');
  const chars = text.length > 0 ? text.length : html.length;
  if (chars <= LARGE_PASTE_CHARS) return null;
  return { html: html === '' || (options.plain && text !== '') ? null : html, text, chars };
}
