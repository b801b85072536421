// Runs in: vitest (Node). The packaging config passes electron-builder's own schema and ships only the bundle.
import { join } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

function targetNames(target: unknown): string[] {
  const list = Array.isArray(target) ? target : [target];
  return list.map((entry: unknown) => (typeof entry === 'string' ? entry : String((entry as { target: string }).target)));
}

async function loadConfig(): Promise<Configuration> {
  return getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);
}

describe('electron-builder.yml', () => {
  it('passes electron-builder schema validation', async () => {
    await expect(validateConfiguration(await loadConfig(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('builds an AppImage and a deb on Linux, an installer on Windows and a dmg on macOS', async () => {
    const config = await loadConfig();
    expect(config.appId).toBe('news.dateline.app');
    expect(config.productName).toBe('Dateline');
    expect(targetNames(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
    expect(targetNames(config.mac?.target)).toEqual(['dmg']);
    expect(config.mac?.category).toBe('public.app-category.news');
    expect(config.linux?.category).toBe('Office');
  });

  it('ships only the bundles (main, preload, the services process) and package.json, inside an asar, with the hardening fuses set', async () => {
    const config = await loadConfig();
    expect(config.asar).toBe(true);
    // getConfig normalises the list into one filter set.
    expect(config.files).toEqual([{ filter: ['dist/electron/**', 'dist/services/**', 'dist/renderer/**', 'package.json', '!**/*.map'] }]);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('rejects an option electron-builder does not know, so the validation is real', async () => {
    const config = { ...(await loadConfig()), shipTheSourceToo: true } as Configuration;
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/shipTheSourceToo/);
  });

  it('rejects a fuse given the wrong type', async () => {
    const config = { ...(await loadConfig()), electronFuses: { runAsNode: 'no' } } as unknown as Configuration;
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/runAsNode/);
  });
});
