// @vitest-environment happy-dom
// Runs in: tests (happy-dom). A version reads as the story it was: headings, lists, quotes, bold
// and links, photos with their captions, rendered through the editor schema; what the schema does
// not allow never reaches the page; blocks that differ from now can be put back.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocNode } from '../../../common/article';
import { createFakeApi } from '../../../tests/support/fake-api';
import { useI18nStore } from '../../i18n/i18n-store';
import { VersionBodyView } from './version-body-view';

afterEach(() => {
  cleanup();
  useI18nStore.getState().setLocale('en');
});

const body: DocNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'The vote' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Seven ', marks: [{ type: 'bold' }] },
        { type: 'text', text: 'voted for', marks: [{ type: 'link', attrs: { href: 'https://example.org/vote' } }] },
      ],
    },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Schools' }] }] }] },
    { type: 'figure', attrs: { mediaId: 'abc.jpg', alt: 'The chamber', credit: 'Li Wei', lead: true }, content: [{ type: 'text', text: 'The council chamber' }] },
  ],
};

describe('VersionBodyView', () => {
  it('renders headings, marks, lists and photos through the schema, each block with its restore button', () => {
    const api = createFakeApi({});
    const onRestore = vi.fn();
    const { container } = render(<VersionBodyView api={api} body={body} restorable={[false, true, true, true]} onRestoreBlock={onRestore} />);
    expect(container.querySelector('h2')?.textContent).toBe('The vote');
    expect(container.querySelector('strong')?.textContent).toBe('Seven ');
    expect(container.querySelector('a')?.getAttribute('href')).toBe('https://example.org/vote');
    expect(container.querySelector('ul li')?.textContent).toBe('Schools');
    const img = container.querySelector('figure img');
    expect(img?.getAttribute('src')).toBe(api.thumbnailUrl('abc.jpg'));
    expect(img?.getAttribute('alt')).toBe('The chamber');
    expect(container.querySelector('figcaption')?.textContent).toBe('The council chamber');
    // The heading is as it is now: nothing to put back.
    expect(screen.getAllByRole('button', { name: 'As now' })).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Restore block 2 of this version' }));
    expect(onRestore).toHaveBeenCalledWith(1);
  });

  it('shows nothing of a body the schema refuses, and speaks Chinese', () => {
    useI18nStore.getState().setLocale('zh-CN');
    const hostile = { type: 'doc', content: [{ type: 'script', content: [{ type: 'text', text: 'alert(1)' }] }] } as DocNode;
    const { container } = render(<VersionBodyView api={createFakeApi({})} body={hostile} restorable={[]} onRestoreBlock={() => undefined} />);
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).not.toContain('alert');
    cleanup();
    render(<VersionBodyView api={createFakeApi({})} body={body} restorable={[true, true, true, true]} onRestoreBlock={() => undefined} />);
    expect(screen.getByRole('button', { name: '恢复此版本的第 1 段' })).toBeTruthy();
  });
});
