// Runs in: services. A photo's caption as the WordPress media library shows it: the caption text
// with the credit, in the article's language, HTML-escaped (WordPress stores captions as HTML).
import type { DocNode } from '../../../common/article';
import { docText } from '../../../common/doc-text';
import { creditLine } from '../../../common/serialize/credit-line';
import { escapeHtml } from '../../../common/serialize/escape-html';

export function captionText(caption: DocNode[]): string {
  return docText({ type: 'paragraph', content: caption }).replace(/\s+/g, ' ').trim();
}

/** "Caption (Photo: Credit)" or "说明（摄影：Credit）", escaped. */
export function wordpressCaption(caption: DocNode[], credit: string, language: string): string {
  return escapeHtml(captionWithCredit(caption, credit, language));
}

/** "Caption (Photo: Credit)" or "说明（摄影：Credit）" as plain text. */
export function captionWithCredit(caption: DocNode[], credit: string, language: string): string {
  const text = captionText(caption);
  const who = creditLine(credit, language);
  const zh = /^zh(?:-|$)/i.test(language);
  // 摄影：… for a name, 来源：… for an agency, and "…供图" or "Photo: City Press" kept as written.
  const creditPart = who.length === 0 ? '' : zh ? `（${who}）` : ` (${who})`;
  const joined = text.length > 0 ? `${text}${creditPart}` : creditPart.replace(/^ \(|^（|\)$|）$/g, '');
  return joined.trim();
}
