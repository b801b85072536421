// Runs in: the benchmark's page (bundled for Chromium by bare-tiptap-bundle.ts). A bare TipTap
// editor with StarterKit only: the baseline that shows what the app adds beyond TipTap itself.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

export interface BareTiptapOpen {
  /** `new Editor(...)` until it returned (the document parsed and the view built). */
  ready: number | null;
  /** Until a message posted from the next animation frame arrived. */
  painted: number | null;
}

declare global {
  interface Window {
    __bareTiptap: { open(html: string, into: HTMLElement): void; opened: BareTiptapOpen };
  }
}

const opened: BareTiptapOpen = { ready: null, painted: null };
const frame = new MessageChannel();
let t0 = 0;
frame.port2.onmessage = () => {
  opened.painted = performance.now() - t0;
};

window.__bareTiptap = {
  opened,
  open(html, into) {
    t0 = performance.now();
    new Editor({ element: into, extensions: [StarterKit], content: html });
    opened.ready = performance.now() - t0;
    requestAnimationFrame(() => frame.port1.postMessage(0));
  },
};
