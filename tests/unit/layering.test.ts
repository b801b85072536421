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
});
