// @vitest-environment happy-dom
// Runs in: tests (happy-dom). Every editor key in the command table reaches the command's handler,
// and a key does what its command does (Ctrl/Cmd+B makes the selection bold).
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAccelerator } from '../../common/commands/accelerator';
import { COMMAND_TABLE, type CommandSpec, type EditorKeyCommand } from '../../common/commands/command-table';
import { createEditorExtensions } from '../../common/editor/editor-extensions';
import { isMacPlatform } from '../kit/is-mac-platform';
import { EditorKeymap } from './editor-keymap';
import { isDirectFormatCommand, runFormatCommand } from './run-format-command';

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

function makeEditor(onCommand: (command: EditorKeyCommand) => boolean): Editor {
  editor = new Editor({
    element: document.createElement('div'),
    extensions: [...createEditorExtensions({ resolveMediaUrl: (id) => id }), EditorKeymap.configure({ onCommand })],
    content: '<p>Flood waters rise</p>',
  });
  return editor;
}

/** Presses an accelerator in the editor as a keyboard would. */
function press(target: Editor, accelerator: string): void {
  const { mod, shift, alt, key } = parseAccelerator(accelerator);
  const mac = isMacPlatform();
  const event = new KeyboardEvent('keydown', { key: key.toLowerCase(), ctrlKey: mod && !mac, metaKey: mod && mac, shiftKey: shift, altKey: alt, bubbles: true, cancelable: true });
  target.view.dom.dispatchEvent(event);
}

describe('editor keymap from the command table', () => {
  it('hands every editor key of the table, alternates too, to its command', () => {
    const pressed: EditorKeyCommand[] = [];
    const target = makeEditor((command) => {
      pressed.push(command);
      return true;
    });
    const expected: string[] = [];
    for (const spec of COMMAND_TABLE as readonly CommandSpec[]) {
      if (spec.keys !== 'editor' || !spec.accelerator) continue;
      for (const accelerator of [spec.accelerator, ...(spec.alternates ?? [])]) {
        press(target, accelerator);
        expected.push(spec.id);
      }
    }
    expect(expected.length).toBeGreaterThan(10);
    expect(pressed).toEqual(expected);
  });

  it('Ctrl/Cmd+B bolds the selection through the same command the menu runs', () => {
    const target = makeEditor((command) => isDirectFormatCommand(command) && runFormatCommand(target, command));
    target.commands.setTextSelection({ from: 1, to: 6 });
    press(target, 'CmdOrCtrl+B');
    expect(target.getHTML()).toBe('<p><strong>Flood</strong> waters rise</p>');
  });
});
