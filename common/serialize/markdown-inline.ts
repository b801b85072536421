// Runs in: services and renderer. Inline ProseMirror content as CommonMark/GFM: text escaped so it
// can never turn into markup, marks as delimiters where CommonMark's flanking rules let them work
// (CJK punctuation often does not) and as inline HTML tags where they would not.
import type { DocNode } from '../article';
import type { InlineMark } from './inline-marks';
import { inlinePieceOf } from './inline-piece';

export interface InlineMarkdownOptions {
  /** Hard breaks become spaces (headings, caption lines are single-line). */
  singleLine?: boolean;
  /** Marks to leave out, e.g. italic inside an already-italic caption line. */
  dropMarks?: InlineMark['type'][];
}

const HARD_BREAK = '  \n';
const PUNCTUATION = /^[\p{P}\p{S}]$/u;
const WHITESPACE = /^\s$/u;
const DELIMITER: Partial<Record<InlineMark['type'], string>> = { bold: '**', italic: '*', strike: '~~' };
const HTML_TAG: Record<Exclude<InlineMark['type'], 'link'>, string> = { bold: 'strong', italic: 'em', strike: 'del', underline: 'ins' };

/** Text that Markdown must show literally: every character that could start markup is escaped. */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\\`*_[\]<>~|]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/** Line starts that would open a block (heading, quote, list, setext rule) are escaped. */
export function escapeLineStart(line: string): string {
  // Only spaces and tabs indent in Markdown; a Chinese paragraph's fullwidth indent stays.
  const trimmed = line.replace(/^[ \t]+/, '');
  const numbered = /^(\d{1,9})[.)](?=[ \t]|$)/.exec(trimmed);
  if (numbered) return `${numbered[1]}\\${trimmed.slice(numbered[1]?.length ?? 0)}`;
  // ATX heading, quote, bullet, or a setext underline / thematic break made of = or -.
  return /^(?:#{1,6}(?:[ \t]|$)|>|[+-](?:[ \t]|$)|[=-]+[ \t]*$)/.test(trimmed) ? `\\${trimmed}` : trimmed;
}

/** A link or image destination with the characters that would end or confuse it escaped. */
export function markdownUrl(url: string): string {
  return url.replace(/[\\()<>]/g, (c) => `\\${c}`);
}

export function inlineToMarkdown(nodes: DocNode[], opts: InlineMarkdownOptions = {}): string {
  const lines: string[] = [''];
  const pieces = groupPieces(nodes, opts);
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as Piece;
    if (piece.kind === 'break') {
      if (opts.singleLine) lines[lines.length - 1] += ' ';
      else lines.push('');
      continue;
    }
    const current = lines[lines.length - 1] ?? '';
    const before = current.length > 0 ? lastChar(current) : ' ';
    const after = firstCharOf(pieces[i + 1]);
    lines[lines.length - 1] = current + renderPiece(piece, before, after);
  }
  const rendered = lines.map((line) => escapeLineStart(line).replace(/[ \t]+$/, ''));
  while (rendered.length > 0 && rendered[rendered.length - 1] === '') rendered.pop();
  return rendered.join(opts.singleLine ? ' ' : HARD_BREAK);
}

type Piece = { kind: 'break' } | { kind: 'text'; text: string; marks: InlineMark[] } | { kind: 'link'; href: string; children: Piece[] };

/** Text pieces with their marks; consecutive pieces under one link are grouped into one link. */
function groupPieces(nodes: DocNode[], opts: InlineMarkdownOptions): Piece[] {
  const out: Piece[] = [];
  for (const node of nodes) {
    const inline = inlinePieceOf(node);
    if (inline.kind === 'break') {
      out.push({ kind: 'break' });
      continue;
    }
    const text = inline.text;
    if (text.length === 0) continue;
    const all = inline.marks.filter((m) => !opts.dropMarks?.includes(m.type));
    const link = all.find((m): m is Extract<InlineMark, { type: 'link' }> => m.type === 'link');
    const piece: Piece = { kind: 'text', text, marks: all.filter((m) => m.type !== 'link') };
    const last = out[out.length - 1];
    if (link && last?.kind === 'link' && last.href === link.href) last.children.push(piece);
    else if (link) out.push({ kind: 'link', href: link.href, children: [piece] });
    else out.push(piece);
  }
  return out;
}

/** The first character a piece will print, as far as flanking cares: delimiters and brackets are punctuation. */
function firstCharOf(piece: Piece | undefined): string {
  if (!piece || piece.kind === 'break') return ' ';
  if (piece.kind === 'link') return '[';
  if (piece.marks.some((m) => m.type === 'underline')) return '<';
  const firstMark = piece.marks[0];
  if (firstMark) return (DELIMITER[firstMark.type] ?? '<').charAt(0);
  return escapeMarkdownText(piece.text).charAt(0) || ' ';
}

function renderPiece(piece: Piece, before: string, after: string): string {
  if (piece.kind === 'break') return '';
  if (piece.kind === 'text') return renderStyled(piece.text, piece.marks, before, after);
  let label = '';
  piece.children.forEach((child, index) => {
    const childBefore = label.length > 0 ? lastChar(label) : '[';
    const childAfter = index + 1 < piece.children.length ? firstCharOf(piece.children[index + 1]) : ']';
    label += renderPiece(child, childBefore, childAfter);
  });
  return `[${label}](${markdownUrl(piece.href)})`;
}

/** One text node with its marks; whitespace moves outside the delimiters, which cannot hug spaces. */
function renderStyled(text: string, marks: InlineMark[], before: string, after: string): string {
  const lead = /^\s*/u.exec(text)?.[0] ?? '';
  const trail = text.length > lead.length ? (/\s*$/u.exec(text)?.[0] ?? '') : '';
  const core = escapeMarkdownText(text.slice(lead.length, text.length - trail.length));
  if (core.length === 0 || marks.length === 0) return escapeMarkdownText(text);
  const styles = marks.filter((m): m is Exclude<InlineMark, { type: 'link' }> => m.type !== 'link');
  const underline = styles.some((m) => m.type === 'underline');
  const delimited = styles.filter((m) => m.type !== 'underline');
  let inner: string;
  if (delimited.length === 0) {
    inner = core;
  } else if (delimitersWork(delimited, core, underline ? '>' : lead ? ' ' : before, underline ? '<' : trail ? ' ' : after)) {
    const delimiters = delimited.map((m) => DELIMITER[m.type] ?? '');
    inner = delimiters.join('') + core + [...delimiters].reverse().join('');
  } else {
    inner = delimited.map((m) => `<${HTML_TAG[m.type]}>`).join('') + core + [...delimited].reverse().map((m) => `</${HTML_TAG[m.type]}>`).join('');
  }
  const wrapped = underline ? `<ins>${inner}</ins>` : inner;
  return escapeMarkdownText(lead) + wrapped + escapeMarkdownText(trail);
}

/** CommonMark's flanking rules for the outermost opening and closing delimiter runs. */
function delimitersWork(marks: Exclude<InlineMark, { type: 'link' }>[], core: string, before: string, after: string): boolean {
  const opening = marks.map((m) => DELIMITER[m.type] ?? '').join('');
  const closing = [...marks].reverse().map((m) => DELIMITER[m.type] ?? '').join('');
  const first = opening.charAt(0);
  const last = closing.charAt(closing.length - 1);
  // A delimiter touching the same character from a neighbour would merge into one run.
  if (before === first || after === last) return false;
  const openRunEnd = runLength(opening);
  const afterOpen = openRunEnd < opening.length ? opening.charAt(openRunEnd) : firstChar(core);
  const closeRunStart = closing.length - runLength([...closing].reverse().join(''));
  const beforeClose = closeRunStart > 0 ? closing.charAt(closeRunStart - 1) : lastChar(core);
  const opens = !isPunctuation(afterOpen) || isSpaceOrPunctuation(before);
  const closes = !isPunctuation(beforeClose) || isSpaceOrPunctuation(after);
  return opens && closes;
}

/** First and last code points, so an emoji counts as the symbol it is. */
function firstChar(text: string): string {
  return String.fromCodePoint(text.codePointAt(0) ?? 32);
}

function lastChar(text: string): string {
  const chars = Array.from(text.slice(-2));
  return chars[chars.length - 1] ?? ' ';
}

function runLength(text: string): number {
  let n = 0;
  while (n < text.length && text.charAt(n) === text.charAt(0)) n++;
  return n;
}

function isPunctuation(c: string): boolean {
  return PUNCTUATION.test(c);
}

function isSpaceOrPunctuation(c: string): boolean {
  return c === '' || WHITESPACE.test(c) || PUNCTUATION.test(c);
}
