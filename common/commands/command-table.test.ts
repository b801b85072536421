// Runs in: tests (node). The command table is consistent, and its keys read the same everywhere.
import { describe, expect, it } from 'vitest';
import { acceleratorMatches, editorKeyOf, formatAccelerator, parseAccelerator } from './accelerator';
import { commandMessagesEn } from './command-messages.en';
import { commandMessagesZhCN } from './command-messages.zh-CN';
import { acceleratorOn, COMMAND_TABLE, type CommandSpec, type CommandSurface } from './command-table';

const TABLE: readonly CommandSpec[] = COMMAND_TABLE;
const press = { key: '', code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false };

describe('accelerators', () => {
  it('read CmdOrCtrl, Alt and Shift, with punctuation as the key', () => {
    expect(parseAccelerator('CmdOrCtrl+Alt+-')).toEqual({ mod: true, alt: true, shift: false, key: '-' });
    expect(() => parseAccelerator('Hyper+K')).toThrow();
  });

  it('become TipTap keys, shown keys and key matches', () => {
    expect(editorKeyOf('CmdOrCtrl+Shift+B')).toBe('Mod-Shift-b');
    expect(editorKeyOf('CmdOrCtrl+Alt+-')).toBe('Mod-Alt--');
    expect(formatAccelerator('CmdOrCtrl+Shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(formatAccelerator('CmdOrCtrl+Alt+P', true)).toBe('⌘⌥P');
    expect(acceleratorMatches('CmdOrCtrl+S', { ...press, key: 's', code: 'KeyS', metaKey: true })).toBe(true);
    expect(acceleratorMatches('CmdOrCtrl+S', { ...press, key: 's', code: 'KeyS', ctrlKey: true, shiftKey: true })).toBe(false);
    // On macOS ⌥N types "˜": the key's place decides.
    expect(acceleratorMatches('CmdOrCtrl+Alt+N', { ...press, key: '˜', code: 'KeyN', metaKey: true, altKey: true })).toBe(true);
    expect(acceleratorMatches('CmdOrCtrl+Shift+P', { ...press, key: 'P', code: 'KeyP', ctrlKey: true, shiftKey: true })).toBe(true);
  });
});

describe('command table', () => {
  it('has one row per id, each labelled in both catalogues', () => {
    const ids = TABLE.map((spec) => spec.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const spec of TABLE) {
      expect(commandMessagesEn[spec.labelKey].trim(), spec.id).not.toBe('');
      expect(commandMessagesZhCN[spec.labelKey].trim(), spec.id).not.toBe('');
    }
    expect(Object.keys(commandMessagesZhCN).sort()).toEqual(Object.keys(commandMessagesEn).sort());
  });

  it.each<CommandSurface>(['desktop', 'browser'])('gives no key to two commands on the %s', (surface) => {
    const keys = TABLE.flatMap((spec) => {
      const accelerator = acceleratorOn(spec, surface);
      return accelerator ? [accelerator, ...(spec.keys === 'editor' ? (spec.alternates ?? []) : [])].map((key) => editorKeyOf(key)) : [];
    });
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });

  it('lets the desktop app reach every window key through the native menu', () => {
    // In Electron only the menu registers window keys: a key without a menu item would do nothing.
    const unreachable = TABLE.filter((spec) => spec.keys !== 'editor' && acceleratorOn(spec, 'desktop') !== undefined && !spec.menu);
    expect(unreachable.map((spec) => spec.id)).toEqual([]);
  });

  it('leaves keys the browser keeps to the browser (New Article is Ctrl+Alt+N in a tab)', () => {
    const byId = new Map(TABLE.map((spec) => [spec.id, spec]));
    expect(acceleratorOn(byId.get('article.new')!, 'desktop')).toBe('CmdOrCtrl+N');
    expect(acceleratorOn(byId.get('article.new')!, 'browser')).toBe('CmdOrCtrl+Alt+N');
    expect(acceleratorOn(byId.get('article.duplicate')!, 'browser')).toBeUndefined();
  });
});
