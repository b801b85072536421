// Runs in: renderer. Formatting toolbar; re-renders only when a pressed/enabled state changes.
// One tab stop with arrow-key movement (the WAI-ARIA toolbar pattern); each button shows a
// tooltip with its shortcut (from the command table) on hover and on keyboard focus.
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import type { MessageKey } from '../i18n/messages/catalogues';
import type { CommandId } from '../../common/commands/command-table';
import { commandShortcut } from '../kit/command-shortcut';
import { runFormatCommand, type DirectFormatCommand } from './run-format-command';
import { isSuggestionCommand, runSuggestionCommand } from './run-suggestion-command';
import { moveInToolbar, tabStopOf } from './toolbar-focus';
import { BulletListIcon, HorizontalRuleIcon, LinkIcon, NumberedListIcon, ParagraphIcon, PhotoIcon, QuoteIcon, RedoIcon, SuggestIcon, UndoIcon, CommentIcon } from './toolbar-icons';
import { selectToolbarState, type ToolbarState } from './toolbar-state';
import { useRenderProbe } from '../kit/use-render-probe';

export interface EditorToolbarProps {
  editor: Editor;
  onLink(): void;
  onInsertPhoto(): void;
  /** Comment on the selected text; without it the toolbar has no Comment button. */
  onComment?(): void;
}

interface ButtonSpec {
  /** The spoken name; it contains any text the button shows (H2, H3). */
  labelKey: MessageKey;
  glyph: ReactNode;
  command: ToolbarCommand;
  pressed?: keyof ToolbarState;
  enabled?: keyof ToolbarState;
}

type ToolbarCommand = Extract<CommandId, `format.${string}` | 'edit.undo' | 'edit.redo' | 'edit.suggest' | 'edit.comment' | 'article.insert-photo'>;

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
    { labelKey: 'editor.toolbar.paragraph', glyph: <ParagraphIcon />, command: 'format.paragraph', pressed: 'paragraph' },
    { labelKey: 'editor.toolbar.blockquote', glyph: <QuoteIcon />, command: 'format.blockquote', pressed: 'blockquote' },
    { labelKey: 'editor.toolbar.bullet-list', glyph: <BulletListIcon />, command: 'format.bullet-list', pressed: 'bulletList' },
    { labelKey: 'editor.toolbar.ordered-list', glyph: <NumberedListIcon />, command: 'format.ordered-list', pressed: 'orderedList' },
    { labelKey: 'editor.toolbar.horizontal-rule', glyph: <HorizontalRuleIcon />, command: 'format.horizontal-rule' },
    { labelKey: 'editor.toolbar.insert-photo', glyph: <PhotoIcon />, command: 'article.insert-photo' },
  ],
  [
    { labelKey: 'editor.toolbar.undo', glyph: <UndoIcon />, command: 'edit.undo', enabled: 'canUndo' },
    { labelKey: 'editor.toolbar.redo', glyph: <RedoIcon />, command: 'edit.redo', enabled: 'canRedo' },
  ],
  [
    { labelKey: 'editor.toolbar.suggest', glyph: <SuggestIcon />, command: 'edit.suggest', pressed: 'suggesting' },
    { labelKey: 'editor.toolbar.comment', glyph: <CommentIcon />, command: 'edit.comment' },
  ],
];

const ALL_SPECS: readonly ButtonSpec[] = GROUPS.flat();
const withoutComment = (spec: ButtonSpec): boolean => spec.command !== 'edit.comment';

export function EditorToolbar({ editor, onLink, onInsertPhoto, onComment }: EditorToolbarProps) {
  useRenderProbe('EditorToolbar');
  const groups = onComment ? GROUPS : GROUPS.map((group) => group.filter(withoutComment));
  const specs = onComment ? ALL_SPECS : ALL_SPECS.filter(withoutComment);
  const commands: readonly ToolbarCommand[] = specs.map((spec) => spec.command);
  const t = useT();
  const state = useEditorState({ editor, selector: ({ editor: current }) => selectToolbarState(current) });
  const idBase = useId();
  const buttons = useRef(new Map<ToolbarCommand, HTMLButtonElement>());
  const [lastFocused, setLastFocused] = useState<ToolbarCommand | null>(null);
  // Escape hides the tooltips until the pointer or focus moves again (WCAG 1.4.13).
  const [tooltipsHidden, setTooltipsHidden] = useState(false);

  const isDisabled = (spec: ButtonSpec): boolean => !state.editable || (spec.enabled ? !state[spec.enabled] : false);
  const usable = (command: ToolbarCommand): boolean => specs.some((spec) => spec.command === command && !isDisabled(spec));
  const tabStop = tabStopOf(commands, usable, lastFocused);

  const run = (command: ToolbarCommand) => {
    if (command === 'format.link') onLink();
    else if (command === 'article.insert-photo') onInsertPhoto();
    else if (command === 'edit.comment') onComment?.();
    else if (command === 'edit.undo') editor.chain().focus().undo().run();
    else if (command === 'edit.redo') editor.chain().focus().redo().run();
    else if (isSuggestionCommand(command)) runSuggestionCommand(editor, command);
    else runFormatCommand(editor, command satisfies DirectFormatCommand);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLButtonElement>, current: ToolbarCommand) => {
    if (event.key === 'Escape') {
      setTooltipsHidden(true);
      return;
    }
    const next = moveInToolbar(event.key, commands, usable, current);
    if (next === null) return;
    event.preventDefault();
    setLastFocused(next);
    buttons.current.get(next)?.focus();
  };

  return (
    <div
      className="dl-toolbar"
      role="toolbar"
      aria-label={t('editor.toolbar.label')}
      data-tooltips-hidden={tooltipsHidden ? '' : undefined}
      onPointerMove={() => setTooltipsHidden(false)}
    >
      {groups.map((group, groupIndex) => (
        <div className="dl-toolbar__group" role="group" key={groupIndex}>
          {group.map((spec) => {
            const label = t(spec.labelKey);
            const keys = commandShortcut(spec.command);
            const shortcutId = `${idBase}-${spec.command}-keys`;
            return (
              <span className="dl-toolbar__item" key={spec.command}>
                <button
                  ref={(element) => {
                    if (element) buttons.current.set(spec.command, element);
                    else buttons.current.delete(spec.command);
                  }}
                  type="button"
                  className={`dl-toolbar__button dl-toolbar__button--${spec.command.replace(/\W/g, '-')}`}
                  aria-label={label}
                  aria-describedby={keys ? shortcutId : undefined}
                  aria-pressed={spec.pressed ? state[spec.pressed] : undefined}
                  disabled={isDisabled(spec)}
                  tabIndex={spec.command === tabStop ? 0 : -1}
                  onFocus={() => {
                    setLastFocused(spec.command);
                    setTooltipsHidden(false);
                  }}
                  onKeyDown={(event) => handleKeyDown(event, spec.command)}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => run(spec.command)}
                >
                  <span aria-hidden="true">{spec.glyph}</span>
                </button>
                <span className="dl-toolbar__tooltip" role="tooltip">
                  {label}
                  {keys ? (
                    <kbd id={shortcutId} className="dl-toolbar__keys">
                      {keys}
                    </kbd>
                  ) : null}
                </span>
              </span>
            );
          })}
        </div>
      ))}
    </div>
  );
}
