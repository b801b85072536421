// Runs in: main, preload and renderer. Every command of the app, once. The native menu, the editor
// keymap, the browser shortcuts, the toolbar's tooltips and the command palette are all built from
// this table: adding a command is a row here, its words in command-messages.*.ts, and its handler.
import type { CommandLabelKey } from './command-messages.en';

/** The native menus commands can be placed in (File, Edit, …). */
export type MenuId = 'file' | 'edit' | 'format' | 'view' | 'language';
export type MenuLocale = 'en' | 'zh-CN';

export interface MenuPlacement {
  menu: MenuId;
  /** Items of one group stand together; groups follow in table order with a separator between them. */
  group: string;
  /** The item is the platform's own (undo, redo): the menu shows the role, the editor does the work. */
  role?: 'undo' | 'redo';
  /** A radio item, checked while the menus are in this language. */
  checkedInLocale?: MenuLocale;
}

export interface CommandSpec {
  id: string;
  labelKey: CommandLabelKey;
  /** Electron accelerator notation; CmdOrCtrl is Cmd on macOS and Ctrl elsewhere. */
  accelerator?: string;
  /** In a browser tab, when the browser keeps `accelerator` for itself (Ctrl+N); null: no key there. */
  browserAccelerator?: string | null;
  /** More keys for the same command in the editor (Ctrl+Y for redo). */
  alternates?: readonly string[];
  /**
   * Who handles the key: the editor's keymap while the body has focus, or the window (the native
   * menu in the desktop app, a window listener in a browser). Default: the window.
   */
  keys?: 'editor' | 'window';
  /** Where the native menu shows it; none: the command has no menu item. */
  menu?: MenuPlacement;
  /** False: never offered in the command palette. */
  palette?: false;
  /** What must be open for the command to apply: a story, or a story's body editor. */
  needs?: 'article' | 'editor';
}

