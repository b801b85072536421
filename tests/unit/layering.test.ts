// The layering holds: the lint rules that keep common/ pure, services free of electron and the
// renderer away from Node really fire (CI runs eslint over the whole tree).
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function faceErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'dateline/wordpress-face').map((m) => m.message);
}

async function importErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering', () => {
  it('keeps Node and app code out of common/', async () => {
    expect(await importErrors('common/example.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n")).not.toHaveLength(0);
    expect(await importErrors('common/example.ts', "import { x } from '../renderer/app/x';\nexport const y = x;\n")).not.toHaveLength(0);
    expect(await importErrors('common/example.ts', "import { z } from 'zod';\nexport const y = z;\n")).toHaveLength(0);
  });

  it('keeps electron out of services and the host', async () => {
    expect(await importErrors('electron/services/store/example.ts', "import { app } from 'electron';\nexport const a = app;\n")).not.toHaveLength(0);
    // The services process runs as a plain Node child under the loopback host too.
    expect(await importErrors('electron/services-process/example.ts', "import { safeStorage } from 'electron';\nexport const s = safeStorage;\n")).not.toHaveLength(0);
    expect(await importErrors('electron/host/example.ts', "import { app } from 'electron';\nexport const a = app;\n")).not.toHaveLength(0);
  });

  it('keeps the code both transports share in electron/transport, below every transport', async () => {
    /** [importing file, imported path, refused?] */
    const cases: [string, string, boolean][] = [
      ['electron/main/example.ts', '../host/static-path', true],
      ['electron/main/example.ts', '../preload/ipc-channels', true],
      ['electron/main/example.ts', '../transport/ipc-channels', false],
      ['electron/transport/example.ts', '../host/serve', true],
      ['electron/transport/example.ts', '../services/create-services', true],
      ['electron/transport/example.ts', 'electron', true],
      ['electron/services/example.ts', '../transport/dispatch-operation', true],
      ['electron/services-process/example.ts', '../host/x', true],
      ['electron/host/example.ts', '../preload/x', true],
    ];
    for (const [file, imported, refused] of cases) {
      const errors = await importErrors(file, `import { x } from '${imported}';\nexport const y = x;\n`);
      expect({ file, imported, refused: errors.length > 0 }).toEqual({ file, imported, refused });
    }
  });

  it('lets the newsroom server share common/ and nothing else of the app', async () => {
    expect(await importErrors('server/example.ts', "import { x } from '../electron/services/x';\nexport const y = x;\n")).not.toHaveLength(0);
    expect(await importErrors('server/collab/example.ts', "import { x } from '../../renderer/app/x';\nexport const y = x;\n")).not.toHaveLength(0);
    expect(await importErrors('server/collab/example.ts', "import { transition } from '../../common/workflow/workflow-machine';\nimport pg from 'pg';\nexport const y = [transition, pg];\n")).toHaveLength(0);
  });

  it('keeps Node and the shell out of the renderer', async () => {
    expect(await importErrors('renderer/app/example.ts', "import { readFileSync } from 'fs';\nexport const r = readFileSync;\n")).not.toHaveLength(0);
    expect(await importErrors('renderer/app/example.ts', "import { x } from '../../electron/services/x';\nexport const y = x;\n")).not.toHaveLength(0);
  });

  it('lets code outside the WordPress module use only its face', async () => {
    const client = "import { WordPressClient } from '../../wordpress/wordpress-client';\nexport const c = WordPressClient;\n";
    expect(await faceErrors('electron/services/publish/wordpress/example.ts', client)).not.toHaveLength(0);
    expect(await faceErrors('electron/services/review/example.ts', "export { postMarker } from '../wordpress/post-identity';\n")).not.toHaveLength(0);
    expect(await faceErrors('electron/services/review/example.ts', "import { WordPressClient } from '../wordpress';\nexport const c = WordPressClient;\n")).toHaveLength(0);
    expect(await faceErrors('electron/services/review/example.ts', "import { WordPressClient } from '../wordpress/index';\nexport const c = WordPressClient;\n")).toHaveLength(0);
    // Inside the module, and in the publishing target's own folder of the same name, files import each other freely.
    expect(await faceErrors('electron/services/wordpress/example.ts', "import { WordPressClient } from './wordpress-client';\nexport const c = WordPressClient;\n")).toHaveLength(0);
    expect(await faceErrors('electron/services/publish/example.ts', "import { WordPressTarget } from './wordpress/wordpress-target';\nexport const t = WordPressTarget;\n")).toHaveLength(0);
  });

  it('keeps the renderer in floors: kit, then stores, then features, then the shell', async () => {
    const importing = (spec: string) => `import { a } from '${spec}';\nexport const b = a;\n`;
    // A store reaching up into a feature, as the outbox store once was from stores/app-stores.
    expect(await importErrors('renderer/stores/example.ts', importing('../features/publish/outbox-store'))).not.toHaveLength(0);
    expect(await importErrors('renderer/kit/example.ts', importing('../stores/app-stores'))).not.toHaveLength(0);
    expect(await importErrors('renderer/i18n/messages/example.ts', importing('../../app/app'))).not.toHaveLength(0);
    expect(await importErrors('renderer/api/example.ts', importing('../editor/article-editor'))).not.toHaveLength(0);
    expect(await importErrors('renderer/features/library/example.ts', importing('../../app/stores-context'))).not.toHaveLength(0);
    expect(await importErrors('renderer/editor/example.ts', importing('../app/app'))).not.toHaveLength(0);
    expect(await importErrors('renderer/commands/example.ts', importing('../app/app'))).not.toHaveLength(0);
    // Downward imports, and common/'s own editor folder, are fine; the Node rule still holds on every floor.
    expect(await importErrors('renderer/features/library/example.ts', importing('../../stores/stores-context'))).toHaveLength(0);
    expect(await importErrors('renderer/stores/example.ts', importing('../../common/editor/figure'))).toHaveLength(0);
    expect(await importErrors('renderer/app/example.ts', importing('../features/library/library-screen'))).toHaveLength(0);
    expect(await importErrors('renderer/stores/example.ts', importing('fs'))).not.toHaveLength(0);
  });
});
