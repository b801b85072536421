// Runs in: vitest (Node). An editor's publishing password is stored encrypted and survives reopening the store.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEncryptedSecretStore, type SecretCipher } from './encrypted-secret-store';

const reversingCipher: SecretCipher = {
  isAvailable: () => true,
  encrypt: (plain) => Buffer.from(plain, 'utf8').reverse(),
  decrypt: (blob) => Buffer.from(blob).reverse().toString('utf8'),
  backend: () => 'test_cipher',
};

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dateline-secrets-'));
  file = join(dir, 'secrets.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('encrypted secret store', () => {
  it('keeps a password encrypted on disk and reads it back after reopening', async () => {
    await createEncryptedSecretStore(file, reversingCipher).set('wordpress:newsroom', 'hunter2-密码');
    expect(await readFile(file, 'utf8')).not.toContain('hunter2');
    const reopened = createEncryptedSecretStore(file, reversingCipher);
    expect(await reopened.get('wordpress:newsroom')).toBe('hunter2-密码');
    expect(reopened.backend()).toBe('test_cipher');
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o077).toBe(0);
  });

  it('keeps both of two secrets saved at the same moment, and deletes one', async () => {
    const store = createEncryptedSecretStore(file, reversingCipher);
    await Promise.all([store.set('a', 'one'), store.set('b', 'two')]);
    expect([await store.get('a'), await store.get('b')]).toEqual(['one', 'two']);
    await store.delete('a');
    expect(await store.get('a')).toBeNull();
    expect(await store.get('b')).toBe('two');
  });

  it('refuses to store anything when the OS cannot encrypt', async () => {
    const store = createEncryptedSecretStore(file, { ...reversingCipher, isAvailable: () => false });
    await expect(store.set('a', 'one')).rejects.toMatchObject({ code: 'permission-denied' });
  });

  it('reports a damaged file and an invalid key with specific errors', async () => {
    await writeFile(file, 'not json');
    await expect(createEncryptedSecretStore(file, reversingCipher).get('a')).rejects.toMatchObject({ code: 'corrupt-file' });
    await expect(createEncryptedSecretStore(file, reversingCipher).get('../etc')).rejects.toMatchObject({ code: 'invalid-input' });
  });
});
