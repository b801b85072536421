// @vitest-environment happy-dom
// Runs in: tests (happy-dom). The body editor as a reporter uses it: toolbar, links, photos, counts.
import type { Editor } from '@tiptap/core';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../common/app-error';
import type { DocNode } from '../../common/article';
import type { DatelineApi, MediaInfo, OperationInput, OperationName, OperationResult } from '../../common/contract';
import { ArticleEditor, type ArticleEditorHandle } from './article-editor';

const PHOTO_ID = `${'c0ffee'.padEnd(64, '0')}.jpg`;

function mediaInfo(overrides: Partial<MediaInfo> = {}): MediaInfo {
  return {
    id: PHOTO_ID,
    mimeType: 'image/jpeg',
    bytes: 1234,
    width: 800,
    height: 600,
    caption: 'Flood waters in\nthe old town',
    credit: 'Jane Doe/Reuters',
    copyright: '',
    originalName: 'flood.jpg',
    ...overrides,
  };
}

interface Deferred {
  resolve(): void;
}

function fakeApi(gate?: Promise<void>): DatelineApi & { imported: string[] } {
  const imported: string[] = [];
  return {
    transport: 'http',
    imported,
    mediaUrl: (id) => `http://127.0.0.1/media/${id}`,
    thumbnailUrl: (id) => `http://127.0.0.1/thumbnails/${id}`,
    async call<K extends OperationName>(name: K, input: OperationInput<K>): Promise<OperationResult<K>> {
      if (name !== 'media.import') throw new AppError('internal', `unexpected ${name}`);
      const { fileName } = input as OperationInput<'media.import'>;
      if (gate) await gate;
      if (fileName.endsWith('.txt')) throw new AppError('media-not-image', `${fileName} is text/plain`);
      imported.push(fileName);
      return mediaInfo() as OperationResult<K>;
    },
  };
}

