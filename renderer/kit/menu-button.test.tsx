// @vitest-environment happy-dom
// Runs in: tests (happy-dom). The menu button follows the WAI-ARIA pattern: it opens on the keyboard
// with focus on an item, arrows move, Escape closes back to the button, and choosing runs the action.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MenuButton } from './menu-button';

afterEach(cleanup);

function mount() {
  const chosen = vi.fn<(key: string) => void>();
  const items = ['Export HTML', 'Export Markdown', 'Duplicate'].map((label) => ({ key: label, label, onSelect: () => chosen(label) }));
  render(
    <div>
      <MenuButton label="More" items={items} />
      <button type="button">Outside</button>
    </div>,
  );
  return { chosen, trigger: screen.getByRole('button', { name: 'More' }) };
}

describe('MenuButton', () => {
  it('is closed at first and says it has a menu', () => {
    const { trigger } = mount();
    expect(trigger.getAttribute('aria-haspopup')).toBe('menu');
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('opens on ArrowDown with focus on the first item; arrows wrap, Home and End jump', () => {
    const { trigger } = mount();
    act(() => trigger.focus());
    fireEvent.keyDown(trigger, { key: 'ArrowDown' });
    const menu = screen.getByRole('menu', { name: 'More' });
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(trigger.getAttribute('aria-controls')).toBe(menu.id);
    expect(document.activeElement?.textContent).toBe('Export HTML');
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' });
    expect(document.activeElement?.textContent).toBe('Duplicate');
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toBe('Export HTML');
    fireEvent.keyDown(document.activeElement as Element, { key: 'End' });
    expect(document.activeElement?.textContent).toBe('Duplicate');
    fireEvent.keyDown(document.activeElement as Element, { key: 'Home' });
    expect(document.activeElement?.textContent).toBe('Export HTML');
    // Items are not tab stops of their own.
    for (const item of screen.getAllByRole('menuitem')) expect(item.tabIndex).toBe(-1);
  });

  it('opens on ArrowUp at the last item', () => {
    const { trigger } = mount();
    fireEvent.keyDown(trigger, { key: 'ArrowUp' });
    expect(document.activeElement?.textContent).toBe('Duplicate');
  });

  it('Escape closes the menu and gives focus back to the button', () => {
    const { trigger } = mount();
    fireEvent.keyDown(trigger, { key: 'Enter' });
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it('choosing an item runs it once and closes the menu, focus back on the button', () => {
    const { trigger, chosen } = mount();
    fireEvent.click(trigger);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Export Markdown' }));
    expect(chosen).toHaveBeenCalledTimes(1);
    expect(chosen).toHaveBeenCalledWith('Export Markdown');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it('a pointer press outside closes it without choosing', () => {
    const { trigger, chosen } = mount();
    fireEvent.click(trigger);
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Outside' }));
    expect(screen.queryByRole('menu')).toBeNull();
    expect(chosen).not.toHaveBeenCalled();
  });
});
