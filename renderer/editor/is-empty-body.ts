// Runs in: renderer. Whether the body is still empty (one empty paragraph): the placeholder's cue.
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

/** Looks at the first block only, so it costs the same at 10 words and at 100k. */
export function isEmptyBody(doc: ProseMirrorNode): boolean {
  if (doc.childCount !== 1) return false;
  const only = doc.firstChild;
  return only !== null && only.type.name === 'paragraph' && only.content.size === 0;
}
