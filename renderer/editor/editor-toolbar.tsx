// Runs in: renderer. Formatting toolbar; re-renders only when a pressed/enabled state changes.
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import type { KeyboardEvent, ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import type { MessageKey } from '../i18n/messages/catalogues';
import { shortcutFor, type EditorShortcutCommand } from './editor-shortcuts';
import { formatShortcut, isMacPlatform } from './format-shortcut';
import { runFormatCommand, type DirectFormatCommand } from './run-format-command';
import { selectToolbarState, type ToolbarState } from './toolbar-state';
import { useRenderProbe } from '../app/use-render-probe';

export interface EditorToolbarProps {
  editor: Editor;
  onLink(): void;
  onInsertPhoto(): void;
}

interface ButtonSpec {
  labelKey: MessageKey;
  glyph: ReactNode;
  command: EditorShortcutCommand;
  pressed?: keyof ToolbarState;
  enabled?: keyof ToolbarState;
}

/** A chain link drawn, not an emoji: many Linux systems have no colour-emoji font. */
function LinkIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" focusable="false">
      <path d="M6.5 9.5l3-3" />
      <path d="M7 4.5l1.2-1.2a2.8 2.8 0 0 1 4 4L11 8.5" />
      <path d="M9 11.5l-1.2 1.2a2.8 2.8 0 0 1-4-4L5 7.5" />
    </svg>
  );
}

const GROUPS: readonly (readonly ButtonSpec[])[] = [
  [
    { labelKey: 'editor.toolbar.bold', glyph: 'B', command: 'format.bold', pressed: 'bold' },
    { labelKey: 'editor.toolbar.italic', glyph: 'I', command: 'format.italic', pressed: 'italic' },
    { labelKey: 'editor.toolbar.underline', glyph: 'U', command: 'format.underline', pressed: 'underline' },
    { labelKey: 'editor.toolbar.strike', glyph: 'S', command: 'format.strike', pressed: 'strike' },
    { labelKey: 'editor.toolbar.link', glyph: <LinkIcon />, command: 'format.link', pressed: 'link' },
  ],
  [
    { labelKey: 'editor.toolbar.heading-2', glyph: 'H2', command: 'format.heading-2', pressed: 'heading2' },
    { labelKey: 'editor.toolbar.heading-3', glyph: 'H3', command: 'format.heading-3', pressed: 'heading3' },
    { labelKey: 'editor.toolbar.paragraph', glyph: '¶', command: 'format.paragraph', pressed: 'paragraph' },
    { labelKey: 'editor.toolbar.blockquote', glyph: '❝', command: 'format.blockquote', pressed: 'blockquote' },
    { labelKey: 'editor.toolbar.bullet-list', glyph: '•', command: 'format.bullet-list', pressed: 'bulletList' },
    { labelKey: 'editor.toolbar.ordered-list', glyph: '1.', command: 'format.ordered-list', pressed: 'orderedList' },
    { labelKey: 'editor.toolbar.horizontal-rule', glyph: '―', command: 'format.horizontal-rule' },
    { labelKey: 'editor.toolbar.insert-photo', glyph: '▣', command: 'article.insert-photo' },
  ],
  [
    { labelKey: 'editor.toolbar.undo', glyph: '↶', command: 'edit.undo', enabled: 'canUndo' },
    { labelKey: 'editor.toolbar.redo', glyph: '↷', command: 'edit.redo', enabled: 'canRedo' },
  ],
];

/** Arrow keys move between toolbar buttons, as in the WAI-ARIA toolbar pattern. */
function handleToolbarKeyDown(event: KeyboardEvent<HTMLDivElement>) {
  const keys = ['ArrowLeft', 'ArrowRight', 'Home', 'End'];
  if (!keys.includes(event.key)) return;
  const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)'));
  const index = buttons.indexOf(event.target as HTMLButtonElement);
  if (index < 0 || buttons.length === 0) return;
  event.preventDefault();
  const next =
    event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : (index + (event.key === 'ArrowLeft' ? -1 : 1) + buttons.length) % buttons.length;
  buttons[next]?.focus();
}

export function EditorToolbar({ editor, onLink, onInsertPhoto }: EditorToolbarProps) {
  useRenderProbe('EditorToolbar');
  const t = useT();
  const state = useEditorState({ editor, selector: ({ editor: current }) => selectToolbarState(current) });
  const isMac = isMacPlatform();

  const run = (command: EditorShortcutCommand) => {
    if (command === 'format.link') onLink();
    else if (command === 'article.insert-photo') onInsertPhoto();
    else if (command === 'edit.undo') editor.chain().focus().undo().run();
    else if (command === 'edit.redo') editor.chain().focus().redo().run();
    else runFormatCommand(editor, command satisfies DirectFormatCommand);
  };

  return (
    <div className="dl-toolbar" role="toolbar" aria-label={t('editor.toolbar.label')} onKeyDown={handleToolbarKeyDown}>
      {GROUPS.map((group, groupIndex) => (
        <div className="dl-toolbar__group" role="group" key={groupIndex}>
          {group.map((spec) => {
            const label = t(spec.labelKey);
            const shortcut = shortcutFor(spec.command);
            const keys = shortcut?.keys[0];
            return (
              <button
                key={spec.command}
                type="button"
                className={`dl-toolbar__button dl-toolbar__button--${spec.command.replace(/\W/g, '-')}`}
                aria-label={label}
                title={keys ? `${label} (${formatShortcut(keys, isMac)})` : label}
                aria-pressed={spec.pressed ? state[spec.pressed] : undefined}
                disabled={!state.editable || (spec.enabled ? !state[spec.enabled] : false)}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => run(spec.command)}
              >
                <span aria-hidden="true">{spec.glyph}</span>
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
