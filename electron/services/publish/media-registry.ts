// Runs in: services. Which library photos a target already holds, by content hash, persisted in
// `<library>/publish-state/<targetId>.media.json` so a photo is uploaded once per target, ever.
import { mkdir, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../common/app-error';
import { targetIdSchema } from '../../../common/publish/publish-target-config';
import { atomicWriteFile } from '../store/atomic-write';
import { errnoCode, fsAppError } from '../store/fs-app-error';
import { readJsonFile } from '../store/read-json-file';
import type { MediaRegistry, RemoteMedia } from './publish-target';

const fileSchema = z.object({
  version: z.literal(1),
  media: z.record(z.string(), z.object({ remoteId: z.string(), url: z.string() })),
});

export class FileMediaRegistry implements MediaRegistry {
  private entries: Promise<Map<string, RemoteMedia>> | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly path: string) {}

  static forTarget(libraryRoot: string, targetId: string): FileMediaRegistry {
    return new FileMediaRegistry(FileMediaRegistry.pathFor(libraryRoot, targetId));
  }

  static pathFor(libraryRoot: string, targetId: string): string {
    if (!targetIdSchema.safeParse(targetId).success) throw new AppError('invalid-input', `"${targetId}" is not a target id`, { kind: 'bad-id', id: targetId });
    return join(libraryRoot, 'publish-state', `${targetId}.media.json`);
  }

  /** Forgets every photo of a target (its site changed: those ids mean nothing there). */
  static async forget(libraryRoot: string, targetId: string): Promise<void> {
    const path = FileMediaRegistry.pathFor(libraryRoot, targetId);
    await unlink(path).catch((error: unknown) => {
      if (errnoCode(error) !== 'ENOENT') throw fsAppError(error, path, 'delete');
    });
  }

  async get(mediaId: string): Promise<RemoteMedia | null> {
    return (await this.load()).get(mediaId) ?? null;
  }

  async set(mediaId: string, remote: RemoteMedia): Promise<void> {
    const entries = await this.load();
    entries.set(mediaId, remote);
    // Each write saves the whole map; chained so a slow write never lands after a newer one.
    const next = this.writing.catch(() => undefined).then(async () => {
      await mkdir(dirname(this.path), { recursive: true }).catch((error: unknown) => {
        throw fsAppError(error, dirname(this.path), 'create');
      });
      await atomicWriteFile(this.path, JSON.stringify({ version: 1, media: Object.fromEntries(entries) }, null, 2));
    });
    this.writing = next;
    return next;
  }

  private load(): Promise<Map<string, RemoteMedia>> {
    this.entries ??= readJsonFile(this.path, fileSchema).then((read) => {
      // An unreadable registry only costs lookups: the adapter finds uploaded photos by their slug.
      if (read.kind !== 'ok') return new Map<string, RemoteMedia>();
      return new Map(Object.entries(read.value.media));
    });
    return this.entries;
  }
}
