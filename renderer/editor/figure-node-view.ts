// Runs in: renderer. Plain DOM node view for a figure: photo, editable caption, credit and alt
// inputs, lead toggle and remove button (no React: an article may hold many photos).
import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { EditorView, NodeView, ViewMutationRecord } from '@tiptap/pm/view';
import { t, useI18nStore } from '../i18n/i18n-store';

/** How long after the last keystroke in a credit or alt field its value goes into the document. */
const INPUT_COMMIT_DELAY_MS = 300;

type TextAttr = 'credit' | 'alt';

const TEXT_ATTR_MAX_LENGTH: Record<TextAttr, number> = { credit: 500, alt: 1000 };

export interface FigureNodeViewProps {
  node: ProseMirrorNode;
  view: EditorView;
  getPos: () => number | undefined;
  editor: Editor;
  resolveMediaUrl: (mediaId: string) => string;
}

export class FigureNodeView implements NodeView {
  readonly dom: HTMLElement;
  readonly contentDOM: HTMLElement;
  private node: ProseMirrorNode;
  private readonly props: FigureNodeViewProps;
  private readonly img: HTMLImageElement;
  private readonly missing: HTMLElement;
  private readonly controls: HTMLElement;
  private readonly inputs: Record<TextAttr, HTMLInputElement>;
  private readonly labels: Record<TextAttr, HTMLElement>;
  private readonly leadButton: HTMLButtonElement;
  private readonly removeButton: HTMLButtonElement;
  private readonly unsubscribeLocale: () => void;
  /** The thumbnail could not be loaded (a damaged or oversized photo): say so instead of a broken image. */
  private unreadable = false;

  constructor(props: FigureNodeViewProps) {
    this.props = props;
    this.node = props.node;
    const doc = props.view.dom.ownerDocument;

    this.dom = doc.createElement('figure');
    this.dom.className = 'dl-figure';

    this.img = doc.createElement('img');
    this.img.className = 'dl-figure__image';
    this.img.draggable = false;
    this.img.contentEditable = 'false';
    this.img.addEventListener('error', () => {
      this.unreadable = true;
      this.applyLabels();
      this.sync();
    });

    this.missing = doc.createElement('div');
    this.missing.className = 'dl-figure__missing';
    this.missing.contentEditable = 'false';

    this.contentDOM = doc.createElement('figcaption');
    this.contentDOM.className = 'dl-figure__caption';
    // Named like the credit and alt fields; `group` is the role a figcaption may carry a name with.
    this.contentDOM.setAttribute('role', 'group');

    this.controls = doc.createElement('div');
    this.controls.className = 'dl-figure__controls';
    this.controls.contentEditable = 'false';

    const credit = this.createTextField(doc, 'credit');
    const alt = this.createTextField(doc, 'alt');
    this.inputs = { credit: credit.input, alt: alt.input };
    this.labels = { credit: credit.label, alt: alt.label };

    this.leadButton = doc.createElement('button');
    this.leadButton.type = 'button';
    this.leadButton.className = 'dl-figure__lead';
    this.leadButton.addEventListener('click', () => this.toggleLead());

    this.removeButton = doc.createElement('button');
    this.removeButton.type = 'button';
    this.removeButton.className = 'dl-figure__remove';
    this.removeButton.addEventListener('click', () => this.remove());

    this.controls.append(credit.field, alt.field, this.leadButton, this.removeButton);
    this.dom.append(this.img, this.missing, this.contentDOM, this.controls);

    this.applyLabels();
    this.sync();
    this.unsubscribeLocale = useI18nStore.subscribe(() => this.applyLabels());
  }

