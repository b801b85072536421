// Runs in: services and renderer. Escaping for HTML we build by hand: every text and attribute
// value goes through here, so no input can open a tag or leave a quoted attribute.
const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

// NUL becomes U+FFFD the way an HTML parser would; other C0 controls (bar tab/newline) are dropped.
const UNSAFE_CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Text content for an HTML element. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c] ?? c).replace(/\u0000/g, '\uFFFD').replace(UNSAFE_CONTROL, '');
}

/** A value for a double-quoted HTML attribute. */
export function escapeAttr(value: string): string {
  return escapeHtml(value).replace(/\r\n|\r|\n|\t/g, (c) => (c === '\t' ? '&#9;' : '&#10;'));
}