export const COMMAND_TABLE = [
  // Sent by main before a window closes: save pending edits now (no revision snapshot).
  { id: 'app.flush', labelKey: 'command.app.flush', palette: false },

  { id: 'article.new', labelKey: 'command.article.new', accelerator: 'CmdOrCtrl+N', browserAccelerator: 'CmdOrCtrl+Alt+N', menu: { menu: 'file', group: 'create' } },
  { id: 'article.save', labelKey: 'command.article.save', accelerator: 'CmdOrCtrl+S', menu: { menu: 'file', group: 'keep' }, needs: 'article' },
  { id: 'article.duplicate', labelKey: 'command.article.duplicate', accelerator: 'CmdOrCtrl+Shift+D', browserAccelerator: null, menu: { menu: 'file', group: 'keep' }, needs: 'article' },
  { id: 'article.export-html', labelKey: 'command.article.export-html', menu: { menu: 'file', group: 'export' }, needs: 'article' },
  { id: 'article.export-markdown', labelKey: 'command.article.export-markdown', menu: { menu: 'file', group: 'export' }, needs: 'article' },
  // Cmd+Alt+H is Hide Others on macOS: the key is the browser's only.
  { id: 'article.revisions', labelKey: 'command.article.revisions', browserAccelerator: 'CmdOrCtrl+Alt+H', menu: { menu: 'file', group: 'history' }, needs: 'article' },
  { id: 'article.name-version', labelKey: 'command.article.name-version', menu: { menu: 'file', group: 'history' }, needs: 'article' },
  // Ctrl/Cmd+P is the print key everywhere; in a browser the browser's own print uses the same proof stylesheet.
  { id: 'article.print-proof', labelKey: 'command.article.print-proof', accelerator: 'CmdOrCtrl+P', browserAccelerator: null, menu: { menu: 'file', group: 'proof' }, needs: 'article' },
  { id: 'article.preview', labelKey: 'command.article.preview', accelerator: 'CmdOrCtrl+Alt+V', menu: { menu: 'file', group: 'proof' }, needs: 'article' },
  { id: 'article.trash', labelKey: 'command.article.trash', menu: { menu: 'file', group: 'trash' }, needs: 'article' },

  { id: 'edit.undo', labelKey: 'command.edit.undo', accelerator: 'CmdOrCtrl+Z', keys: 'editor', menu: { menu: 'edit', group: 'history', role: 'undo' }, needs: 'editor' },
  { id: 'edit.redo', labelKey: 'command.edit.redo', accelerator: 'CmdOrCtrl+Shift+Z', alternates: ['CmdOrCtrl+Y'], keys: 'editor', menu: { menu: 'edit', group: 'history', role: 'redo' }, needs: 'editor' },

  // Ctrl+Shift+E: free in Chromium, Electron's default menu and macOS; Word uses it for Track Changes.
  { id: 'edit.suggest', labelKey: 'command.edit.suggest', accelerator: 'CmdOrCtrl+Shift+E', keys: 'editor', menu: { menu: 'edit', group: 'suggest' }, needs: 'editor' },
  { id: 'edit.accept-all-suggestions', labelKey: 'command.edit.accept-all-suggestions', menu: { menu: 'edit', group: 'suggest' }, needs: 'editor' },
  { id: 'edit.reject-all-suggestions', labelKey: 'command.edit.reject-all-suggestions', menu: { menu: 'edit', group: 'suggest' }, needs: 'editor' },
  // From anywhere in the story: the panel searches the headline, subheadline, summary, body and captions.
  // macOS also gives Cmd+H to Hide Dateline; the menu item and the palette reach Replace there too.
  { id: 'edit.find', labelKey: 'command.edit.find', accelerator: 'CmdOrCtrl+F', menu: { menu: 'edit', group: 'find' }, needs: 'editor' },
  { id: 'edit.replace', labelKey: 'command.edit.replace', accelerator: 'CmdOrCtrl+H', menu: { menu: 'edit', group: 'find' }, needs: 'editor' },
  // Comment first: select text, then Comment; Google Docs and Word use the same key for it.
  { id: 'edit.comment', labelKey: 'command.edit.comment', accelerator: 'CmdOrCtrl+Alt+M', menu: { menu: 'edit', group: 'comment' }, needs: 'editor' },

  { id: 'format.bold', labelKey: 'command.format.bold', accelerator: 'CmdOrCtrl+B', keys: 'editor', menu: { menu: 'format', group: 'inline' }, needs: 'editor' },
  { id: 'format.italic', labelKey: 'command.format.italic', accelerator: 'CmdOrCtrl+I', keys: 'editor', menu: { menu: 'format', group: 'inline' }, needs: 'editor' },
  { id: 'format.underline', labelKey: 'command.format.underline', accelerator: 'CmdOrCtrl+U', keys: 'editor', menu: { menu: 'format', group: 'inline' }, needs: 'editor' },
  { id: 'format.strike', labelKey: 'command.format.strike', accelerator: 'CmdOrCtrl+Shift+S', keys: 'editor', menu: { menu: 'format', group: 'inline' }, needs: 'editor' },
  { id: 'format.link', labelKey: 'command.format.link', accelerator: 'CmdOrCtrl+K', keys: 'editor', menu: { menu: 'format', group: 'inline' }, needs: 'editor' },
  { id: 'format.heading-2', labelKey: 'command.format.heading-2', accelerator: 'CmdOrCtrl+Alt+2', keys: 'editor', menu: { menu: 'format', group: 'block' }, needs: 'editor' },
  { id: 'format.heading-3', labelKey: 'command.format.heading-3', accelerator: 'CmdOrCtrl+Alt+3', keys: 'editor', menu: { menu: 'format', group: 'block' }, needs: 'editor' },
  { id: 'format.paragraph', labelKey: 'command.format.paragraph', accelerator: 'CmdOrCtrl+Alt+0', keys: 'editor', menu: { menu: 'format', group: 'block' }, needs: 'editor' },
  { id: 'format.blockquote', labelKey: 'command.format.blockquote', accelerator: 'CmdOrCtrl+Shift+B', keys: 'editor', menu: { menu: 'format', group: 'block' }, needs: 'editor' },
  { id: 'format.bullet-list', labelKey: 'command.format.bullet-list', accelerator: 'CmdOrCtrl+Shift+8', keys: 'editor', menu: { menu: 'format', group: 'block' }, needs: 'editor' },
  { id: 'format.ordered-list', labelKey: 'command.format.ordered-list', accelerator: 'CmdOrCtrl+Shift+7', keys: 'editor', menu: { menu: 'format', group: 'block' }, needs: 'editor' },
  // Ctrl+Alt+- and Ctrl+Alt+P are taken by neither Chromium, Electron's default menu nor macOS.
  { id: 'format.horizontal-rule', labelKey: 'command.format.horizontal-rule', accelerator: 'CmdOrCtrl+Alt+-', keys: 'editor', menu: { menu: 'format', group: 'block' }, needs: 'editor' },
  // App-wide: the photo picker opens from the headline field too.
  { id: 'article.insert-photo', labelKey: 'command.article.insert-photo', accelerator: 'CmdOrCtrl+Alt+P', menu: { menu: 'format', group: 'insert' }, needs: 'editor' },

  { id: 'view.library', labelKey: 'command.view.library', browserAccelerator: 'CmdOrCtrl+Alt+L', menu: { menu: 'view', group: 'screens' } },
  { id: 'view.trash', labelKey: 'command.view.trash', menu: { menu: 'view', group: 'screens' } },
  { id: 'view.review-queue', labelKey: 'command.view.review-queue', menu: { menu: 'view', group: 'screens' } },
  // Distraction-free writing: only the headline, the body and their counts stay on screen.
  { id: 'view.focus-writing', labelKey: 'command.view.focus-writing', accelerator: 'CmdOrCtrl+Alt+F', menu: { menu: 'view', group: 'writing' }, needs: 'article' },
  { id: 'view.side-panel', labelKey: 'command.view.side-panel', accelerator: 'CmdOrCtrl+Alt+B', menu: { menu: 'view', group: 'writing' }, needs: 'article' },
  { id: 'view.command-palette', labelKey: 'command.view.command-palette', accelerator: 'CmdOrCtrl+Shift+P', menu: { menu: 'view', group: 'palette' }, palette: false },

  { id: 'language.en', labelKey: 'command.language.en', menu: { menu: 'language', group: 'choice', checkedInLocale: 'en' } },
  { id: 'language.zh-CN', labelKey: 'command.language.zh-CN', menu: { menu: 'language', group: 'choice', checkedInLocale: 'zh-CN' } },
] as const satisfies readonly CommandSpec[];

export type CommandId = (typeof COMMAND_TABLE)[number]['id'];
/** Commands whose key the body editor's keymap handles. */
export type EditorKeyCommand = Extract<(typeof COMMAND_TABLE)[number], { keys: 'editor' }>['id'];

export const COMMAND_IDS: readonly CommandId[] = COMMAND_TABLE.map((spec) => spec.id);

const BY_ID = new Map<string, CommandSpec>(COMMAND_TABLE.map((spec) => [spec.id, spec]));

export function isCommandId(value: unknown): value is CommandId {
  return typeof value === 'string' && BY_ID.has(value);
}

export function commandSpec(id: CommandId): CommandSpec {
  const spec = BY_ID.get(id);
  if (!spec) throw new Error(`Unknown command ${id}`);
  return spec;
}

/** Where the app runs: the desktop app (native menu) or a browser tab (npm run serve). */
export type CommandSurface = 'desktop' | 'browser';

/** The command's key on this surface, if it has one. */
export function acceleratorOn(spec: CommandSpec, surface: CommandSurface): string | undefined {
  if (surface === 'browser' && spec.browserAccelerator !== undefined) return spec.browserAccelerator ?? undefined;
  return spec.accelerator;
}
