// Runs in: the benchmark script (Node). Builds an article body (ProseMirror JSON) from paragraphs,
// with figures (photo, caption, credit, alt) spread evenly through it.
import type { DocNode } from '../../common/article';

export interface BenchFigure {
  mediaId: string;
  caption: string;
  credit: string;
  alt: string;
}

export function bodyDoc(paragraphs: readonly string[], figures: readonly BenchFigure[] = []): DocNode {
  const content: DocNode[] = [];
  const every = figures.length > 0 ? Math.max(1, Math.floor(paragraphs.length / figures.length)) : Infinity;
  let figure = 0;
  paragraphs.forEach((text, i) => {
    content.push({ type: 'paragraph', content: [{ type: 'text', text }] });
    if ((i + 1) % every === 0 && figure < figures.length) content.push(figureNode(figures[figure++] as BenchFigure));
  });
  while (figure < figures.length) content.push(figureNode(figures[figure++] as BenchFigure));
  // The caret goes to the end of the body: keep a paragraph there.
  if (content[content.length - 1]?.type !== 'paragraph') content.push({ type: 'paragraph' });
  return { type: 'doc', content };
}

function figureNode(f: BenchFigure): DocNode {
  return {
    type: 'figure',
    attrs: { mediaId: f.mediaId, alt: f.alt, credit: f.credit, lead: false },
    content: f.caption ? [{ type: 'text', text: f.caption }] : [],
  };
}
