// Runs in: main, services, renderer and the newsroom server. Where a comment points in the body:
// two Yjs relative positions (they follow the text through everyone's edits), carried as base64.
// The editor makes them from ProseMirror positions with y-tiptap's
// absolutePositionToRelativePosition; anchorInText makes one from a text node and an offset.
import * as Y from 'yjs';
import { z } from 'zod';

/** A relative position is a few dozen bytes; anything longer is not one of ours. */
export const MAX_ANCHOR_CHARS = 512;

export const encodedAnchorSchema = z.string().min(4).max(MAX_ANCHOR_CHARS).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'a base64 anchor');

export const commentAnchorSchema = z.object({ from: encodedAnchorSchema, to: encodedAnchorSchema });
export type CommentAnchor = z.infer<typeof commentAnchorSchema>;

export function encodeAnchor(position: Y.RelativePosition): string {
  const bytes = Y.encodeRelativePosition(position);
  let binary = '';
  bytes.forEach((byte) => {
    binary += String.fromCharCode(byte);
  });
  return btoa(binary);
}

/** The relative position an anchor carries; null when it is not one. */
export function decodeAnchor(anchor: string): Y.RelativePosition | null {
  if (!encodedAnchorSchema.safeParse(anchor).success) return null;
  try {
    const binary = atob(anchor);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
}

export function anchorInText(text: Y.XmlText | Y.Text, index: number, assoc = 0): string {
  return encodeAnchor(Y.createRelativePositionFromTypeIndex(text, index, assoc));
}

/** Where an anchor points now in `doc` (the type and index), or null if its text was deleted. */
export function resolveAnchor(doc: Y.Doc, anchor: string): { type: Y.AbstractType<unknown>; index: number } | null {
  const position = decodeAnchor(anchor);
  if (!position) return null;
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
  return absolute ? { type: absolute.type, index: absolute.index } : null;
}
