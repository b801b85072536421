// Runs in: services. The publishing targets a newsroom configures, in `<dataDir>/targets.json`
// (configs only; passwords and keys go to the SecretStore under `secretKeyFor(target)`). A fresh
// install gets one Folder target, "Published folder", so publishing works out of the box.
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../common/app-error';
import { secretKeyFor, targetConfigSchema, type TargetConfig, type TargetView } from '../../../common/publish/publish-target-config';
import type { SecretStore } from '../secrets/secret-store';
import { atomicWriteFile } from '../store/atomic-write';
import { fsAppError } from '../store/fs-app-error';
import { readJsonFile } from '../store/read-json-file';
import { FolderTarget } from './folder/folder-target';
import { GhostTarget } from './ghost/ghost-target';
import type { PublishTarget } from './publish-target';
import { WebhookTarget } from './webhook/webhook-target';
import { consoleLogger, type Logger } from '../log/logger';
import { WordPressTarget } from './wordpress/wordpress-target';
import { DEFAULT_FOLDER_TARGET_ID, DEFAULT_FOLDER_TARGET_NAME } from '../../../common/publish/default-folder-target';

const fileSchema = z.object({
  version: z.literal(1),
  defaultId: z.string().nullable(),
  targets: z.array(targetConfigSchema),
});
type TargetsFile = z.infer<typeof fileSchema>;

export const DEFAULT_FOLDER_TARGET: TargetConfig = { kind: 'folder', id: DEFAULT_FOLDER_TARGET_ID, name: DEFAULT_FOLDER_TARGET_NAME, path: '' };

export interface TargetRegistryOptions {
  dataDir: string;
  /** The user's documents folder, for the default "Published" folder. */
  documentsDir: string;
  secrets: SecretStore;
  /** Adapter tuning (tests and the benchmark). */
  wordpress?: { timeoutMs?: number; uploadTimeoutMs?: number; uploadConcurrency?: number; fetchImpl?: (input: string, init: RequestInit) => Promise<Response> };
  /** Where problems are written. @default consoleLogger */
  logger?: Logger;
  webhook?: { maxAttempts?: number; retryBaseMs?: number };
  ghost?: { timeoutMs?: number; uploadTimeoutMs?: number; fetchImpl?: (input: string, init: RequestInit) => Promise<Response> };
}

export class TargetRegistry {
  private state: TargetsFile = { version: 1, defaultId: DEFAULT_FOLDER_TARGET.id, targets: [DEFAULT_FOLDER_TARGET] };
  private writing: Promise<void> = Promise.resolve();
  /** Set when targets.json could not be read and was moved aside. */
  problem: string | null = null;

  constructor(private readonly options: TargetRegistryOptions) {}

  private get path(): string {
    return join(this.options.dataDir, 'targets.json');
  }

  async open(): Promise<void> {
    const read = await readJsonFile(this.path, fileSchema);
    if (read.kind === 'ok') {
      this.state = read.value;
      return;
    }
    if (read.kind === 'unreadable') {
      // Keep the damaged file for a person to look at; start again from the default so publishing still works.
      const aside = `${this.path}.unreadable-${Date.now()}`;
      await rename(this.path, aside).catch(() => undefined);
      this.problem = `targets.json could not be read (${read.reason}); it was moved to ${aside} and the default target restored`;
      (this.options.logger ?? consoleLogger).warn(`[targets] ${this.problem}`);
    }
    await this.persist();
  }

  async list(): Promise<TargetView[]> {
    return Promise.all(this.state.targets.map((config) => this.view(config)));
  }

  has(id: string): boolean {
    return this.state.targets.some((t) => t.id === id);
  }

  get(id: string): TargetConfig {
    const found = this.state.targets.find((t) => t.id === id);
    if (!found) throw new AppError('not-found', `There is no publishing target "${id}": it may have been removed in Settings → Publishing`, { kind: 'target-missing', id });
    return found;
  }

  get default(): TargetConfig {
    const found = this.state.targets.find((t) => t.id === this.state.defaultId) ?? this.state.targets[0];
    if (!found) throw new AppError('not-found', 'No publishing target is set up: add one in Settings → Publishing', { kind: 'no-target' });
    return found;
  }

  /** Adds or replaces a target; `secret` undefined keeps the stored one, '' deletes it. */
  async save(config: TargetConfig, secret?: string, makeDefault = false): Promise<TargetView> {
    const valid = targetConfigSchema.parse(config);
    if (secret !== undefined && valid.kind !== 'folder') {
      if (secret.length > 0) await this.options.secrets.set(secretKeyFor(valid), secret);
      else await this.options.secrets.delete(secretKeyFor(valid));
    }
    const index = this.state.targets.findIndex((t) => t.id === valid.id);
    const targets = [...this.state.targets];
    if (index >= 0) targets[index] = valid;
    else targets.push(valid);
    this.state = { ...this.state, targets, defaultId: makeDefault || !this.state.defaultId ? valid.id : this.state.defaultId };
    await this.persist();
    return this.view(valid);
  }

  async remove(id: string): Promise<void> {
    const config = this.get(id);
    const targets = this.state.targets.filter((t) => t.id !== id);
    const defaultId = this.state.defaultId === id ? (targets[0]?.id ?? null) : this.state.defaultId;
    this.state = { ...this.state, targets, defaultId };
    await this.persist();
    await this.options.secrets.delete(secretKeyFor(config));
  }

  async createTarget(config: TargetConfig): Promise<PublishTarget> {
    switch (config.kind) {
      case 'folder':
        return new FolderTarget({ config, documentsDir: this.options.documentsDir });
      case 'webhook':
        return new WebhookTarget({ config, secret: await this.options.secrets.get(secretKeyFor(config)), ...this.options.webhook });
      case 'wordpress': {
        const tuning = this.options.wordpress ?? {};
        return new WordPressTarget({ config, password: await this.options.secrets.get(secretKeyFor(config)), ...tuning });
      }
      case 'ghost':
        return new GhostTarget({ config, adminKey: await this.options.secrets.get(secretKeyFor(config)), ...this.options.ghost });
    }
  }

  private async view(config: TargetConfig): Promise<TargetView> {
    const hasSecret = config.kind === 'folder' ? false : (await this.options.secrets.get(secretKeyFor(config))) !== null;
    return { config, hasSecret, isDefault: config.id === this.state.defaultId };
  }

  private persist(): Promise<void> {
    const text = JSON.stringify(this.state, null, 2);
    const next = this.writing
      .catch(() => undefined)
      .then(async () => {
        await mkdir(this.options.dataDir, { recursive: true }).catch((error: unknown) => {
          throw fsAppError(error, this.options.dataDir, 'create');
        });
        await atomicWriteFile(this.path, text);
      });
    this.writing = next;
    return next;
  }
}
