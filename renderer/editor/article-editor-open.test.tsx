// @vitest-environment happy-dom
// Runs in: tests (happy-dom). Opening a story does each piece of work once: the body's DOM is drawn
// once, whatever node views the editor has (a story with photos has figure node views); the words are
// counted after the body is on screen, not before it is painted.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../common/app-error';
import type { DocNode } from '../../common/article';
import type { DatelineApi } from '../../common/contract';
import { ArticleEditor } from './article-editor';

const PHOTO_ID = `${'c0ffee'.padEnd(64, '0')}.jpg`;
const PARAGRAPHS = 40;

const api: DatelineApi = {
  transport: 'http',
  mediaUrl: (id) => `http://127.0.0.1/media/${id}`,
  thumbnailUrl: (id) => `http://127.0.0.1/thumbnails/${id}`,
  call: (name) => Promise.reject(new AppError('internal', `unexpected ${name}`)),
};

function storyWithPhoto(): DocNode {
  const content: DocNode[] = [];
  for (let i = 0; i < PARAGRAPHS; i++) content.push({ type: 'paragraph', content: [{ type: 'text', text: `Paragraph ${i + 1} of the story.` }] });
  content.splice(PARAGRAPHS / 2, 0, {
    type: 'figure',
    attrs: { mediaId: PHOTO_ID, alt: 'Flood waters', credit: 'Jane Doe', lead: false },
    content: [{ type: 'text', text: 'The old town under water' }],
  });
  return { type: 'doc', content };
}

/** Counts the elements created by tag name until restored. */
function countCreatedElements(): { count(tag: string): number; restore(): void } {
  const original = document.createElement.bind(document);
  const created = new Map<string, number>();
  const counting = (name: string, options?: ElementCreationOptions): HTMLElement => {
    const tag = name.toLowerCase();
    created.set(tag, (created.get(tag) ?? 0) + 1);
    return original(name, options);
  };
  const spy = vi.spyOn(document, 'createElement').mockImplementation(counting as typeof document.createElement);
  return { count: (tag) => created.get(tag) ?? 0, restore: () => spy.mockRestore() };
}

afterEach(() => cleanup());

describe('opening a story in the body editor', () => {
  it('draws the body once: one <p> per paragraph and one figure per photo, not a second drawing after mount', () => {
    const created = countCreatedElements();
    try {
      render(<ArticleEditor initialBody={storyWithPhoto()} api={api} language="en" onDirty={() => {}} onStats={() => {}} onError={() => {}} />);
      const body = screen.getByRole('textbox', { name: 'Article body' });
      expect(body.querySelectorAll('p')).toHaveLength(PARAGRAPHS);
      expect(body.querySelectorAll('figure')).toHaveLength(1);
      expect(created.count('p')).toBe(PARAGRAPHS);
      expect(created.count('figure')).toBe(1);
    } finally {
      created.restore();
    }
  });

  it('counts the words once the body is on screen, not while it opens', async () => {
    const onStats = vi.fn();
    render(<ArticleEditor initialBody={storyWithPhoto()} api={api} language="en" onDirty={() => {}} onStats={onStats} onError={() => {}} />);
    expect(screen.getByRole('textbox', { name: 'Article body' }).querySelectorAll('p')).toHaveLength(PARAGRAPHS);
    expect(onStats).not.toHaveBeenCalled();
    // Five words a paragraph ("Paragraph 1 of the story."), five in the caption.
    await waitFor(() => expect(onStats).toHaveBeenCalledWith({ words: PARAGRAPHS * 5 + 5, cjkChars: 0, readingMinutes: 1 }));
    expect(onStats).toHaveBeenCalledTimes(1);
  });
});
