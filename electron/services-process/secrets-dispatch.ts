// Runs in: main (plain Node, no electron import). Answers the services process's secret requests
// from the SecretStore main keeps (safeStorage); every input is checked before use.
import { z } from 'zod';
import { isAppError } from '../../common/app-error';
import type { Envelope } from '../../common/contract';
import type { RpcDispatch } from '../../common/rpc/rpc-server';
import type { SecretStore } from '../services/secrets/secret-store';

/** A password or signing key: far more than any real one, far less than a flood. */
const MAX_SECRET_CHARS = 64 * 1024;
const key = z.string().min(1).max(200);
const inputs = {
  'secrets.get': z.object({ key }).strict(),
  'secrets.delete': z.object({ key }).strict(),
  'secrets.set': z.object({ key, value: z.string().max(MAX_SECRET_CHARS) }).strict(),
};

function isSecretOp(op: string): op is keyof typeof inputs {
  return Object.hasOwn(inputs, op);
}

export function createSecretsDispatch(store: SecretStore): RpcDispatch {
  return async (op, input) => {
    if (!isSecretOp(op)) return { ok: false, error: { code: 'invalid-input', message: `Unknown secrets operation ${JSON.stringify(op.slice(0, 100))}.`, details: { kind: 'unknown-operation' } } };
    const parsed = inputs[op].safeParse(input);
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid-input', message: `Invalid input for ${op}.`, details: { kind: 'contract-input', operation: op, issues: parsed.error.issues.length } } };
    }
    try {
      const data: { key: string; value?: string } = parsed.data;
      if (op === 'secrets.get') return { ok: true, value: await store.get(data.key) };
      if (op === 'secrets.delete') await store.delete(data.key);
      else await store.set(data.key, data.value ?? '');
      return { ok: true, value: null };
    } catch (error) {
      if (!isAppError(error)) return { ok: false, error: { code: 'secrets-unavailable', message: 'The saved passwords could not be read or written.', details: { kind: 'secrets-unreadable' } } };
      const failure: Envelope<unknown> = { ok: false, error: { code: error.code, message: error.message } };
      if (error.details !== undefined && !failure.ok) failure.error.details = error.details;
      return failure;
    }
  };
}
