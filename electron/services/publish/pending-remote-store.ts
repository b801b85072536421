// Runs in: services. Remote items (e.g. a WordPress post) that a publish job created but that no
// finished publish has recorded yet, in `<library>/publish-state/<targetId>.pending.json` by article,
// so the next job for the same article and target adopts the item instead of creating a twin.
import { mkdir, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../common/app-error';
import { targetIdSchema } from '../../../common/publish/publish-target-config';
import { atomicWriteFile } from '../store/atomic-write';
import { errnoCode, fsAppError } from '../store/fs-app-error';
import { consoleLogger, type Logger } from '../log/logger';
import { readJsonFile } from '../store/read-json-file';

/** Checkpoint key an adapter sets (a string) as soon as it knows the id of the remote item it publishes into. */
export const CHECKPOINT_REMOTE_ID = 'remoteId';
/** Checkpoint key the outbox seeds a job with: the item an unfinished earlier job left for this article and target. */
export const CHECKPOINT_ADOPT = 'adoptRemote';

export const pendingRemoteSchema = z.object({ remoteId: z.string().min(1), jobId: z.string(), since: z.string() });
export type PendingRemote = z.infer<typeof pendingRemoteSchema>;

const fileSchema = z.object({ version: z.literal(1), articles: z.record(z.string(), pendingRemoteSchema) });

export class PendingRemoteStore {
  private readonly writes = new Map<string, Promise<unknown>>();

  constructor(
    private readonly libraryRoot: string,
    private readonly logger: Logger = consoleLogger,
  ) {}

  static pathFor(libraryRoot: string, targetId: string): string {
    if (!targetIdSchema.safeParse(targetId).success) throw new AppError('invalid-input', `"${targetId}" is not a target id`, { kind: 'bad-id', id: targetId });
    return join(libraryRoot, 'publish-state', `${targetId}.pending.json`);
  }

  async get(targetId: string, articleId: string): Promise<PendingRemote | null> {
    return (await this.read(targetId))[articleId] ?? null;
  }

  set(targetId: string, articleId: string, entry: PendingRemote): Promise<void> {
    return this.change(targetId, (all) => ({ ...all, [articleId]: entry }));
  }

  clear(targetId: string, articleId: string): Promise<void> {
    return this.change(targetId, (all) => {
      if (!(articleId in all)) return null;
      const { [articleId]: _cleared, ...rest } = all;
      return rest;
    });
  }

  /** Forgets every pending item of a target (its site changed: those ids mean nothing there). */
  clearTarget(targetId: string): Promise<void> {
    const path = PendingRemoteStore.pathFor(this.libraryRoot, targetId);
    return this.serial(targetId, () =>
      unlink(path).catch((error: unknown) => {
        if (errnoCode(error) !== 'ENOENT') throw fsAppError(error, path, 'delete');
      }),
    );
  }

  private async read(targetId: string): Promise<Record<string, PendingRemote>> {
    const path = PendingRemoteStore.pathFor(this.libraryRoot, targetId);
    const read = await readJsonFile(path, fileSchema);
    if (read.kind === 'ok') return read.value.articles;
    // Unreadable only costs adoption: the next job starts a fresh item, as before this file existed.
    if (read.kind === 'unreadable') this.logger.warn(`[publish] ${path} cannot be read (${read.reason}); unfinished posts will not be adopted`);
    return {};
  }

  /** Read-modify-write, serialized per target; `edit` returns null when nothing changes. */
  private change(targetId: string, edit: (all: Record<string, PendingRemote>) => Record<string, PendingRemote> | null): Promise<void> {
    const path = PendingRemoteStore.pathFor(this.libraryRoot, targetId);
    return this.serial(targetId, async () => {
      const next = edit(await this.read(targetId));
      if (next === null) return;
      await mkdir(dirname(path), { recursive: true }).catch((error: unknown) => {
        throw fsAppError(error, dirname(path), 'create');
      });
      await atomicWriteFile(path, JSON.stringify({ version: 1, articles: next }, null, 2));
    });
  }

  private serial(targetId: string, write: () => Promise<void>): Promise<void> {
    const next = (this.writes.get(targetId) ?? Promise.resolve()).catch(() => undefined).then(write);
    this.writes.set(targetId, next);
    return next;
  }
}
