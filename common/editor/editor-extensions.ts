// Runs in: services (headless) and renderer. The one editor schema: which nodes and marks an
// article body may hold. Pasted and imported HTML is parsed through it, so anything it does not
// name is dropped.
import type { AnyExtension } from '@tiptap/core';
import Link from '@tiptap/extension-link';
import StarterKit from '@tiptap/starter-kit';
import { Figure, type FigureOptions } from './figure';
import { ALLOWED_LINK_PROTOCOLS, isAllowedLinkHref } from './link-policy';
import { SuggestionDelete, SuggestionFormat, SuggestionInsert } from './suggestion-marks';

export interface EditorExtensionOptions {
  resolveMediaUrl?: FigureOptions['resolveMediaUrl'];
  /** Extra renderer-only extensions (node views, paste handlers, placeholders). */
  figure?: typeof Figure;
  /** The body is a shared Yjs document: its binding brings its own undo, so the editor's is left out. */
  collaborative?: boolean;
}

export function createEditorExtensions(options: EditorExtensionOptions = {}): AnyExtension[] {
  const figure = options.figure ?? Figure;
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      code: false,
      codeBlock: false,
      link: false,
      ...(options.collaborative ? { undoRedo: false as const } : {}),
    }),
    // Links carry only href, rel and target: a pasted class or style does not survive. A link ends
    // where it was typed: "." or a space after it is plain text (TipTap makes autolinks inclusive).
    Link.extend({
      inclusive: () => false,
      addAttributes() {
        const inherited: Record<string, unknown> = { ...this.parent?.() };
        delete inherited.class;
        return inherited;
      },
    }).configure({
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      protocols: [...ALLOWED_LINK_PROTOCOLS],
      defaultProtocol: 'https',
      isAllowedUri: (url) => isAllowedLinkHref(url),
      shouldAutoLink: (url) => isAllowedLinkHref(url.includes(':') ? url : `https://${url}`),
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
    }),
    SuggestionInsert,
    SuggestionDelete,
    SuggestionFormat,
    options.resolveMediaUrl ? figure.configure({ resolveMediaUrl: options.resolveMediaUrl }) : figure,
  ];
}
