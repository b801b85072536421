// Runs in: services and renderer. A figure node's attributes, typed and checked: only a figure
// that names a library photo by a valid media id is rendered at all.
import { mediaIdSchema, type DocNode } from '../article';

export interface CheckedFigure {
  mediaId: string;
  alt: string;
  credit: string;
  lead: boolean;
  caption: DocNode[];
}

/** The figure's parts, or null when its media id is not a library photo id. */
export function figureAttrsOf(node: DocNode): CheckedFigure | null {
  const attrs = node.attrs ?? {};
  const mediaId = attrs.mediaId;
  if (!mediaIdSchema.safeParse(mediaId).success) return null;
  return {
    mediaId: mediaId as string,
    alt: typeof attrs.alt === 'string' ? attrs.alt : '',
    credit: typeof attrs.credit === 'string' ? attrs.credit : '',
    lead: attrs.lead === true,
    caption: node.content ?? [],
  };
}

/** Every distinct valid media id the body's figures use, in document order. */
export function figureMediaIds(doc: DocNode): string[] {
  const ids = new Set<string>();
  const visit = (node: DocNode): void => {
    if (node.type === 'figure') {
      const figure = figureAttrsOf(node);
      if (figure) ids.add(figure.mediaId);
    }
    for (const child of node.content ?? []) visit(child);
  };
  visit(doc);
  return [...ids];
}
