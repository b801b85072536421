// Lint rules, including the layering: common/ imports neither side, services never import
// electron, the renderer never reaches Node or the shell, the newsroom server shares only common/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'stream', 'url', 'util', 'worker_threads'];

const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: groups.map((group) => ({ group: [group], message })) }],
});

// The WordPress module (electron/services/wordpress/) has one public face, its index.ts: code
// outside the folder may not import the files behind it.
const WORDPRESS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'electron/services/wordpress');
const wordpressFace = {
  meta: { type: 'problem', schema: [], messages: { internal: 'Import the WordPress module through its face (electron/services/wordpress, i.e. its index.ts), not {{file}}.' } },
  create(context) {
    const here = path.dirname(path.resolve(context.filename));
    if (here === WORDPRESS_DIR || here.startsWith(WORDPRESS_DIR + path.sep)) return {};
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = path.resolve(here, spec);
      if (!target.startsWith(WORDPRESS_DIR + path.sep)) return;
      const inside = path.relative(WORDPRESS_DIR, target);
      if (inside === 'index' || inside === 'index.ts') return;
      context.report({ node: node.source, messageId: 'internal', data: { file: inside } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

/** An import of one of these electron/ folders, however it is written ('../host/x', '../../electron/host/x'). */
const folderRegex = (folders) => `(^|/)(${folders.join('|')})/`;

/**
 * Several rules for one folder: [groups, message] (gitignore-style groups) or [{ folders }, message]
 * (electron/ folders, matched in relative imports too). One block per folder: a later config block
 * would replace, not add to, an earlier one's rule.
 */
const restrictAll = (...rules) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: rules.flatMap(([what, message]) =>
        Array.isArray(what) ? what.map((group) => ({ group: [group], message })) : [{ regex: folderRegex(what.folders), message }],
      ),
    },
  ],
});

const RENDERER_BASE = { groups: ['**/electron/**', 'electron', ...NODE_BUILTINS], message: 'The renderer talks to the services only through the API contract (renderer/api).' };
/** Folders of the renderer's feature floor. */
const FEATURE_FOLDERS = ['features', 'editor', 'commands'];

/** The renderer's rule, also refusing relative imports of the named renderer folders (floors above the file's own). */
const restrictRenderer = (above) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: RENDERER_BASE.groups, message: RENDERER_BASE.message },
        ...(above.length === 0
          ? []
          : [{ regex: `^(\\.\\./)+(${above.join('|')})(/|$)`, message: `A floor of the renderer imports only from below it (kit → stores → features → app): not from ${above.join(', ')}/.` }]),
      ],
    },
  ],
});

const PLAIN_NODE = [['electron', '**/renderer/**', '**/electron/main/**'], 'Services, the services process, the host and the shared transport code run in plain Node: no electron import (the shell injects what it needs).'];
const TRANSPORT_MESSAGE = 'Code both transports use lives in electron/transport/: import it from there, not from the host or preload.';
const NO_TRANSPORT_IN_SERVICES = [{ folders: ['host', 'preload', 'transport', 'services-process'] }, 'The services know no transport: main, the host and the services process call them.'];
const TRANSPORT_BELOW_ALL = [{ folders: ['host', 'preload', 'services-process', 'services', 'main'] }, 'electron/transport/ is shared by every transport: it imports only common/ and Node.'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.tmp/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrictRenderer([]),
    },
  },
  // The renderer's own floors, bottom up: the kit (api, i18n, shared UI pieces), the stores, the
  // features (screens, the editor, commands), the shell (app/). Each imports only from below.
  {
    files: ['renderer/api/**/*.{ts,tsx}', 'renderer/i18n/**/*.{ts,tsx}', 'renderer/kit/**/*.{ts,tsx}'],
    rules: restrictRenderer(['stores', ...FEATURE_FOLDERS, 'app']),
  },
  {
    files: ['renderer/stores/**/*.{ts,tsx}'],
    rules: restrictRenderer([...FEATURE_FOLDERS, 'app']),
  },
  {
    files: FEATURE_FOLDERS.map((folder) => `renderer/${folder}/**/*.{ts,tsx}`),
    rules: restrictRenderer(['app']),
  },
  {
    files: ['common/**/*.ts'],
    rules: restrict(['**/electron/**', '**/renderer/**', 'electron', ...NODE_BUILTINS], 'common/ is pure TypeScript shared by both sides: no Node, no Electron, no app code.'),
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: restrictAll(PLAIN_NODE, NO_TRANSPORT_IN_SERVICES),
  },
  {
    files: ['electron/services-process/**/*.ts'],
    rules: restrictAll(PLAIN_NODE, [{ folders: ['host', 'preload'] }, TRANSPORT_MESSAGE]),
  },
  {
    files: ['electron/host/**/*.ts'],
    rules: restrictAll(PLAIN_NODE, [{ folders: ['preload'] }, TRANSPORT_MESSAGE]),
  },
  {
    files: ['electron/transport/**/*.ts'],
    rules: restrictAll(PLAIN_NODE, TRANSPORT_BELOW_ALL),
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: restrictAll([{ folders: ['host', 'preload'] }, TRANSPORT_MESSAGE]),
  },
  {
    files: ['server/**/*.ts'],
    rules: restrict(['electron', '**/electron/**', '**/renderer/**'], 'The newsroom server shares only common/ with the app: never electron/ or renderer/.'),
  },
  {
    // The update logic is tested under plain Node: only the thin auto-update.ts wiring touches Electron.
    files: ['electron/main/update/**/*.ts'],
    ignores: ['electron/main/update/auto-update.ts'],
    rules: restrictAll([['electron', 'electron-updater', '**/renderer/**'], 'The update decisions run in plain Node: only auto-update.ts wires Electron and electron-updater.'], [{ folders: ['host', 'preload'] }, TRANSPORT_MESSAGE]),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrictAll([['**/electron/services/**', '**/electron/main/**', '**/renderer/**', ...NODE_BUILTINS], 'The sandboxed preload only bridges IPC.'], [{ folders: ['services', 'services-process', 'host', 'main'] }, 'The sandboxed preload only bridges IPC.']),
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'tests/**'],
    plugins: { dateline: { rules: { 'wordpress-face': wordpressFace } } },
    rules: { 'dateline/wordpress-face': 'error' },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
