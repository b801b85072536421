// Runs in: renderer. Puts a TipTap editor's view into the page, in place of @tiptap/react's EditorContent.
// EditorContent re-creates the node views once mounted (for React node views, which need its portals):
// ProseMirror then sees new node view functions and draws the whole document a second time, on every
// open. The body's node views are plain DOM (figure-node-view.ts), so the view is moved as built.
import type { Editor } from '@tiptap/core';
import { memo, useLayoutEffect, useRef, useState } from 'react';

export interface EditorMountProps {
  editor: Editor;
  className?: string;
}

export const EditorMount = memo(function EditorMount({ editor, className }: EditorMountProps) {
  const container = useRef<HTMLDivElement>(null);
  const [, setMounted] = useState<Editor | null>(null);
  useLayoutEffect(() => {
    const element = container.current;
    const holder = editor.isDestroyed ? null : editor.view.dom.parentNode;
    if (!element || !holder) return;
    element.append(...Array.from(holder.childNodes));
    editor.view.updateRoot();
    editor.setOptions({ element });
    // A render now makes React run the pending effects first, useEditor's among them: it marks the
    // editor as mounted before the 1 ms timer that destroys an editor nobody mounted (and makes a new one).
    setMounted(editor);
    return () => {
      if (editor.isDestroyed) return;
      // Back into a detached element, as EditorContent does, so the editor outlives its container.
      const detached = document.createElement('div');
      detached.append(...Array.from(element.childNodes));
      editor.setOptions({ element: detached });
    };
  }, [editor]);
  return <div ref={container} className={className} />;
});
