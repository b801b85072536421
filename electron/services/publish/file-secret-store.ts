// Runs in: services (browser mode, no Electron). Secrets in their own JSON file readable only by this
// OS user (mode 0600), never in targets.json or settings. Not encrypted: backend() says "file" and
// the UI labels it as such.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../common/app-error';
import type { SecretStore } from '../secrets/secret-store';
import { atomicWriteFile } from '../store/atomic-write';
import { fsAppError } from '../store/fs-app-error';
import { readJsonFile } from '../store/read-json-file';

const fileSchema = z.object({ version: z.literal(1), secrets: z.record(z.string(), z.string()) });

export function createFileSecretStore(path: string): SecretStore {
  let writing: Promise<void> = Promise.resolve();

  const load = async (): Promise<Record<string, string>> => {
    const read = await readJsonFile(path, fileSchema);
    if (read.kind === 'ok') return read.value.secrets;
    if (read.kind === 'missing') return {};
    throw new AppError('secrets-unavailable', `The password file ${path} cannot be read (${read.reason}): delete it and enter the passwords again in Settings`, { kind: 'password-file-unreadable' });
  };

  const change = (apply: (secrets: Record<string, string>) => void): Promise<void> => {
    const next = writing.catch(() => undefined).then(async () => {
      const secrets = await load();
      apply(secrets);
      await mkdir(dirname(path), { recursive: true }).catch((error: unknown) => {
        throw fsAppError(error, dirname(path), 'create');
      });
      await atomicWriteFile(path, JSON.stringify({ version: 1, secrets }, null, 2), { mode: 0o600 });
    });
    writing = next;
    return next;
  };

  return {
    async get(key) {
      await writing.catch(() => undefined);
      return (await load())[key] ?? null;
    },
    set(key, value) {
      return change((secrets) => {
        secrets[key] = value;
      });
    },
    delete(key) {
      return change((secrets) => {
        delete secrets[key];
      });
    },
    backend: () => 'file',
  };
}
