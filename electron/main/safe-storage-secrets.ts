// Runs in: main (Electron). The SecretStore for the desktop app, encrypted with the OS keychain through safeStorage.
import { safeStorage } from 'electron';
import type { SecretStore } from '../services/secrets/secret-store';
import { createEncryptedSecretStore } from './encrypted-secret-store';

export function createSafeStorageSecrets(file: string): SecretStore {
  return createEncryptedSecretStore(file, {
    isAvailable: () => safeStorage.isEncryptionAvailable(),
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (blob) => safeStorage.decryptString(blob),
    // Only Linux chooses between backends; elsewhere the OS keychain is always used.
    backend: () => (process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : process.platform === 'darwin' ? 'keychain' : 'dpapi'),
  });
}
