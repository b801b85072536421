// Runs in: renderer. Inserts one figure per imported photo at a position, as a single undo step.
import type { Editor } from '@tiptap/core';
import type { MediaInfo } from '../../common/contract';

/** A figure cannot sit inside a figure caption: such positions move to just after that figure. */
function blockInsertPos(editor: Editor, pos: number): number {
  const { doc } = editor.state;
  const $pos = doc.resolve(Math.max(0, Math.min(pos, doc.content.size)));
  for (let depth = $pos.depth; depth > 0; depth--) {
    if ($pos.node(depth).type.name === 'figure') return $pos.after(depth);
  }
  return $pos.pos;
}

/** Embedded captions often carry line breaks; a caption is one line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function insertFigures(editor: Editor, pos: number, photos: readonly MediaInfo[]): boolean {
  if (photos.length === 0 || editor.isDestroyed) return false;
  const figures = photos.map((photo) => {
    const caption = oneLine(photo.caption);
    return {
      type: 'figure',
      attrs: { mediaId: photo.id, alt: '', credit: oneLine(photo.credit || photo.copyright), lead: false },
      content: caption ? [{ type: 'text', text: caption }] : [],
    };
  });
  return editor.chain().insertContentAt(blockInsertPos(editor, pos), figures).run();
}