  update(node: ProseMirrorNode): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.sync();
    return true;
  }

  /** The controls handle their own keys and clicks; the caption and image belong to ProseMirror. */
  stopEvent(event: Event): boolean {
    const target = event.target;
    return target instanceof Node && this.controls.contains(target);
  }

  /** Only mutations inside the caption are ProseMirror's business. */
  ignoreMutation(mutation: ViewMutationRecord): boolean {
    if (mutation.type === 'selection') return this.controls.contains(mutation.target);
    return !this.contentDOM.contains(mutation.target);
  }

  destroy(): void {
    this.unsubscribeLocale();
  }

  private createTextField(doc: Document, attr: TextAttr): { field: HTMLElement; label: HTMLElement; input: HTMLInputElement } {
    const field = doc.createElement('label');
    field.className = `dl-figure__field dl-figure__field--${attr}`;
    const label = doc.createElement('span');
    label.className = 'dl-figure__field-label';
    const input = doc.createElement('input');
    input.type = 'text';
    input.maxLength = TEXT_ATTR_MAX_LENGTH[attr];
    input.spellcheck = true;
    input.addEventListener('change', () => this.commit(attr));
    input.addEventListener('blur', () => this.commit(attr));
    // Commit while typing pauses too, so a save, a publish or closing the window never misses the last words.
    let pause: ReturnType<typeof setTimeout> | undefined;
    input.addEventListener('input', () => {
      clearTimeout(pause);
      pause = setTimeout(() => this.commit(attr), INPUT_COMMIT_DELAY_MS);
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        this.commit(attr);
      } else if (event.key === 'Escape') {
        input.value = String(this.node.attrs[attr] ?? '');
      }
    });
    field.append(label, input);
    return { field, label, input };
  }

  private applyLabels(): void {
    this.contentDOM.dataset.placeholder = t('editor.figure.caption');
    this.contentDOM.setAttribute('aria-label', t('editor.figure.caption'));
    this.labels.credit.textContent = t('editor.figure.credit');
    this.labels.alt.textContent = t('editor.figure.alt');
    this.inputs.credit.setAttribute('aria-label', t('editor.figure.credit'));
    this.inputs.alt.setAttribute('aria-label', t('editor.figure.alt'));
    this.leadButton.textContent = t('editor.figure.lead');
    this.removeButton.textContent = t('editor.figure.remove');
    this.missing.textContent = t(this.unreadable ? 'editor.figure.unreadable' : 'editor.figure.missing');
  }

  /** Mirrors the node's attrs into the DOM without touching the input the user is typing in. */
  private sync(): void {
    const attrs = this.node.attrs;
    const mediaId = String(attrs.mediaId ?? '');
    const src = mediaId ? this.props.resolveMediaUrl(mediaId) : '';
    if (src && this.img.getAttribute('src') !== src) {
      this.unreadable = false;
      this.img.setAttribute('src', src);
      this.applyLabels();
    }
    if (src && !this.unreadable) {
      this.img.hidden = false;
      this.missing.hidden = true;
    } else if (src) {
      this.img.hidden = true;
      this.missing.hidden = false;
    } else {
      this.img.removeAttribute('src');
      this.img.hidden = true;
      this.missing.hidden = false;
    }
    this.img.alt = String(attrs.alt ?? '');
    const active = this.dom.ownerDocument.activeElement;
    for (const attr of ['credit', 'alt'] as const) {
      const input = this.inputs[attr];
      const value = String(attrs[attr] ?? '');
      if (input !== active && input.value !== value) input.value = value;
    }
    const lead = Boolean(attrs.lead);
    this.leadButton.setAttribute('aria-pressed', String(lead));
    this.dom.classList.toggle('dl-figure--lead', lead);
    this.contentDOM.classList.toggle('is-empty', this.node.content.size === 0);
  }

  private currentPos(): number | null {
    const pos = this.props.getPos();
    if (typeof pos !== 'number') return null;
    const node = this.props.view.state.doc.nodeAt(pos);
    return node && node.type === this.node.type ? pos : null;
  }

  private commit(attr: TextAttr): void {
    const pos = this.currentPos();
    if (pos === null || !this.props.editor.isEditable) return;
    const { state } = this.props.view;
    const node = state.doc.nodeAt(pos)!;
    const value = this.inputs[attr].value.trim();
    if (String(node.attrs[attr] ?? '') === value) return;
    this.props.view.dispatch(state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, [attr]: value }));
  }

  private toggleLead(): void {
    const pos = this.currentPos();
    if (pos === null || !this.props.editor.isEditable) return;
    if (this.node.attrs.lead) {
      const { state } = this.props.view;
      this.props.view.dispatch(state.tr.setNodeMarkup(pos, undefined, { ...this.node.attrs, lead: false }));
    } else {
      this.props.editor.commands.setLeadFigure(pos);
    }
  }

  private remove(): void {
    const pos = this.currentPos();
    if (pos === null || !this.props.editor.isEditable) return;
    const { state } = this.props.view;
    this.props.view.dispatch(state.tr.delete(pos, pos + this.node.nodeSize));
    this.props.view.focus();
  }
}
