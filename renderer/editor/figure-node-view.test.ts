// @vitest-environment happy-dom
// Runs in: tests (happy-dom). The photo block in the body: caption, credit, alt text, lead and remove.
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocNode } from '../../common/article';
import { createEditorExtensions } from '../../common/editor/editor-extensions';
import { useI18nStore } from '../i18n/i18n-store';
import { EditableFigure } from './editable-figure';

const mediaId = (n: number) => `${n.toString(16).padStart(64, '0')}.jpg`;

function figure(n: number, attrs: Record<string, unknown> = {}, caption = ''): DocNode {
  return {
    type: 'figure',
    attrs: { mediaId: mediaId(n), alt: '', credit: '', lead: false, ...attrs },
    content: caption ? [{ type: 'text', text: caption }] : [],
  };
}

const editors: Editor[] = [];

function makeEditor(content: DocNode[]): Editor {
  const element = document.createElement('div');
  document.body.append(element);
  const editor = new Editor({
    element,
    extensions: createEditorExtensions({ resolveMediaUrl: (id) => `dateline://app/media/${id}`, figure: EditableFigure }),
    content: { type: 'doc', content },
  });
  editors.push(editor);
  return editor;
}

function figureAttrs(editor: Editor): Record<string, unknown>[] {
  return (editor.getJSON().content ?? []).filter((node) => node.type === 'figure').map((node) => node.attrs ?? {});
}

function figureDoms(editor: Editor): HTMLElement[] {
  return Array.from(editor.view.dom.querySelectorAll<HTMLElement>('figure.dl-figure'));
}

