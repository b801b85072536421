// @vitest-environment happy-dom
// Runs in: tests (happy-dom). A desk editor tags a story in English and Chinese with the keyboard.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useI18nStore } from '../../i18n/i18n-store';
import { TagInput } from './tag-input';

function Harness({ initial = [] as string[] }) {
  const [tags, setTags] = useState(initial);
  return (
    <>
      <TagInput label="Tags" tags={tags} onChange={setTags} />
      <output data-testid="tags">{tags.join('|')}</output>
    </>
  );
}

const tagsNow = (): string => screen.getByTestId('tags').textContent ?? '';

afterEach(cleanup);

describe('tag input', () => {
  useI18nStore.getState().setLocale('en');

  it('Enter adds a trimmed tag and clears the box', () => {
    render(<Harness />);
    const input = screen.getByLabelText('Tags', { selector: 'input' });
    fireEvent.change(input, { target: { value: '  floods  ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(tagsNow()).toBe('floods');
    expect((input as HTMLInputElement).value).toBe('');
    expect(screen.getByRole('button', { name: 'Remove tag floods' })).toBeTruthy();
  });

  it('a comma (also the Chinese ，) separates tags', () => {
    render(<Harness />);
    const input = screen.getByLabelText('Tags', { selector: 'input' });
    fireEvent.change(input, { target: { value: 'weather,' } });
    fireEvent.change(input, { target: { value: '暴雨，北京' } });
    expect(tagsNow()).toBe('weather|暴雨');
    expect((input as HTMLInputElement).value).toBe('北京');
  });

  it('refuses a duplicate whatever its case, and says why', () => {
    render(<Harness initial={['Floods']} />);
    const input = screen.getByLabelText('Tags', { selector: 'input' });
    fireEvent.change(input, { target: { value: 'floods' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(tagsNow()).toBe('Floods');
    expect(screen.getByText('"floods" is already a tag.')).toBeTruthy();
  });

  it('Backspace in the empty box marks the last tag and removes it only when pressed again, never while text is typed', () => {
    render(<Harness initial={['a', 'b']} />);
    const input = screen.getByLabelText('Tags', { selector: 'input' });
    fireEvent.change(input, { target: { value: 'c' } });
    fireEvent.keyDown(input, { key: 'Backspace' });
    expect(tagsNow()).toBe('a|b');
    fireEvent.change(input, { target: { value: '' } });
    fireEvent.keyDown(input, { key: 'Backspace' });
    // One stray Backspace loses nothing: it only marks the tag and says what the next one does.
    expect(tagsNow()).toBe('a|b');
    expect(screen.getByText('b').closest('li')?.className).toContain('armed');
    expect(screen.getByText('Press Backspace again to remove the tag “b”.')).toBeTruthy();
    fireEvent.keyDown(input, { key: 'Backspace' });
    expect(tagsNow()).toBe('a');
  });

  it('any other key in between takes the mark away', () => {
    render(<Harness initial={['a', 'b']} />);
    const input = screen.getByLabelText('Tags', { selector: 'input' });
    fireEvent.keyDown(input, { key: 'Backspace' });
    fireEvent.keyDown(input, { key: 'ArrowLeft' });
    fireEvent.keyDown(input, { key: 'Backspace' });
    expect(tagsNow()).toBe('a|b');
  });

  it('Ctrl+Z in the empty box brings back removed tags where they were, last removed first', () => {
    render(<Harness initial={['a', 'b', 'c']} />);
    const input = screen.getByLabelText('Tags', { selector: 'input' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag b' }));
    expect(tagsNow()).toBe('a|c');
    // The × went with its tag; the keyboard stays in the tags' box.
    expect(document.activeElement).toBe(input);
    expect(screen.getByText('Removed the tag “b”. Ctrl+Z in the tags box brings it back.')).toBeTruthy();
    fireEvent.keyDown(input, { key: 'Backspace' });
    fireEvent.keyDown(input, { key: 'Backspace' });
    expect(tagsNow()).toBe('a');
    fireEvent.keyDown(input, { key: 'z', ctrlKey: true });
    expect(tagsNow()).toBe('a|c');
    fireEvent.keyDown(input, { key: 'z', ctrlKey: true });
    expect(tagsNow()).toBe('a|b|c');
    expect(screen.getByText('The tag “b” is back.')).toBeTruthy();
    // Nothing left to bring back: the key does nothing here.
    fireEvent.keyDown(input, { key: 'z', ctrlKey: true });
    expect(tagsNow()).toBe('a|b|c');
  });

  it('after typing in the box, Ctrl+Z is the box\'s own undo, not a removed tag coming back', () => {
    render(<Harness initial={['a', 'b']} />);
    const input = screen.getByLabelText('Tags', { selector: 'input' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag b' }));
    fireEvent.change(input, { target: { value: 'typo' } });
    fireEvent.change(input, { target: { value: '' } });
    fireEvent.keyDown(input, { key: 'z', ctrlKey: true });
    expect(tagsNow()).toBe('a');
  });

  it('says it in Chinese in the Chinese interface', () => {
    useI18nStore.getState().setLocale('zh-CN');
    try {
      render(<Harness initial={['港口']} />);
      const input = screen.getByLabelText('Tags', { selector: 'input' });
      fireEvent.keyDown(input, { key: 'Backspace' });
      expect(screen.getByText('再按一次 Backspace 将移除标签“港口”。')).toBeTruthy();
      fireEvent.keyDown(input, { key: 'Backspace' });
      expect(screen.getByText('已移除标签“港口”。在标签框中按 Ctrl+Z 可恢复。')).toBeTruthy();
    } finally {
      useI18nStore.getState().setLocale('en');
    }
  });

  it('Enter that confirms a pinyin IME candidate does not add a tag', () => {
    render(<Harness />);
    const input = screen.getByLabelText('Tags', { selector: 'input' });
    fireEvent.change(input, { target: { value: '北京' } });
    fireEvent.keyDown(input, { key: 'Enter', isComposing: true });
    fireEvent.keyDown(input, { key: 'Enter', keyCode: 229 });
    expect(tagsNow()).toBe('');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(tagsNow()).toBe('北京');
  });

  it('each chip has its own remove button', () => {
    render(<Harness initial={['politics', '政治']} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag 政治' }));
    expect(tagsNow()).toBe('politics');
  });
});
