// Runs in: services (headless) and renderer. A photo in the body: image, editable caption (the
// node's inline content), credit line, alt text, and whether it is the article's lead photo.
import { Node, mergeAttributes } from '@tiptap/core';
import { mediaIdSchema } from '../article';

export interface FigureOptions {
  /**
   * Turns a media id into a URL for <img src>.
   * @default id => `media/${id}`
   */
  resolveMediaUrl: (mediaId: string) => string;
}

export interface FigureAttrs {
  mediaId: string;
  alt: string;
  credit: string;
  lead: boolean;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: {
      /** Insert a figure at the selection. */
      insertFigure: (attrs: Partial<FigureAttrs> & { mediaId: string; caption?: string }) => ReturnType;
      /** Mark the figure at `pos` as the lead photo and unmark every other. */
      setLeadFigure: (pos: number) => ReturnType;
    };
  }
}

export const Figure = Node.create<FigureOptions>({
  name: 'figure',
  group: 'block',
  content: 'inline*',
  marks: 'bold italic underline strike link',
  draggable: true,
  isolating: true,
  defining: true,

  addOptions() {
    return { resolveMediaUrl: (mediaId: string) => `media/${mediaId}` };
  },

  addAttributes() {
    return {
      mediaId: {
        default: '',
        parseHTML: (el) => {
          const id = el.getAttribute('data-media-id') ?? '';
          return mediaIdSchema.safeParse(id).success ? id : '';
        },
        renderHTML: (attrs) => ({ 'data-media-id': attrs.mediaId }),
      },
      alt: {
        default: '',
        parseHTML: (el) => el.querySelector('img')?.getAttribute('alt') ?? '',
        renderHTML: () => ({}),
      },
      credit: {
        default: '',
        parseHTML: (el) => el.getAttribute('data-credit') ?? '',
        renderHTML: (attrs) => (attrs.credit ? { 'data-credit': attrs.credit } : {}),
      },
      lead: {
        default: false,
        parseHTML: (el) => el.getAttribute('data-lead') === 'true',
        renderHTML: (attrs) => (attrs.lead ? { 'data-lead': 'true' } : {}),
      },
    };
  },

  parseHTML() {
    // Only figures that point at a library photo survive a paste; foreign images are dropped.
    return [
      {
        tag: 'figure[data-media-id]',
        contentElement: 'figcaption',
        getAttrs: (el) => (mediaIdSchema.safeParse((el as HTMLElement).getAttribute('data-media-id')).success ? null : false),
      },
    ];
  },

  renderHTML({ node, HTMLAttributes }) {
    const mediaId = String(node.attrs.mediaId ?? '');
    return [
      'figure',
      mergeAttributes(HTMLAttributes, { class: 'dl-figure' }),
      ['img', { src: this.options.resolveMediaUrl(mediaId), alt: String(node.attrs.alt ?? ''), draggable: 'false' }],
      ['figcaption', 0],
    ];
  },

  addCommands() {
    return {
      insertFigure:
        ({ caption, ...attrs }) =>
        ({ commands }) =>
          commands.insertContent({
            type: this.name,
            attrs: { alt: '', credit: '', lead: false, ...attrs },
            content: caption ? [{ type: 'text', text: caption }] : [],
          }),
      setLeadFigure:
        (pos) =>
        ({ tr, state, dispatch }) => {
          const target = state.doc.nodeAt(pos);
          if (!target || target.type.name !== this.name) return false;
          if (dispatch) {
            state.doc.descendants((node, nodePos) => {
              if (node.type.name !== this.name) return node.isBlock;
              const lead = nodePos === pos;
              if (Boolean(node.attrs.lead) !== lead) tr.setNodeMarkup(nodePos, undefined, { ...node.attrs, lead });
              return false;
            });
          }
          return true;
        },
    };
  },
});
