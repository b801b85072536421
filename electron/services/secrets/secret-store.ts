// Runs in: services (interface only). Where publishing credentials are kept; Electron backs it with safeStorage.

export interface SecretStore {
  /** The stored value, or null when there is none. */
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** Which OS facility protects the secrets; "basic_text" means a fixed key (weak), and the UI warns. */
  backend(): string;
}
