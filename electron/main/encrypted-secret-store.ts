// Runs in: main (pure, no electron import). A SecretStore over one JSON file of blobs encrypted by an injected cipher.
import { readFile } from 'node:fs/promises';
import { AppError } from '../../common/app-error';
import type { SecretStore } from '../services/secrets/secret-store';
import { atomicWriteFile } from '../services/store/atomic-write';

export interface SecretCipher {
  isAvailable(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(blob: Buffer): string;
  backend(): string;
}

interface SecretFile {
  version: 1;
  /** key → base64 of the encrypted blob. */
  entries: Record<string, string>;
}

const KEY_PATTERN = /^[A-Za-z0-9._:-]{1,200}$/;

function checkKey(key: string): void {
  if (!KEY_PATTERN.test(key)) throw new AppError('invalid-input', 'A secret key is 1-200 characters of letters, digits, ".", "_", ":" or "-".', { kind: 'secret-key' });
}

async function readSecretFile(file: string): Promise<SecretFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, entries: {} };
    throw new AppError('io-error', `Could not read the secrets file ${file}.`, { kind: 'secrets-unreadable' });
  }
  try {
    const parsed = JSON.parse(text) as Partial<SecretFile>;
    if (parsed.version !== 1 || typeof parsed.entries !== 'object' || parsed.entries === null) throw new Error('shape');
    return { version: 1, entries: { ...parsed.entries } };
  } catch {
    throw new AppError('corrupt-file', `The secrets file ${file} is damaged; saved passwords need to be entered again.`, { kind: 'secrets-file' });
  }
}

/** Owner-only (0600) and atomic: the file is always either the old or the new version. */
function writeSecretFile(file: string, content: SecretFile): Promise<void> {
  return atomicWriteFile(file, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
}

export function createEncryptedSecretStore(file: string, cipher: SecretCipher): SecretStore {
  let queue: Promise<unknown> = Promise.resolve();
  // Writes are serialised so two quick saves never lose each other's entry.
  const serialise = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };
  const requireCipher = (): void => {
    if (!cipher.isAvailable()) throw new AppError('permission-denied', 'This system offers no way to encrypt saved passwords.', { kind: 'no-encryption' });
  };

  return {
    async get(key) {
      checkKey(key);
      const blob = (await readSecretFile(file)).entries[key];
      if (blob === undefined) return null;
      requireCipher();
      try {
        return cipher.decrypt(Buffer.from(blob, 'base64'));
      } catch {
        throw new AppError('corrupt-file', `The saved secret "${key}" can no longer be decrypted; enter it again.`, { kind: 'secret-undecryptable' });
      }
    },
    set: (key, value) =>
      serialise(async () => {
        checkKey(key);
        requireCipher();
        const content = await readSecretFile(file);
        content.entries[key] = cipher.encrypt(value).toString('base64');
        await writeSecretFile(file, content);
      }),
    delete: (key) =>
      serialise(async () => {
        checkKey(key);
        const content = await readSecretFile(file);
        if (!(key in content.entries)) return;
        delete content.entries[key];
        await writeSecretFile(file, content);
      }),
    backend: () => cipher.backend(),
  };
}
