// Runs in: services. Every Yjs update of a shared story kept on this machine's disk, so a story opens
// and can be edited with no network and nothing typed offline is lost: one append-only file per
// story (<dir>/<article id>.yupdates), each record a 4-byte big-endian length and the update, the
// file fsynced after every append. Past `compactAfter` records the file is replaced (temp file,
// fsync, rename, folder fsync) by one record holding all of them merged, so it stays small.
//
// A crash mid-append leaves a torn last record: it is dropped on load (the update it carried was
// never acknowledged as stored) and the file is cut back to the last whole record.
import { mkdir, open, readFile, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import { AppError } from '../../../common/app-error';
import { articleIdSchema } from '../../../common/article';
import { atomicWriteFile } from '../store/atomic-write';
import { errnoCode, fsAppError } from '../store/fs-app-error';
import { KeyedQueue } from '../store/keyed-queue';

export interface StoryUpdateLogOptions {
  dir: string;
  /** Records kept before the file is compacted into one. @default 500 */
  compactAfter?: number;
  /** The largest log file read (a story is bounded far below this). @default 256 MiB */
  maxFileBytes?: number;
}

const HEADER_BYTES = 4;
const SUFFIX = '.yupdates';

export class StoryUpdateLog {
  private readonly dir: string;
  private readonly compactAfter: number;
  private readonly maxFileBytes: number;
  private readonly queue = new KeyedQueue();
  /** Records in each story's file, as far as this process knows (read on load, counted on append). */
  private readonly records = new Map<string, number>();

  constructor(options: StoryUpdateLogOptions) {
    this.dir = options.dir;
    this.compactAfter = options.compactAfter ?? 500;
    this.maxFileBytes = options.maxFileBytes ?? 256 * 1024 * 1024;
  }

  pathOf(articleId: string): string {
    return join(this.dir, `${articleIdSchema.parse(articleId)}${SUFFIX}`);
  }

  /** Everything kept for the story, merged into one update; null when nothing is kept. */
  load(articleId: string): Promise<Uint8Array | null> {
    return this.queue.run(articleId, async () => {
      const updates = await this.readRecords(articleId);
      if (updates.length === 0) return null;
      return updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
    });
  }

  /** Keeps the update; resolves once it is on disk (fsynced). */
  append(articleId: string, update: Uint8Array): Promise<void> {
    return this.queue.run(articleId, async () => {
      const path = this.pathOf(articleId);
      await mkdir(this.dir, { recursive: true }).catch((error: unknown) => {
        throw fsAppError(error, this.dir, 'create');
      });
      if (!this.records.has(articleId)) this.records.set(articleId, (await this.readRecords(articleId)).length);
      const record = new Uint8Array(HEADER_BYTES + update.byteLength);
      new DataView(record.buffer).setUint32(0, update.byteLength);
      record.set(update, HEADER_BYTES);
      const handle = await open(path, 'a').catch((error: unknown) => {
        throw fsAppError(error, path, 'write');
      });
      try {
        await handle.write(record);
        await handle.sync();
      } catch (error) {
        throw fsAppError(error, path, 'write');
      } finally {
        await handle.close();
      }
      const count = (this.records.get(articleId) ?? 0) + 1;
      this.records.set(articleId, count);
      if (count > this.compactAfter) await this.compactUnqueued(articleId);
    });
  }

  /** Replaces the story's records by one holding them all merged. */
  compact(articleId: string): Promise<void> {
    return this.queue.run(articleId, () => this.compactUnqueued(articleId));
  }

  private async compactUnqueued(articleId: string): Promise<void> {
    const updates = await this.readRecords(articleId);
    if (updates.length <= 1) return;
    const merged = Y.mergeUpdates(updates);
    const record = new Uint8Array(HEADER_BYTES + merged.byteLength);
    new DataView(record.buffer).setUint32(0, merged.byteLength);
    record.set(merged, HEADER_BYTES);
    await atomicWriteFile(this.pathOf(articleId), record);
    this.records.set(articleId, 1);
  }

  /** The whole records of the file; a torn last record is cut away. */
  private async readRecords(articleId: string): Promise<Uint8Array[]> {
    const path = this.pathOf(articleId);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return [];
      throw fsAppError(error, path, 'read');
    }
    if (bytes.byteLength > this.maxFileBytes) {
      throw new AppError('corrupt-file', `The offline copy of story ${articleId} is larger than ${this.maxFileBytes} bytes; it was not read.`, { kind: 'collab-log-too-large' });
    }
    const updates: Uint8Array[] = [];
    let offset = 0;
    while (offset + HEADER_BYTES <= bytes.byteLength) {
      const length = bytes.readUInt32BE(offset);
      if (offset + HEADER_BYTES + length > bytes.byteLength) break;
      updates.push(new Uint8Array(bytes.subarray(offset + HEADER_BYTES, offset + HEADER_BYTES + length)));
      offset += HEADER_BYTES + length;
    }
    if (offset < bytes.byteLength) {
      await truncate(path, offset).catch((error: unknown) => {
        throw fsAppError(error, path, 'write');
      });
    }
    return updates;
  }
}
