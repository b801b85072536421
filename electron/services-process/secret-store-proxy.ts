// Runs in: the services process (plain Node). A SecretStore that asks the parent (Electron main)
// for every secret: safeStorage exists only there, so the keychain never enters this process.
import type { Envelope } from '../../common/contract';
import { envelopeValue } from '../../common/rpc/envelope-value';
import type { SecretStore } from '../services/secrets/secret-store';
import type { SecretOp } from './services-process-protocol';

export type SecretCall = (op: SecretOp, input: unknown) => Promise<Envelope<unknown>>;

export function createSecretStoreProxy(call: SecretCall, backend: string): SecretStore {
  return {
    async get(key) {
      const value = envelopeValue(await call('secrets.get', { key }));
      return typeof value === 'string' ? value : null;
    },
    async set(key, value) {
      envelopeValue(await call('secrets.set', { key, value }));
    },
    async delete(key) {
      envelopeValue(await call('secrets.delete', { key }));
    },
    backend: () => backend,
  };
}