function input(dom: HTMLElement, label: string): HTMLInputElement {
  const found = dom.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`);
  if (!found) throw new Error(`no input labelled ${label}`);
  return found;
}

function button(dom: HTMLElement, text: string): HTMLButtonElement {
  const found = Array.from(dom.querySelectorAll('button')).find((b) => b.textContent === text);
  if (!found) throw new Error(`no button ${text}`);
  return found;
}

function figurePositions(editor: Editor): number[] {
  const positions: number[] = [];
  editor.state.doc.forEach((node, offset) => {
    if (node.type.name === 'figure') positions.push(offset);
  });
  return positions;
}

afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
  document.body.innerHTML = '';
  useI18nStore.getState().setLocale('en');
});

describe('photo in the article body', () => {
  it('shows the photo, its caption and the credit, alt, lead and remove controls', () => {
    const editor = makeEditor([figure(1, { credit: 'Xinhua', alt: 'Flooded street' }, 'Rain in Beijing')]);
    const [dom] = figureDoms(editor);
    expect(dom).toBeDefined();
    const img = dom!.querySelector('img')!;
    expect(img.getAttribute('src')).toBe(`dateline://app/media/${mediaId(1)}`);
    expect(img.getAttribute('alt')).toBe('Flooded street');
    expect(dom!.querySelector('figcaption')!.textContent).toBe('Rain in Beijing');
    expect(input(dom!, 'Photo credit').value).toBe('Xinhua');
    expect(input(dom!, 'Alt text').value).toBe('Flooded street');
    expect(button(dom!, 'Lead photo').getAttribute('aria-pressed')).toBe('false');
    expect(button(dom!, 'Remove photo')).toBeDefined();
  });

  it('marks an empty caption so the "Caption" placeholder shows', () => {
    const editor = makeEditor([figure(1)]);
    const caption = figureDoms(editor)[0]!.querySelector('figcaption')!;
    expect(caption.classList.contains('is-empty')).toBe(true);
    expect(caption.dataset.placeholder).toBe('Caption');
    expect(caption.getAttribute('role')).toBe('group');
    expect(caption.getAttribute('aria-label')).toBe('Caption');
    editor.commands.insertContentAt(1, 'Firefighters at work');
    expect(caption.classList.contains('is-empty')).toBe(false);
  });

  it('editor types a credit line and it is stored on the photo; undo takes it back', () => {
    const editor = makeEditor([{ type: 'paragraph', content: [{ type: 'text', text: 'Intro' }] }, figure(1)]);
    const credit = input(figureDoms(editor)[0]!, 'Photo credit');
    credit.value = 'Reuters/Jane Doe';
    credit.dispatchEvent(new Event('change', { bubbles: true }));
    expect(figureAttrs(editor)[0]!.credit).toBe('Reuters/Jane Doe');

    editor.commands.undo();
    expect(figureAttrs(editor)[0]!.credit).toBe('');
    expect(credit.value).toBe('');
  });

  it('a credit typed without leaving the field still reaches the document once typing pauses', () => {
    vi.useFakeTimers();
    try {
      const editor = makeEditor([figure(1)]);
      const credit = input(figureDoms(editor)[0]!, 'Photo credit');
      credit.value = 'Photo: City Press';
      credit.dispatchEvent(new Event('input', { bubbles: true }));
      expect(figureAttrs(editor)[0]!.credit).toBe('');
      vi.advanceTimersByTime(400);
      expect(figureAttrs(editor)[0]!.credit).toBe('Photo: City Press');
    } finally {
      vi.useRealTimers();
    }
  });

  it('writes the alt text onto the image when the field loses focus', () => {
    const editor = makeEditor([figure(1)]);
    const dom = figureDoms(editor)[0]!;
    const alt = input(dom, 'Alt text');
    alt.focus();
    alt.value = 'Two firefighters carry a hose';
    alt.dispatchEvent(new Event('blur'));
    expect(figureAttrs(editor)[0]!.alt).toBe('Two firefighters carry a hose');
    expect(dom.querySelector('img')!.getAttribute('alt')).toBe('Two firefighters carry a hose');
  });

  it('keys typed in the credit field stay in the field instead of editing the body', () => {
    const editor = makeEditor([{ type: 'paragraph', content: [{ type: 'text', text: 'Intro' }] }, figure(1)]);
    editor.commands.setTextSelection({ from: 1, to: 6 });
    const credit = input(figureDoms(editor)[0]!, 'Photo credit');
    credit.value = 'AP';
    credit.dispatchEvent(new KeyboardEvent('keydown', { key: 'b', ctrlKey: true, bubbles: true, cancelable: true }));
    credit.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(editor.isActive('bold')).toBe(false);
    expect(editor.state.doc.child(0).textContent).toBe('Intro');
    expect(editor.state.doc.child(1).type.name).toBe('figure');
    expect(figureAttrs(editor)[0]!.credit).toBe('AP');
  });

  it('does not overwrite the field being typed in when the photo changes for another reason', () => {
    const editor = makeEditor([figure(1)]);
    const dom = figureDoms(editor)[0]!;
    const credit = input(dom, 'Photo credit');
    credit.focus();
    credit.value = 'Half-typed cred';
    const pos = figurePositions(editor)[0]!;
    editor.view.dispatch(editor.state.tr.setNodeMarkup(pos, undefined, { ...editor.state.doc.nodeAt(pos)!.attrs, alt: 'Smoke' }));
    expect(credit.value).toBe('Half-typed cred');
    expect(input(dom, 'Alt text').value).toBe('Smoke');
  });

  it('keeps exactly one lead photo, whichever way it is chosen', () => {
    const editor = makeEditor([figure(1, { lead: true }), figure(2), figure(3, { lead: true })]);
    const leads = () => figureAttrs(editor).map((attrs) => attrs.lead);

    button(figureDoms(editor)[1]!, 'Lead photo').click();
    expect(leads()).toEqual([false, true, false]);
    expect(button(figureDoms(editor)[1]!, 'Lead photo').getAttribute('aria-pressed')).toBe('true');

    editor.commands.setLeadFigure(figurePositions(editor)[2]!);
    expect(leads()).toEqual([false, false, true]);

    button(figureDoms(editor)[2]!, 'Lead photo').click();
    expect(leads()).toEqual([false, false, false]);
  });

  it('removes a photo with its button', () => {
    const editor = makeEditor([figure(1, {}, 'First'), figure(2, {}, 'Second')]);
    button(figureDoms(editor)[0]!, 'Remove photo').click();
    expect(figureAttrs(editor).map((attrs) => attrs.mediaId)).toEqual([mediaId(2)]);
    editor.commands.undo();
    expect(figureAttrs(editor)).toHaveLength(2);
  });

  it('says a photo is damaged or too large when its thumbnail cannot be loaded, in either language', () => {
    const editor = makeEditor([figure(1), figure(2)]);
    const [broken, fine] = figureDoms(editor) as [HTMLElement, HTMLElement];
    const missing = (dom: HTMLElement) => dom.querySelector<HTMLElement>('.dl-figure__missing')!;
    broken.querySelector('img')!.dispatchEvent(new Event('error'));
    expect(broken.querySelector('img')!.hidden).toBe(true);
    expect(missing(broken).hidden).toBe(false);
    expect(missing(broken).textContent).toBe('This photo cannot be shown: it is damaged or too large');
    expect(fine.querySelector('img')!.hidden).toBe(false);
    expect(missing(fine).hidden).toBe(true);
    useI18nStore.getState().setLocale('zh-CN');
    expect(missing(broken).textContent).toBe('无法显示这张图片：文件已损坏或过大');
  });

  it('relabels its controls when the interface switches to Chinese', () => {
    const editor = makeEditor([figure(1)]);
    useI18nStore.getState().setLocale('zh-CN');
    const dom = figureDoms(editor)[0]!;
    expect(input(dom, '图片来源')).toBeDefined();
    expect(input(dom, '替代文字')).toBeDefined();
    expect(dom.querySelector('figcaption')!.getAttribute('aria-label')).toBe('图片说明');
    expect(button(dom, '头图').getAttribute('aria-pressed')).toBe('false');
  });
});