function paragraphs(...texts: string[]): DocNode {
  return { type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

function renderEditor(options: { body?: DocNode; api?: DatelineApi; language?: string } = {}) {
  const handle = createRef<ArticleEditorHandle>();
  const onDirty = vi.fn();
  const onStats = vi.fn();
  const onError = vi.fn();
  render(
    <ArticleEditor
      ref={handle}
      initialBody={options.body ?? paragraphs('Dateline')}
      api={options.api ?? fakeApi()}
      language={options.language ?? 'en'}
      onDirty={onDirty}
      onStats={onStats}
      onError={onError}
    />,
  );
  const textbox = screen.getByRole('textbox', { name: 'Article body' });
  const editor = (textbox as HTMLElement & { editor: Editor }).editor;
  return { handle, onDirty, onStats, onError, textbox, editor };
}

function figuresOf(body: DocNode): DocNode[] {
  return (body.content ?? []).filter((node) => node.type === 'figure');
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('article body editor', () => {
  it('offers every formatting action by name', () => {
    renderEditor();
    for (const name of [
      'Bold', 'Italic', 'Underline', 'Strikethrough', 'Link', 'Heading H2', 'Heading H3', 'Body text', 'Quote',
      'Bulleted list', 'Numbered list', 'Horizontal rule', 'Insert photo', 'Undo', 'Redo',
    ]) {
      expect(screen.getByRole('button', { name })).toBeDefined();
    }
    expect(screen.getByLabelText('Insert photo', { selector: 'input[type=file]' }).getAttribute('accept')).toBe('image/*');
  });

  it('each button’s spoken name contains the text it shows (H2, H3), and list and photo buttons show drawn icons', () => {
    renderEditor();
    const toolbar = screen.getByRole('toolbar', { name: 'Formatting' });
    for (const button of Array.from(toolbar.querySelectorAll('button'))) {
      const visible = (button.textContent ?? '').trim().toLowerCase();
      expect(button.getAttribute('aria-label')!.toLowerCase(), visible).toContain(visible);
    }
    for (const name of ['Body text', 'Quote', 'Bulleted list', 'Numbered list', 'Horizontal rule', 'Insert photo', 'Undo', 'Redo', 'Suggest changes']) {
      const button = screen.getByRole('button', { name });
      expect(button.querySelector('svg'), name).not.toBeNull();
      expect(button.textContent, name).toBe('');
    }
  });

  it('each button is described by its shortcut, which its tooltip shows', () => {
    renderEditor();
    const bold = screen.getByRole('button', { name: 'Bold' });
    const keys = document.getElementById(bold.getAttribute('aria-describedby')!)!;
    expect(keys.textContent).toMatch(/^(Ctrl\+B|⌘B)$/);
    expect(keys.closest('[role=tooltip]')!.textContent).toBe(`Bold${keys.textContent}`);
    const photo = screen.getByRole('button', { name: 'Insert photo' });
    expect(document.getElementById(photo.getAttribute('aria-describedby')!)!.textContent).toMatch(/^(Ctrl\+Alt\+P|⌘⌥P)$/);
    expect(bold.getAttribute('title')).toBeNull();
  });

  it('the toolbar is one tab stop; arrows, Home and End move along the usable buttons', () => {
    renderEditor();
    const toolbar = screen.getByRole('toolbar', { name: 'Formatting' });
    const tabStops = () => Array.from(toolbar.querySelectorAll('button')).filter((b) => b.tabIndex === 0);
    expect(tabStops().map((b) => b.getAttribute('aria-label'))).toEqual(['Bold']);
    const bold = screen.getByRole('button', { name: 'Bold' });
    act(() => bold.focus());
    fireEvent.keyDown(bold, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Italic' }));
    expect(tabStops().map((b) => b.getAttribute('aria-label'))).toEqual(['Italic']);
    // Nothing to undo or redo yet: End stops at the last button that can be used (Suggest changes).
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Suggest changes' }));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Insert photo' }));
    fireEvent.keyDown(screen.getByRole('button', { name: 'Suggest changes' }), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(bold);
    fireEvent.keyDown(bold, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Suggest changes' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(bold);
    expect(tabStops()).toEqual([bold]);
  });

  it('reporter clicks Bold and the button shows it is on', async () => {
    const { editor } = renderEditor();
    const bold = screen.getByRole('button', { name: 'Bold' });
    expect(bold.getAttribute('aria-pressed')).toBe('false');
    act(() => {
      editor.commands.setTextSelection({ from: 1, to: 9 });
    });
    fireEvent.click(bold);
    await waitFor(() => expect(bold.getAttribute('aria-pressed')).toBe('true'));
    expect(editor.getJSON().content?.[0]?.content?.[0]?.marks).toEqual([{ type: 'bold' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(bold.getAttribute('aria-pressed')).toBe('false'));
  });

  it('marks the editable with the article language and an accessible name', () => {
    const { textbox } = renderEditor({ language: 'zh-CN' });
    expect(textbox.getAttribute('lang')).toBe('zh-CN');
    expect(textbox.getAttribute('aria-multiline')).toBe('true');
    expect(textbox.getAttribute('spellcheck')).toBe('true');
  });

  it('reports counts on open and a dirty body on every edit', async () => {
    const { onStats, onDirty, editor } = renderEditor({ body: paragraphs('Rain in 北京') });
    await waitFor(() => expect(onStats).toHaveBeenCalledWith({ words: 2, cjkChars: 2, readingMinutes: 1 }));
    expect(onDirty).not.toHaveBeenCalled();
    act(() => {
      editor.commands.insertContentAt(1, { type: 'text', text: 'Heavy ' });
    });
    expect(onDirty).toHaveBeenCalledTimes(1);
  });

  it('runs menu commands and returns the body as JSON', () => {
    const { handle } = renderEditor();
    act(() => handle.current!.runCommand('format.heading-2'));
    expect(handle.current!.getBody().content?.[0]).toEqual({
      type: 'heading',
      attrs: { level: 2 },
      content: [{ type: 'text', text: 'Dateline' }],
    });
  });

  it('puts a paragraph of an old version back as one edit that one undo takes back', () => {
    const { handle, onDirty } = renderEditor({ body: paragraphs('Lead.', 'Roads gain most.') });
    const old = { type: 'paragraph', content: [{ type: 'text', text: 'Schools gain most.' }] };
    let done = false;
    act(() => {
      done = handle.current!.restoreBlock(1, true, old);
    });
    expect(done).toBe(true);
    expect(onDirty).toHaveBeenCalled();
    expect(handle.current!.getBody()).toEqual(paragraphs('Lead.', 'Schools gain most.'));
    act(() => handle.current!.runCommand('edit.undo'));
    expect(handle.current!.getBody()).toEqual(paragraphs('Lead.', 'Roads gain most.'));
    // A deleted paragraph goes back in, at the end here.
    act(() => handle.current!.restoreBlock(2, false, old));
    expect(handle.current!.getBody()).toEqual(paragraphs('Lead.', 'Roads gain most.', 'Schools gain most.'));
    act(() => handle.current!.runCommand('edit.undo'));
    expect(handle.current!.getBody()).toEqual(paragraphs('Lead.', 'Roads gain most.'));
    // A block the schema does not allow is refused and changes nothing.
    act(() => {
      done = handle.current!.restoreBlock(0, true, { type: 'script', content: [{ type: 'text', text: 'x' }] });
    });
    expect(done).toBe(false);
    expect(handle.current!.getBody()).toEqual(paragraphs('Lead.', 'Roads gain most.'));
  });

  it('hands a save the body as JSON bytes that follow every edit', async () => {
    const { editor, handle } = renderEditor({ body: paragraphs('Lead.', 'Roads gain most.') });
    const saved = async () => (await handle.current!.getBodyJson()).decode();
    expect(await saved()).toEqual(paragraphs('Lead.', 'Roads gain most.'));
    act(() => {
      editor.chain().focus('end').insertContent(' Now.').run();
    });
    expect(await saved()).toEqual(paragraphs('Lead.', 'Roads gain most. Now.'));
    act(() => handle.current!.runCommand('edit.undo'));
    expect(await saved()).toEqual(handle.current!.getBody());
    expect(await saved()).toEqual(paragraphs('Lead.', 'Roads gain most.'));
  });

  it('encodes the opened body for saves in idle time, so the first save after typing encodes only the typed block', async () => {
    const stringify = vi.spyOn(JSON, 'stringify');
    const { editor, handle } = renderEditor({ body: paragraphs('Lead.', 'Roads gain most.', 'Schools too.') });
    // Wait until idle time after opening has encoded the three paragraphs.
    const paragraphsEncoded = () => stringify.mock.calls.filter(([value]) => (value as { type?: unknown } | null)?.type === 'paragraph').length;
    await waitFor(() => expect(paragraphsEncoded()).toBe(3));
    act(() => {
      editor.chain().focus('end').insertContent(' Now.').run();
    });
    stringify.mockClear();
    const body = await handle.current!.getBodyJson();
    // The document's shell and the one block typed in.
    expect(stringify).toHaveBeenCalledTimes(2);
    expect(body.decode()).toEqual(paragraphs('Lead.', 'Roads gain most.', 'Schools too. Now.'));
  });

  it('undoes a restore alone, even right after typing next to it', () => {
    const { editor, handle } = renderEditor({ body: paragraphs('Lead.', 'Roads gain most.') });
    // Typing at the end of the paragraph the restore replaces, within the history's grouping delay.
    act(() => {
      editor.chain().focus('end').insertContent(' Now.').run();
    });
    act(() => {
      handle.current!.restoreBlock(1, true, { type: 'paragraph', content: [{ type: 'text', text: 'Schools gain most.' }] });
    });
    act(() => handle.current!.runCommand('edit.undo'));
    expect(handle.current!.getBody()).toEqual(paragraphs('Lead.', 'Roads gain most. Now.'));
  });

  it('refuses a javascript: link with a message and applies an https one', async () => {
    const { editor, handle } = renderEditor();
    act(() => {
      editor.commands.setTextSelection({ from: 1, to: 9 });
    });
    fireEvent.click(screen.getByRole('button', { name: 'Link' }));
    const dialog = screen.getByRole('dialog', { name: 'Link' });
    const address = screen.getByLabelText('Link address');
    fireEvent.change(address, { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('alert').textContent).toMatch(/https:\/\//);
    expect(JSON.stringify(handle.current!.getBody())).not.toContain('link');
    expect(dialog.isConnected).toBe(true);

    fireEvent.change(address, { target: { value: 'example.com/story' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(handle.current!.getBody().content?.[0]?.content?.[0]?.marks).toEqual([
      { type: 'link', attrs: expect.objectContaining({ href: 'https://example.com/story' }) },
    ]);
  });

  it('opens the link dialog with Mod-K', () => {
    const { textbox } = renderEditor();
    fireEvent.keyDown(textbox, { key: 'k', ctrlKey: true });
    expect(screen.getByRole('dialog', { name: 'Link' })).toBeDefined();
  });

  it('reporter adds two files: the photo goes in with its caption and credit, the text file is refused by name', async () => {
    let open!: Deferred['resolve'];
    const gate = new Promise<void>((resolve) => (open = resolve));
    const api = fakeApi(gate);
    const { handle, onError } = renderEditor({ api });
    const photo = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'flood.jpg', { type: 'image/jpeg' });
    const notes = new File(['hello'], 'notes.txt', { type: 'text/plain' });

    let done!: Promise<void>;
    act(() => {
      done = handle.current!.insertPhotos([photo, notes]);
    });
    expect(screen.getByRole('status').textContent).toBe('Adding 2 photos…');
    open();
    await act(() => done);

    expect(api.imported).toEqual(['flood.jpg']);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toContain('notes.txt');
    expect(screen.getByRole('status').textContent).toBe('');
    const figures = figuresOf(handle.current!.getBody());
    expect(figures).toEqual([
      {
        type: 'figure',
        attrs: { mediaId: PHOTO_ID, alt: '', credit: 'Jane Doe/Reuters', lead: false },
        content: [{ type: 'text', text: 'Flood waters in the old town' }],
      },
    ]);
  });

  it('shows a 30-photo story with thumbnails, never the full-size originals', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `${i.toString(16).padStart(2, '0').padEnd(64, 'a')}.jpg`);
    const body: DocNode = {
      type: 'doc',
      content: ids.map((mediaId) => ({ type: 'figure', attrs: { mediaId, alt: '', credit: '', lead: false }, content: [] })),
    };
    const { textbox } = renderEditor({ body });
    const sources = [...textbox.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    expect(sources).toEqual(ids.map((id) => `http://127.0.0.1/thumbnails/${id}`));
  });

  it('pastes a copied image as a photo', async () => {
    const api = fakeApi();
    const { handle, textbox } = renderEditor({ api });
    const photo = new File([new Uint8Array([0x89, 0x50])], 'image.png', { type: 'image/png' });
    const clipboardData = { files: [photo], getData: () => '', types: ['Files'] };
    const event = new Event('paste', { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'clipboardData', { value: clipboardData });
    textbox.dispatchEvent(event);
    await waitFor(() => expect(figuresOf(handle.current!.getBody())).toHaveLength(1));
    expect(api.imported).toEqual(['image.png']);
  });

  function pasteText(textbox: HTMLElement, text: string): void {
    const clipboardData = { files: [], getData: (type: string) => (type === 'text/plain' ? text : ''), types: ['text/plain'] };
    const event = new Event('paste', { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'clipboardData', { value: clipboardData });
    act(() => {
      textbox.dispatchEvent(event);
    });
  }

  it('asks before a paste far longer than a story, and pastes it only when told to', async () => {
    const { handle, textbox } = renderEditor();
    const huge = 'The council met again. '.repeat(6000);
    pasteText(textbox, huge);
    const dialog = screen.getByRole('alertdialog', { name: 'Paste a very long text?' });
    expect(dialog.textContent).toContain('138,000 characters');
    expect(JSON.stringify(handle.current!.getBody())).not.toContain('council');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(JSON.stringify(handle.current!.getBody())).not.toContain('council');

    pasteText(textbox, huge);
    fireEvent.click(screen.getByRole('button', { name: 'Paste' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(JSON.stringify(handle.current!.getBody())).toContain('The council met again.');
  });

  it('a long paste into a photo\'s credit field is the field\'s own, not asked about for the body', () => {
    const body: DocNode = { type: 'doc', content: [{ type: 'figure', attrs: { mediaId: PHOTO_ID, alt: '', credit: '', lead: false }, content: [] }] };
    const { textbox } = renderEditor({ body });
    const credit = textbox.querySelector('input[aria-label="Photo credit"]') as HTMLInputElement;
    expect(credit).toBeTruthy();
    pasteText(credit, 'Jane Doe/Reuters '.repeat(7000));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('a read-only body is not offered a huge paste', () => {
    const body: DocNode = { type: 'doc', content: [{ type: 'table', content: [{ type: 'paragraph' }] }] };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { textbox } = renderEditor({ body });
    warn.mockRestore();
    expect(textbox.getAttribute('contenteditable')).toBe('false');
    pasteText(textbox, 'The council met again. '.repeat(6000));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('pastes an ordinary long text (a press release) without asking', () => {
    const { handle, textbox } = renderEditor();
    pasteText(textbox, 'The council met again. '.repeat(400));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(JSON.stringify(handle.current!.getBody())).toContain('The council met again.');
  });

  it('opens an unreadable body read-only and hands it back unchanged', () => {
    const body: DocNode = { type: 'doc', content: [{ type: 'table', content: [{ type: 'paragraph' }] }] };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { handle, onError, textbox } = renderEditor({ body });
    warn.mockRestore();
    expect(onError).toHaveBeenCalledWith(expect.stringContaining('read-only'));
    expect(textbox.getAttribute('contenteditable')).toBe('false');
    expect(handle.current!.getBody()).toBe(body);
    expect(screen.getByRole('button', { name: 'Bold' }).hasAttribute('disabled')).toBe(true);
  });
});
