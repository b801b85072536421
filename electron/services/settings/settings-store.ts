// Runs in: services. The user's preferences in <userData>/settings.json; a damaged file is kept
// aside as settings.json.corrupt-<time> and the defaults take over, so the app always starts.
import { mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../common/app-error';
import { settingsSchema, settingsUpdateSchema, type Settings } from '../../../common/contract';
import { atomicWriteFile } from '../store/atomic-write';
import { errnoCode, fsAppError } from '../store/fs-app-error';


export class SettingsStore {
  private current: Settings | null = null;
  /** The first read of settings.json, shared by everyone who asks before it is done. */
  private loading: Promise<Settings> | null = null;
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly userDataDir: string) {}

  get path(): string {
    return join(this.userDataDir, 'settings.json');
  }

  async get(): Promise<Settings> {
    if (!this.current) {
      this.loading ??= this.load().finally(() => (this.loading = null));
      const loaded = await this.loading;
      // An update that finished while the file was being read is newer than what was read.
      this.current ??= loaded;
    }
    return { ...this.current };
  }

  /** Merges the given fields into the settings and saves them; invalid values are refused, not stored. */
  async update(partial: Partial<Settings>): Promise<Settings> {
    const parsed = settingsUpdateSchema.safeParse(partial);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError('invalid-input', `That setting cannot be saved: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(), {
        kind: 'setting-invalid',
        issues: parsed.error.issues.length,
      });
    }
    const run = this.writing.then(async () => {
      const next = settingsSchema.parse({ ...(await this.get()), ...stripUndefined(parsed.data) });
      await mkdir(this.userDataDir, { recursive: true }).catch((error: unknown) => {
        throw fsAppError(error, this.userDataDir, 'create');
      });
      await atomicWriteFile(this.path, JSON.stringify(next, null, 2));
      this.current = next;
      return { ...next };
    });
    this.writing = run.catch(() => undefined);
    return run;
  }

  private async load(): Promise<Settings> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return settingsSchema.parse({});
      throw fsAppError(error, this.path, 'read');
    }
    try {
      const parsed = settingsSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // Not JSON: handled below like any other damaged file.
    }
    const aside = `${this.path}.corrupt-${new Date().toISOString().replace(/[-:.]/g, '')}`;
    await rename(this.path, aside).catch(() => undefined);
    return settingsSchema.parse({});
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
