// Runs in: services and renderer. An article as Markdown with YAML front matter. Text is escaped so
// it stays text; underline has no Markdown form and is written as <ins> (GFM keeps it). The
// editor's note is internal and never exported.
import type { Article, DocNode } from '../article';
import { docText } from '../doc-text';
import { visitNode, type BodyVisitor } from '../editor/body-visitor';
import { rejectPendingSuggestions } from '../editor/pending-suggestions';
import { isUsableSlug, slugify } from '../text/slugify';
import { creditLine } from './credit-line';
import { figureAttrsOf } from './figure-attrs';
import { isSafeImageSrc } from './is-safe-image-src';
import { escapeLineStart, escapeMarkdownText, inlineToMarkdown, markdownUrl } from './markdown-inline';
import { yamlString } from './yaml-string';

export interface MarkdownOptions {
  /** Where a library photo is, relative to the .md file (e.g. images/<id>). */
  mediaSrc: (mediaId: string) => string;
  /** Set from the article: credits are printed in its language (摄影：…, Photo: …). */
  language?: string;
}

// Deeper nesting than any editor produces is dropped rather than recursed into.
const MAX_DEPTH = 100;

export function articleToMarkdown(article: Article, opts: MarkdownOptions): string {
  // Pending suggestions are never written out: the text stands as if they were all rejected.
  const doc = rejectPendingSuggestions(article.body);
  const body = renderBlocks(doc.type === 'doc' ? (doc.content ?? []) : [doc], { ...opts, language: article.meta.language }, 0);
  return `${frontMatter(article)}\n${body.length > 0 ? `${body}\n` : ''}`;
}

function frontMatter(article: Article): string {
  const meta = article.meta;
  const slug = isUsableSlug(meta.slug) ? meta.slug : slugify(article.headline);
  const bylines = meta.bylines.filter((b) => b.name.trim().length > 0);
  const lines = [
    '---',
    `title: ${yamlString(article.headline)}`,
    `subtitle: ${yamlString(article.subheadline)}`,
    `slug: ${yamlString(slug)}`,
    `section: ${yamlString(meta.section)}`,
    `tags: [${meta.tags.map(yamlString).join(', ')}]`,
    bylines.length === 0 ? 'bylines: []' : 'bylines:',
    ...bylines.flatMap((b) => [`  - name: ${yamlString(b.name)}`, `    role: ${yamlString(b.role)}`]),
    `source: ${yamlString(meta.source)}`,
    `publisher: ${yamlString(meta.publisher)}`,
    `dateline: ${yamlString(meta.dateline)}`,
    `planned: ${meta.plannedAt ? yamlString(meta.plannedAt) : 'null'}`,
    `language: ${yamlString(meta.language)}`,
    `summary: ${yamlString(article.summary)}`,
    '---',
    '',
  ];
  return lines.join('\n');
}

function renderBlocks(nodes: DocNode[], opts: MarkdownOptions, depth: number): string {
  const blocks = nodes.map((node) => ({ node, text: renderBlock(node, opts, depth + 1) })).filter((b) => b.text.length > 0);
  let out = '';
  blocks.forEach((block, index) => {
    if (index > 0) {
      // Two lists of one kind in a row would merge into one: a comment keeps them apart.
      out += isList(block.node.type) && blocks[index - 1]?.node.type === block.node.type ? '\n\n<!-- -->\n\n' : '\n\n';
    }
    out += block.text;
  });
  return out;
}

function renderBlock(node: DocNode, opts: MarkdownOptions, depth: number): string {
  return depth > MAX_DEPTH ? '' : visitNode(node, MARKDOWN_BLOCK, opts, depth);
}

/** A node the block switch does not place (a stray list item, text or unknown node) as its escaped text. */
function asText(node: DocNode): string {
  return escapeLineStart(escapeMarkdownText(docText(node)));
}

const MARKDOWN_BLOCK: BodyVisitor<string, [MarkdownOptions, number]> = {
  paragraph: (node) => inlineToMarkdown(node.content ?? []),
  heading: (node) => {
    // Trailing " ##" would be read as a closing sequence and dropped: escape its first #.
    const text = inlineToMarkdown(node.content ?? [], { singleLine: true }).replace(/([ \t])#(#*)$/, '$1\\#$2');
    const hashes = typeof node.attrs?.level === 'number' && node.attrs.level >= 3 ? '###' : '##';
    return text.length > 0 ? `${hashes} ${text}` : '';
  },
  blockquote: (node, opts, depth) => {
    const inner = renderBlocks(node.content ?? [], opts, depth);
    return inner.length > 0 ? prefixLines(inner, '> ', '>') : '';
  },
  bulletList: (node, opts, depth) => renderList(node, opts, depth),
  orderedList: (node, opts, depth) => renderList(node, opts, depth),
  horizontalRule: () => '---',
  figure: (node, opts) => renderFigure(node, opts),
  doc: asText,
  listItem: asText,
  hardBreak: asText,
  text: asText,
  unknown: asText,
};

function renderList(node: DocNode, opts: MarkdownOptions, depth: number): string {
  const start = typeof node.attrs?.start === 'number' && Number.isSafeInteger(node.attrs.start) && node.attrs.start >= 0 && node.attrs.start <= 999_999_999 ? node.attrs.start : 1;
  const items: string[] = [];
  (node.content ?? []).forEach((item, index) => {
    const marker = node.type === 'orderedList' ? `${start + index}.` : '-';
    const blocks = item.type === 'listItem' ? (item.content ?? []) : [item];
    const rendered = blocks.map((b) => ({ node: b, text: renderBlock(b, opts, depth + 2) })).filter((b) => b.text.length > 0);
    let inner = '';
    rendered.forEach((block, i) => {
      // A nested list hugs its parent line; a second paragraph needs a blank line.
      if (i > 0) inner += isList(block.node.type) ? '\n' : '\n\n';
      inner += block.text;
    });
    const indent = ' '.repeat(marker.length + 1);
    items.push(inner.length === 0 ? marker : `${marker} ${prefixLines(inner, indent, '').slice(indent.length)}`);
  });
  return items.join('\n');
}

function renderFigure(node: DocNode, opts: MarkdownOptions): string {
  const figure = figureAttrsOf(node);
  if (!figure) return '';
  const src = opts.mediaSrc(figure.mediaId);
  if (!isSafeImageSrc(src)) return '';
  const image = `![${escapeMarkdownText(figure.alt)}](${markdownUrl(src)})`;
  const caption = inlineToMarkdown(figure.caption, { singleLine: true, dropMarks: ['italic'] });
  const credit = escapeMarkdownText(opts.language === undefined ? figure.credit.trim() : creditLine(figure.credit, opts.language));
  const line = [caption, credit].filter((part) => part.length > 0).join(' — ');
  if (line.length === 0) return image;
  const italic = /^[*\s]|[*\s]$/.test(line) ? `<em>${line}</em>` : `*${line}*`;
  return `${image}\n\n${italic}`;
}

function prefixLines(text: string, prefix: string, emptyPrefix: string): string {
  return text
    .split('\n')
    .map((line) => (line.length > 0 ? prefix + line : emptyPrefix))
    .join('\n');
}

function isList(type: string | undefined): boolean {
  return type === 'bulletList' || type === 'orderedList';
}
