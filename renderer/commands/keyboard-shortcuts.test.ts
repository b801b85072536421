// Runs in: tests (node). The window-wide shortcut matcher reads the command table once, not per key.
import { describe, expect, it, vi } from 'vitest';

const spies = vi.hoisted(() => ({ acceleratorOn: vi.fn(), parseAccelerator: vi.fn(), matcherCalls: 0 }));

vi.mock('../../common/commands/command-table', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../common/commands/command-table')>();
  spies.acceleratorOn.mockImplementation(actual.acceleratorOn);
  return { ...actual, acceleratorOn: spies.acceleratorOn };
});

vi.mock('../../common/commands/accelerator', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../common/commands/accelerator')>();
  spies.parseAccelerator.mockImplementation(actual.parseAccelerator);
  // Every way the matcher may read an accelerator goes through the counted parser.
  const compileAccelerator = (accelerator: string) => {
    spies.parseAccelerator(accelerator);
    const matches = actual.compileAccelerator(accelerator);
    return (press: import('../../common/commands/accelerator').KeyPress) => {
      spies.matcherCalls++;
      return matches(press);
    };
  };
  const acceleratorMatches = (accelerator: string, press: import('../../common/commands/accelerator').KeyPress) => {
    spies.parseAccelerator(accelerator);
    return actual.acceleratorMatches(accelerator, press);
  };
  return { ...actual, parseAccelerator: spies.parseAccelerator, compileAccelerator, acceleratorMatches };
});

const { shortcutCommand } = await import('./keyboard-shortcuts');

describe('window shortcuts on the typing path', () => {
  it('a typed letter or Enter reads no accelerator and no command-table row after the first key', () => {
    const letter = { key: 'a', code: 'KeyA', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, isComposing: false };
    expect(shortcutCommand(letter)).toBeNull();
    spies.acceleratorOn.mockClear();
    spies.parseAccelerator.mockClear();
    for (let i = 0; i < 50; i++) {
      expect(shortcutCommand(letter)).toBeNull();
      expect(shortcutCommand({ ...letter, key: 'Enter', code: 'Enter' })).toBeNull();
    }
    expect(shortcutCommand({ ...letter, key: 's', code: 'KeyS', ctrlKey: true })).toBe('article.save');
    expect(spies.acceleratorOn).not.toHaveBeenCalled();
    expect(spies.parseAccelerator).not.toHaveBeenCalled();
  });

  it('a letter typed without Ctrl, Cmd or Alt is tested against no shortcut at all', () => {
    const letter = { key: 'a', code: 'KeyA', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, isComposing: false };
    expect(shortcutCommand(letter)).toBeNull();
    spies.matcherCalls = 0;
    for (const key of ['a', 'b', 'Enter', 'Backspace', ' ']) expect(shortcutCommand({ ...letter, key })).toBeNull();
    expect(shortcutCommand({ ...letter, key: 'B', shiftKey: true })).toBeNull();
    expect(spies.matcherCalls).toBe(0);
    expect(shortcutCommand({ ...letter, key: 'P', code: 'KeyP', ctrlKey: true, shiftKey: true })).toBe('view.command-palette');
  });
});
