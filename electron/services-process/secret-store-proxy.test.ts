// Runs in: vitest (Node). The services process keeps no keychain: its SecretStore asks the parent,
// which answers from its own store and refuses malformed requests.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../common/app-error';
import type { SecretStore } from '../services/secrets/secret-store';
import { createSecretStoreProxy } from './secret-store-proxy';
import { createSecretsDispatch } from './secrets-dispatch';

function memoryStore(): SecretStore & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get: async (key) => entries.get(key) ?? null,
    set: async (key, value) => {
      if (key === 'locked') throw new AppError('permission-denied', 'This system offers no way to encrypt saved passwords.');
      entries.set(key, value);
    },
    delete: async (key) => void entries.delete(key),
    backend: () => 'unused',
  };
}

describe('secret store proxy', () => {
  it('gets, sets and deletes through the parent, and reports the backend main chose', async () => {
    const store = memoryStore();
    const dispatch = createSecretsDispatch(store);
    const proxy = createSecretStoreProxy((op, input) => dispatch(op, input), 'basic_text');
    expect(await proxy.get('wp:site')).toBeNull();
    await proxy.set('wp:site', 'pässwörd 密码');
    expect(store.entries.get('wp:site')).toBe('pässwörd 密码');
    expect(await proxy.get('wp:site')).toBe('pässwörd 密码');
    await proxy.delete('wp:site');
    expect(store.entries.size).toBe(0);
    expect(proxy.backend()).toBe('basic_text');
  });

  it('passes the parent’s AppError through with its code', async () => {
    const dispatch = createSecretsDispatch(memoryStore());
    const proxy = createSecretStoreProxy((op, input) => dispatch(op, input), 'keychain');
    await expect(proxy.set('locked', 'x')).rejects.toMatchObject({ code: 'permission-denied' });
  });

  it('the parent refuses unknown operations, extra fields and oversized values', async () => {
    const dispatch = createSecretsDispatch(memoryStore());
    expect(await dispatch('secrets.list', {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatch('secrets.get', { key: 'a', also: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatch('secrets.set', { key: 'a', value: 'x'.repeat(70_000) })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatch('secrets.get', null)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
