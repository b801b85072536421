// Runs in: services. A photo's caption as the WordPress media library shows it: the caption text
// with the credit, in the article's language, HTML-escaped (WordPress stores captions as HTML).
import type { DocNode } from '../../../common/article';
import { docText } from '../../../common/doc-text';
import { escapeHtml } from '../../../common/serialize/escape-html';

export function captionText(caption: DocNode[]): string {
  return docText({ type: 'paragraph', content: caption }).replace(/\s+/g, ' ').trim();
}

/** "Caption (Photo: Credit)" or "说明（摄影：Credit）", escaped. */
export function wordpressCaption(caption: DocNode[], credit: string, language: string): string {
  const text = captionText(caption);
  const who = credit.trim();
  const zh = /^zh(?:-|$)/i.test(language);
  // "Photo: City Press" or "图片：城市日报" already says what it is: keep it as written.
  const labelled = /^[^:：]{1,20}[:：]/.test(who);
  const creditPart = who.length === 0 ? '' : labelled ? (zh ? `（${who}）` : ` (${who})`) : zh ? `（摄影：${who}）` : ` (Photo: ${who})`;
  const joined = text.length > 0 ? `${text}${creditPart}` : creditPart.replace(/^ \(|^（|\)$|）$/g, '');
  return escapeHtml(joined.trim());
}
