// Runs in: services. Version snapshots of one article: articles/<id>/revisions/<revId>.json.
// Retention: automatic snapshots (explicit saves, autosaves) thin out with age
// (common/versions/thin-versions.ts); the other kinds (named, before a publish, a workflow action,
// a restore, an import or the trash) are kept. Then a size and count cap per article makes room,
// oldest first, automatic ones before kept ones, named versions never. Unreadable files are
// reported by list() and never deleted.
import { lstat, mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../common/app-error';
import type { Article } from '../../../common/article';
import { THINNED_REVISION_REASONS, revisionReasonSchema, type RevisionInfo, type RevisionList, type RevisionReason } from '../../../common/contract';
import { editorArticleSchema } from '../../../common/editor/editor-schema';
import { versionsToThin } from '../../../common/versions/thin-versions';
import { atomicWriteFile, TEMP_FILE_PATTERN } from './atomic-write';
import { errnoCode, fsAppError } from './fs-app-error';
import { parseJsonText } from './parse-json-text';
import type { JsonFileResult } from './read-json-file';
import { sortableId } from './sortable-id';

/** At most this many snapshot files per article. */
export const MAX_REVISIONS_PER_ARTICLE = 400;
/** At most this many bytes of snapshots per article. */
export const MAX_REVISION_BYTES_PER_ARTICLE = 128 * 1024 * 1024;
/** A snapshot file larger than this is not read: it was not written by Dateline. */
export const MAX_REVISION_FILE_BYTES = 32 * 1024 * 1024;
/** Named versions per article: "Name this version" says so when they are all taken. */
export const MAX_NAMED_VERSIONS = 100;

const REVISION_ID = /^[0-9a-z]{22}$/;
const SUFFIX = '.json';

const revisionInfoSchema = z.object({
  id: z.string().regex(REVISION_ID),
  at: z.string(),
  reason: revisionReasonSchema,
  who: z.string(),
  revision: z.number().int().nonnegative(),
  headline: z.string(),
  name: z.string().optional(),
});
const revisionFileSchema = z.object({ info: revisionInfoSchema, article: editorArticleSchema });
export type RevisionFile = z.infer<typeof revisionFileSchema>;

/** What prune() knows of each snapshot file, by path; share one per library so files are read once. */
export type RevisionInfoCache = Map<string, Pick<RevisionInfo, 'at' | 'reason'>>;

export interface RevisionStoreOptions {
  now?: () => number;
  infoCache?: RevisionInfoCache;
  maxFiles?: number;
  maxBytes?: number;
}

interface OnDisk {
  id: string;
  name: string;
  bytes: number;
}

type ReadResult = JsonFileResult<RevisionFile>;

const isThinned = (reason: RevisionReason): boolean => THINNED_REVISION_REASONS.includes(reason);

export class RevisionStore {
  private readonly now: () => number;
  private readonly maxFiles: number;
  private readonly maxBytes: number;
  private readonly infoCache: RevisionInfoCache;

  constructor(
    private readonly articleDir: string,
    options: RevisionStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.maxFiles = options.maxFiles ?? MAX_REVISIONS_PER_ARTICLE;
    this.maxBytes = options.maxBytes ?? MAX_REVISION_BYTES_PER_ARTICLE;
    this.infoCache = options.infoCache ?? new Map();
  }

  private get dir(): string {
    return join(this.articleDir, 'revisions');
  }

  async snapshot(article: Article, reason: RevisionReason, who: string, name?: string): Promise<RevisionInfo> {
    const now = this.now();
    if (reason === 'named') {
      let named = 0;
      for (const file of await this.files()) if ((await this.infoOf(file.name))?.reason === 'named') named += 1;
      if (named >= MAX_NAMED_VERSIONS) {
        throw new AppError('invalid-input', `This article already has ${MAX_NAMED_VERSIONS} named versions; restore or compare them, but no more can be named`, {
          kind: 'named-versions-full',
          limit: MAX_NAMED_VERSIONS,
        });
      }
    }
    const info: RevisionInfo = {
      id: sortableId(),
      at: new Date(now).toISOString(),
      reason,
      who,
      revision: article.revision,
      headline: article.headline,
      ...(name === undefined ? {} : { name }),
    };
    await mkdir(this.dir, { recursive: true }).catch((error: unknown) => {
      throw fsAppError(error, this.dir, 'create');
    });
    await atomicWriteFile(join(this.dir, info.id + SUFFIX), JSON.stringify({ info, article }, null, 2));
    await this.prune(info.id);
    return info;
  }

  /** Newest first; files that do not read are listed apart, with why. */
  async list(): Promise<RevisionList> {
    const out: RevisionList = { versions: [], unreadable: [] };
    for (const file of await this.files()) {
      const read = await this.read(file.name);
      if (read.kind === 'ok') out.versions.push(read.value.info);
      else if (read.kind === 'unreadable') out.unreadable.push({ id: file.id, reason: read.reason });
    }
    return out;
  }

  async get(revisionId: string): Promise<RevisionFile> {
    const missing = (): AppError => new AppError('not-found', `There is no revision "${revisionId}"`, { kind: 'revision-missing' });
    if (!REVISION_ID.test(revisionId)) throw missing();
    const read = await this.read(revisionId + SUFFIX);
    if (read.kind === 'ok') return read.value;
    if (read.kind === 'unreadable') throw new AppError('corrupt-file', `The revision ${join(this.dir, revisionId + SUFFIX)} cannot be read: ${read.reason}`, { kind: 'revision-file' });
    throw missing();
  }

  /** What the newest readable snapshot says of itself, or null when there is none. */
  async newestInfo(): Promise<RevisionInfo | null> {
    return (await this.newestReadable())?.info ?? null;
  }

  /** The newest snapshot that still reads and validates, for recovering a broken article.json. */
  async newestReadable(): Promise<RevisionFile | null> {
    for (const file of await this.files()) {
      const read = await this.read(file.name);
      if (read.kind === 'ok') return read.value;
    }
    return null;
  }

  /** Reads one snapshot file: only a regular file of bounded size that parses and fits the schema. */
  private async read(name: string): Promise<ReadResult> {
    const path = join(this.dir, name);
    try {
      const info = await lstat(path);
      if (!info.isFile()) return { kind: 'unreadable', reason: 'it is not a plain file' };
      if (info.size > MAX_REVISION_FILE_BYTES) return { kind: 'unreadable', reason: `it is ${info.size} bytes, larger than a version can be` };
      if (info.size === 0) return { kind: 'unreadable', reason: 'the file is empty' };
      return parseJsonText(await readFile(path, 'utf8'), revisionFileSchema);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return { kind: 'missing' };
      throw fsAppError(error, path, 'read');
    }
  }

  /** Snapshot files, newest first; also sweeps temp files a crash left behind. */
  private async files(): Promise<OnDisk[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return [];
      throw fsAppError(error, this.dir, 'read');
    }
    const files: OnDisk[] = [];
    for (const name of names) {
      if (TEMP_FILE_PATTERN.test(name)) {
        await unlink(join(this.dir, name)).catch(() => undefined);
        continue;
      }
      const id = name.slice(0, -SUFFIX.length);
      if (!name.endsWith(SUFFIX) || !REVISION_ID.test(id)) continue;
      const bytes = await lstat(join(this.dir, name)).then(
        (s) => s.size,
        () => 0,
      );
      files.push({ id, name, bytes });
    }
    return files.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  /**
   * Thins automatic snapshots, then makes room under the caps. A file is deleted only once it has
   * been read and its reason allows it: an unreadable or hand-made file is never deleted here, and
   * does not count against the caps.
   */
  private async prune(justWritten: string): Promise<void> {
    const files: (OnDisk & { at: string; reason: RevisionReason })[] = [];
    for (const file of await this.files()) {
      const info = await this.infoOf(file.name);
      if (info) files.push({ ...file, at: info.at, reason: info.reason });
    }
    const doomed = new Set(versionsToThin(files.map((f) => ({ id: f.id, at: f.at, kept: !isThinned(f.reason) })), this.now()));
    const deleted = new Set<string>();
    const remove = async (file: OnDisk, allowed: (reason: RevisionReason) => boolean): Promise<void> => {
      if (file.id === justWritten) return;
      // Read again just before deleting: the file on disk, not the cache, decides.
      const read = await this.read(file.name);
      if (read.kind !== 'ok' || !allowed(read.value.info.reason)) return;
      await unlink(join(this.dir, file.name)).catch(() => undefined);
      this.infoCache.delete(join(this.dir, file.name));
      deleted.add(file.id);
    };
    for (const file of files) if (doomed.has(file.id)) await remove(file, isThinned);
    const over = (): boolean => {
      const left = files.filter((f) => !deleted.has(f.id));
      return left.length > this.maxFiles || left.reduce((sum, f) => sum + f.bytes, 0) > this.maxBytes;
    };
    const oldestFirst = [...files].reverse();
    for (const pass of [isThinned, (reason: RevisionReason) => reason !== 'named']) {
      for (const file of oldestFirst) {
        if (!over()) return;
        if (!deleted.has(file.id)) await remove(file, pass);
      }
    }
  }

  /** When a snapshot was taken and why; snapshot files are never rewritten, so this is read once per process. */
  private async infoOf(name: string): Promise<Pick<RevisionInfo, 'at' | 'reason'> | null> {
    const path = join(this.dir, name);
    const cached = this.infoCache.get(path);
    if (cached) return cached;
    const read = await this.read(name);
    if (read.kind !== 'ok') return null;
    const info = { at: read.value.info.at, reason: read.value.info.reason };
    this.infoCache.set(path, info);
    return info;
  }
}
