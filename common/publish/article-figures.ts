// Runs in: services and renderer. The photos of an article in reading order, each with its
// number as a person counts them ("photo 2") and its caption as plain text.
import type { Article, DocNode } from '../article';
import { docText } from '../doc-text';
import { figureAttrsOf, type CheckedFigure } from '../serialize/figure-attrs';

export interface NumberedFigure extends CheckedFigure {
  /** 1-based position among the article's photos. */
  number: number;
  captionText: string;
}

const MAX_DEPTH = 100;

export function articleFigures(article: Pick<Article, 'body'>): NumberedFigure[] {
  const found: NumberedFigure[] = [];
  const visit = (node: DocNode, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (node.type === 'figure') {
      const figure = figureAttrsOf(node);
      if (figure) {
        const captionText = docText({ type: 'paragraph', content: figure.caption }).trim();
        found.push({ ...figure, number: found.length + 1, captionText });
      }
      return;
    }
    for (const child of node.content ?? []) visit(child, depth + 1);
  };
  visit(article.body, 0);
  return found;
}
