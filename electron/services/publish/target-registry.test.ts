// Runs in: vitest (node). Settings → Publishing: a fresh install has a working default target,
// targets survive a restart, a damaged targets.json is set aside (not lost), and each target kind
// gets its own adapter with its secret from the secret store.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebhookTargetConfig, WordpressTargetConfig } from '../../../common/publish/publish-target-config';
import { createFileSecretStore } from './file-secret-store';
import { FolderTarget } from './folder/folder-target';
import { TargetRegistry } from './target-registry';
import { WebhookTarget } from './webhook/webhook-target';
import { WordPressTarget } from './wordpress/wordpress-target';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dateline-targets-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = async () => {
  const registry = new TargetRegistry({ dataDir: dir, documentsDir: join(dir, 'Documents'), secrets: createFileSecretStore(join(dir, 'secrets.json')) });
  await registry.open();
  return registry;
};

const wordpress: WordpressTargetConfig = { kind: 'wordpress', id: 'site-a', name: 'Site A', siteUrl: 'https://a.example', username: 'ed', defaultCategory: '' };
const webhook: WebhookTargetConfig = { kind: 'webhook', id: 'hook-b', name: 'Hook B', url: 'https://b.example/in', mediaMode: 'inline', mediaBaseUrl: '', timeoutMs: 30_000 };

describe('TargetRegistry', () => {
  it('gives a fresh install one default Folder target, saved so it survives a restart', async () => {
    const registry = await open();
    expect(registry.default).toEqual({ kind: 'folder', id: 'published-folder', name: 'Published folder', path: '' });
    expect(await registry.createTarget(registry.default)).toBeInstanceOf(FolderTarget);
    await registry.save(wordpress, 'app pass', true);
    const reopened = await open();
    expect((await reopened.list()).map((t) => [t.config.id, t.hasSecret, t.isDefault])).toEqual([
      ['published-folder', false, false],
      ['site-a', true, true],
    ]);
  });

  it('builds each adapter with its own secret, and keeps a saved secret when the form leaves it empty', async () => {
    const registry = await open();
    await registry.save(wordpress, 'wp-secret');
    await registry.save(webhook, 'hook-secret');
    await registry.save({ ...wordpress, name: 'Renamed' });
    expect(await registry.createTarget(registry.get('site-a'))).toBeInstanceOf(WordPressTarget);
    expect(await registry.createTarget(registry.get('hook-b'))).toBeInstanceOf(WebhookTarget);
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).toContain('wp-secret');
    expect(readFileSync(join(dir, 'targets.json'), 'utf8')).not.toMatch(/wp-secret|hook-secret/);
    await registry.save(wordpress, '');
    expect((await registry.list()).find((t) => t.config.id === 'site-a')?.hasSecret).toBe(false);
  });

  it('sets a damaged targets.json aside instead of losing it, and still publishes to the default folder', async () => {
    writeFileSync(join(dir, 'targets.json'), '{"version":1,"targets":[{"kind":"wordpress"');
    const registry = await open();
    expect(registry.problem).toContain('targets.json could not be read');
    expect(registry.default.id).toBe('published-folder');
    expect(readdirSync(dir).some((name) => name.startsWith('targets.json.unreadable-'))).toBe(true);
  });

  it('says which target is missing', async () => {
    const registry = await open();
    expect(() => registry.get('gone-1')).toThrow(/There is no publishing target "gone-1"/);
  });
});
