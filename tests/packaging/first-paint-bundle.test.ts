// Runs in: vitest (Node). The library's first paint evaluates only what it needs: the renderer's
// entry chunk and the chunks it imports statically hold the library screen, but not the editor
// (TipTap, ProseMirror), pinyin for slugs, nor the screens and dialogs a start does not show; those
// load on first use.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
type Chunk = Rollup.OutputChunk;

let chunks: Map<string, Chunk>;
let outDir: string;

/** The chunks the entry loads before it runs: itself and its static imports, transitively. */
function firstPaintChunkNames(): string[] {
  const entry = [...chunks.values()].find((c) => c.isEntry);
  if (!entry) throw new Error('the build has no entry chunk');
  const seen = new Set<string>();
  const visit = (chunk: Chunk): void => {
    if (seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    for (const name of chunk.imports) {
      const next = chunks.get(name);
      if (next) visit(next);
    }
  };
  visit(entry);
  return [...seen];
}

/** Every module of those chunks. */
function firstPaintModules(): string[] {
  return firstPaintChunkNames().flatMap((name) => chunks.get(name)?.moduleIds ?? []).map((id) => id.replaceAll('\\', '/'));
}

function allModules(): string[] {
  return [...chunks.values()].flatMap((c) => c.moduleIds).map((id) => id.replaceAll('\\', '/'));
}

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'dateline-first-paint-'));
  const output = await build({
    configFile: join(ROOT, 'vite.config.ts'),
    root: join(ROOT, 'renderer'),
    logLevel: 'silent',
    build: { write: false, minify: false, outDir, emptyOutDir: false, reportCompressedSize: false },
  });
  const outputs = (Array.isArray(output) ? output : [output]) as Rollup.RollupOutput[];
  chunks = new Map(outputs.flatMap((o) => o.output).filter((c): c is Chunk => c.type === 'chunk').map((c) => [c.fileName, c]));
}, 120_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('the bundle the library paints from', () => {
  it('holds the app shell and the library screen, so the first rows wait for no other chunk', () => {
    const first = firstPaintModules();
    expect(first.some((id) => id.endsWith('/renderer/app/app.tsx'))).toBe(true);
    expect(first.some((id) => id.endsWith('/renderer/features/library/library-screen.tsx'))).toBe(true);
  });

  it('leaves the editor (TipTap, ProseMirror) to a chunk loaded when a story opens', () => {
    const editor = /\/node_modules\/(@tiptap\/|prosemirror-)/;
    expect(allModules().filter((id) => editor.test(id)).length).toBeGreaterThan(0);
    expect(firstPaintModules().filter((id) => editor.test(id))).toEqual([]);
  });

  it('keeps every stylesheet but the shared story carets in the first paint, in one cascade: none comes after the dark theme', () => {
    const first = new Set(firstPaintChunkNames());
    const late = [...chunks.values()].filter((c) => !first.has(c.fileName) && !c.moduleIds.some((id) => id.includes('/renderer/editor/collab/')));
    expect(late.length).toBeGreaterThan(0);
    expect(late.flatMap((c) => [...(c.viteMetadata?.importedCss ?? [])])).toEqual([]);
  });

  it('leaves pinyin for slugs (pinyin-pro) to a chunk loaded with the first story', () => {
    const pinyin = /\/node_modules\/pinyin-pro\//;
    expect(allModules().filter((id) => pinyin.test(id)).length).toBeGreaterThan(0);
    expect(firstPaintModules().filter((id) => pinyin.test(id))).toEqual([]);
  });

  it('leaves the article screen, the review queue and the dialogs a start does not show to chunks of their own', () => {
    const deferred = [
      'features/article/article-screen.tsx',
      'features/review/review-queue-screen.tsx',
      'features/settings/settings-dialog.tsx',
      'features/revisions/revisions-dialog.tsx',
      'features/revisions/name-version-dialog.tsx',
      'features/proof/preview-dialog.tsx',
      'commands/command-palette.tsx',
    ];
    const first = firstPaintModules();
    for (const file of deferred) expect(allModules().some((id) => id.endsWith(`/renderer/${file}`)), file).toBe(true);
    expect(first.filter((id) => deferred.some((file) => id.endsWith(`/renderer/${file}`)))).toEqual([]);
  });
});
