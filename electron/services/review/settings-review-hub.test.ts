// Runs in: vitest (node). The review hub the settings name: the default shared folder is made on
// first use, a chosen one is never created, a WordPress hub must be a WordPress target still there,
// and a hub is made again only when its settings or password changed.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../../common/contract';
import type { TargetConfig } from '../../../common/publish/publish-target-config';
import { consoleLogger } from '../log/logger';
import { settingsReviewHub } from './settings-review-hub';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-settings-hub-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

function hubFor(reviewHub: Settings['reviewHub'], targets: TargetConfig[] = [], passwords: Record<string, string> = {}) {
  const current = { reviewHub };
  const hub = settingsReviewHub({
    settings: { get: async () => current },
    targets: { has: (id) => targets.some((t) => t.id === id), get: (id) => targets.find((t) => t.id === id) as TargetConfig },
    secrets: { get: async (key) => passwords[key] ?? null },
    documentsDir: join(root, 'Documents'),
    media: { read: async () => new Uint8Array(), import: async () => ({}) as never },
    logger: consoleLogger,
    offerPost: async () => undefined,
    knownPostId: async () => null,
  });
  return { hub, current, passwords };
}

const site: TargetConfig = { kind: 'wordpress', id: 'site', name: 'Newsroom site', siteUrl: 'https://news.example.com', username: 'desk', defaultCategory: '' };

describe('the review hub the settings name', () => {
  it('makes the default folder in the documents on first use, and never a folder the user chose', async () => {
    const byDefault = await hubFor({ kind: 'folder', path: '' }).hub();
    expect(byDefault.location).toBe(join(root, 'Documents', 'Dateline Review Hub'));
    expect(existsSync(byDefault.location)).toBe(true);
    const chosen = await hubFor({ kind: 'folder', path: join(root, 'share') }).hub();
    expect(chosen.location).toBe(join(root, 'share'));
    expect(existsSync(join(root, 'share'))).toBe(false);
  });

  it('keeps one hub while the settings stay, and makes a new one when they change', async () => {
    const { hub, current } = hubFor({ kind: 'folder', path: join(root, 'a') });
    const first = await hub();
    expect(await hub()).toBe(first);
    current.reviewHub = { kind: 'folder', path: join(root, 'b') };
    expect((await hub()).location).toBe(join(root, 'b'));
  });

  it('refuses a WordPress hub whose target is gone or is no WordPress site', async () => {
    await expect(hubFor({ kind: 'wordpress', targetId: 'site' }).hub()).rejects.toMatchObject({ code: 'not-found' });
    const folder: TargetConfig = { kind: 'folder', id: 'site', name: 'Published', path: '' };
    await expect(hubFor({ kind: 'wordpress', targetId: 'site' }, [folder]).hub()).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('makes the WordPress hub again when its password changed', async () => {
    const { hub, passwords } = hubFor({ kind: 'wordpress', targetId: 'site' }, [site], { 'target:site': 'one' });
    const first = await hub();
    expect(first.kind).toBe('wordpress');
    expect(await hub()).toBe(first);
    passwords['target:site'] = 'two';
    expect(await hub()).not.toBe(first);
  });
});
