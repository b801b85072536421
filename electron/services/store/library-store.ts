// Runs in: services. The article library on disk: one folder per article with its current version,
// revision snapshots and trash marker; unreadable files are set aside, never fatal.
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import {
  articleIdSchema,
  articleLanguageSchema,
  articleSchema,
  newArticle,
  summarize,
  type Article,
  type ArticleSummary,
} from '../../../common/article';
import { AppError } from '../../../common/app-error';
import { editorArticleSchema } from '../../../common/editor/editor-schema';
import type { LibraryProblem, RevisionInfo, RevisionList, RevisionReason } from '../../../common/contract';
import { diffArticles, type ArticleDiff } from '../../../common/workflow/article-diff';
import { atomicWriteFile, TEMP_FILE_PATTERN } from './atomic-write';
import { errnoCode, fsAppError } from './fs-app-error';
import { folderMatches } from './folder-matches';
import { KeyedQueue } from './keyed-queue';
import { LibraryEntries } from './library-entries';
import { LibraryFolderReader, type LibraryFolderReaderOptions } from './library-folder-reader';
import { openLibraryIndex, writeLibraryIndex, type IndexEntry, type LibraryIndexReader } from './library-index-cache';
import { scanLibrary, type ScanBatch, type ScanBatchSizes } from './library-scan';
import { readJsonFile } from './read-json-file';
import { RevisionStore, type RevisionInfoCache } from './revision-store';
import { sortableId } from './sortable-id';
import { MAX_TRASH_MARKER_BYTES, trashMarkerSchema } from './trash-marker';

export type LibraryChange = { kind: 'upsert'; article: Article } | { kind: 'remove'; id: string };

export interface LibraryStoreOptions {
  /** Called after every change made through the store (e.g. to update the search index). */
  onChange?: (change: LibraryChange) => void;
  /** How long library-index.json writes are coalesced; it is only a cache. */
  indexWriteDelayMs?: number;
  /** The clock snapshots are dated and thinned by (tests move it). */
  now?: () => number;
  /**
   * What the start's background scan found since its last report: articles read or corrected,
   * and cached ones gone; with how far it is. Changes made through the store go to onChange.
   */
  onScan?: (batch: ScanBatch) => void;
  /** Awaited before the scan re-reads an article folder (tests hold it to see the list answer first). */
  beforeScanRead?: (id: string) => Promise<void>;
  /** Awaited before each slice of the cache after the first is parsed (tests hold it). */
  beforeCacheSlice?: () => Promise<void>;
  /**
   * From how many folders to re-read the scan has a worker thread read them, after the first screen
   * of rows, which it reads itself while the worker starts; below it, starting the worker costs more
   * than it saves. @default 256
   */
  readInWorkerFrom?: number;
  /**
   * From how many folders the scan has the worker check their stats against the cached entries;
   * below it, a start's check is quicker here than starting the worker. @default 4096
   */
  checkInWorkerFrom?: number;
  /** The read worker's options (tests give it other code, or a short deadline). */
  folderReader?: LibraryFolderReaderOptions;
  /** Past how many milliseconds a folder the worker's reading counts as slow storage (tests set it). @default 2 */
  slowFolderMs?: number;
  /** How many folders the scan reads at a time (tests make them small, to see the worker take its part). */
  scanBatches?: ScanBatchSizes;
}

/** Saves keep an automatic snapshot once someone has been editing this long without one. */
export const AUTO_SNAPSHOT_AFTER_MS = 3 * 60 * 1000;

export interface SaveOptions {
  /** Explicit saves (Ctrl/Cmd+S) also write a revision snapshot. */
  explicit?: boolean;
  /** Recorded on the snapshot. */
  who?: string;
  /** Keep the stored status whatever the incoming article says: only workflow actions change it. */
  keepStatus?: boolean;
}

/** What open() found: how many articles, how many had to be re-read (not in the cache), problems so far. */
export interface OpenReport {
  articles: number;
  reread: number;
  problems: number;
  /** How many folders the read worker checked against their cached entries. */
  checkedInWorker: number;
  /** Of those re-read, how many the read worker read. */
  readInWorker: number;
  /** Why the scan stopped using the read worker before it was done (the store did the rest itself), or null. */
  workerStopped: string | null;
}

/** What start() served at once: the cached summaries of `listed` of the `folders` found. */
export interface StartReport {
  listed: number;
  folders: number;
}

const INDEX_FILE = 'library-index.json';
const INDEX_QUEUE_KEY = '\0library-index';
/** Cached summaries served before start() returns: a first screen of rows, and some. */
const FIRST_CACHE_SLICE = 200;
/** Cached summaries parsed per turn of the event loop after that. */
const CACHE_SLICE = 5_000;
/** Read by the worker slower than this a folder (local disks take about 0.06 ms), the scan reads on in this thread... */
const SLOW_FOLDER_MS = 2;
/** ...judged once it has read this many. */
const SLOW_FOLDER_SAMPLE = 256;
/** How much older than the start a temp file must be to count as a crash leftover. */
const START_CLOCK_MARGIN_MS = 1_000;

export class LibraryStore {
  private readonly entries = new LibraryEntries();
  private scan: Promise<OpenReport> | null = null;
  /** While the start's scan runs, a cached entry may not match its files yet. */
  private scanning = false;
  /** The scan's read worker, while it runs one; and what it read that the scan has not taken in yet. */
  private folderReader: LibraryFolderReader | null = null;
  private readonly readAhead = new Map<string, IndexEntry>();
  private readInWorker = 0;
  private checkedInWorker = 0;
  private workerStopped: string | null = null;
  /** Set when the worker reads too slowly to go on reading ahead: why. */
  private readAheadStopped: string | null = null;
  private readonly readAheadPace = { folders: 0, ms: 0 };
  private closing = false;
  private readonly found: LibraryProblem[] = [];
  private readonly queue = new KeyedQueue();
  private indexTimer: NodeJS.Timeout | null = null;
  private indexDirty = false;
  /** Per article: when the first save since its last snapshot happened. */
  private readonly editingSince = new Map<string, number>();
  private readonly revisionInfo: RevisionInfoCache = new Map();
  /** When start() ran (wall clock, as file mtimes are): temp files older than this are crash leftovers. */
  private startedAtMs = 0;
  /** Ids forgotten (purged, set aside) while the cache is still being loaded: their cached entries must not come back. */
  private forgottenDuringLoad: Set<string> | null = null;

  constructor(
    readonly root: string,
    private readonly options: LibraryStoreOptions = {},
  ) {}

  /** Starts the library and waits for the whole scan: every summary checked against its files. */
  async open(): Promise<OpenReport> {
    await this.start();
    return this.scanned();
  }

  /**
   * Serves the cached summaries at once (those whose folder is still there) and scans the rest in
   * the background: stats checked, changed and uncached articles re-read, newest id first. The
   * list is usable meanwhile; `scanned()` resolves when the scan is done.
   */
  async start(): Promise<StartReport> {
    if (this.scan) throw new Error('LibraryStore.start: already started');
    const articlesDir = join(this.root, 'articles');
    await mkdir(articlesDir, { recursive: true }).catch((error: unknown) => {
      throw fsAppError(error, articlesDir, 'create');
    });
    // File times come from a coarser clock than Date.now(): a margin keeps a file made just now "fresh".
    this.startedAtMs = Date.now() - START_CLOCK_MARGIN_MS;
    await sweepTempFiles(this.root);
    const [cache, dirents] = await Promise.all([
      openLibraryIndex(join(this.root, INDEX_FILE)),
      readdir(articlesDir, { withFileTypes: true }).catch((error: unknown) => {
        throw fsAppError(error, articlesDir, 'read');
      }),
    ]);
    const ids: string[] = [];
    for (const dirent of dirents) {
      if (dirent.name.startsWith('.purge-')) await rm(join(articlesDir, dirent.name), { recursive: true, force: true }).catch(() => undefined);
      else if (dirent.isDirectory() && articleIdSchema.safeParse(dirent.name).success) ids.push(dirent.name);
    }
    // The first screen now, in the cache's own order (list order when this store wrote it, so the
    // first list need not sort); the rest of the cache in the background, a slice at a time.
    const present = new Set(ids);
    this.forgottenDuringLoad = new Set();
    const first = cache.next(FIRST_CACHE_SLICE).filter(([id]) => present.has(id));
    this.entries.load(first);
    this.scanning = true;
    this.scan = this.runScan(ids, present, cache, first.length).finally(() => (this.scanning = false));
    return { listed: first.length, folders: ids.length };
  }

  /** Loads the rest of the cache, yielding between slices; reports progress. Returns how many entries it held for present folders. */
  private async loadCache(present: ReadonlySet<string>, cache: LibraryIndexReader, loaded: number): Promise<number> {
    // Not stopped by close(): parsing is bounded work, and a half-read cache must not be written back.
    // Only its head was read before the first screen: the rest now, in the background.
    await cache.readRest();
    while (cache.more()) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      await this.options.beforeCacheSlice?.();
      const slice = cache.next(CACHE_SLICE);
      const forgotten = this.forgottenDuringLoad;
      const listed = slice.filter(([id]) => present.has(id) && !forgotten?.has(id));
      this.entries.load(listed);
      loaded += listed.length;
      this.options.onScan?.({ updated: [], removed: [], done: loaded, total: present.size });
    }
    this.forgottenDuringLoad = null;
    return loaded;
  }

  /** Resolves when the start's background scan is done. */
  scanned(): Promise<OpenReport> {
    if (!this.scan) throw new Error('LibraryStore.scanned: not started');
    return this.scan;
  }

  private async runScan(ids: readonly string[], present: ReadonlySet<string>, cache: LibraryIndexReader, firstLoaded: number): Promise<OpenReport> {
    const loaded = await this.loadCache(present, cache, firstLoaded);
    const cacheHadOthers = cache.outdated || loaded !== cache.size;
    const outcome = await scanLibrary(
      ids,
      {
        changedAmong: (folders) => this.changedAmong(folders),
        // A fast path, synchronous on purpose (4x faster than async stat for 10,000 folders).
        isUnchanged: (id) => {
          const entry = this.entries.get(id);
          return entry !== undefined && this.isUnchanged(id, entry);
        },
        readAhead: (batch, stale) => this.readFoldersAhead(batch, stale),
        reread: (id) => this.queue.run(id, () => this.reread(id)),
        stopping: () => this.closing,
      },
      (batch) => this.options.onScan?.(batch),
      this.options.scanBatches,
    ).finally(() => this.stopFolderReader());
    if (outcome.reread > 0 || outcome.removed > 0 || cacheHadOthers) {
      this.indexDirty = true;
      await this.flushIndex();
    }
    return { articles: this.entries.size, reread: outcome.reread, problems: this.found.length, checkedInWorker: this.checkedInWorker, readInWorker: this.readInWorker, workerStopped: this.workerStopped };
  }

  /** Has the read worker check the folders' stats against their entries, when there are enough of them to be worth it. */
  private async changedAmong(ids: readonly string[]): Promise<ReadonlySet<string> | null> {
    if (this.closing) return null;
    const cached: string[] = [];
    const stats = new Float64Array(ids.length * 3);
    const changed = new Set<string>();
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (!entry) {
        changed.add(id);
        continue;
      }
      stats.set([entry.dirMtimeMs, entry.mtimeMs, entry.size], cached.length * 3);
      cached.push(id);
    }
    if (cached.length === 0) return changed;
    if (cached.length < (this.options.checkInWorkerFrom ?? 4096)) return null;
    this.folderReader ??= new LibraryFolderReader(this.root, this.options.folderReader);
    const found = await this.folderReader.changed(cached, stats.subarray(0, cached.length * 3));
    if (!found) return null;
    this.checkedInWorker += cached.length;
    for (const id of found) changed.add(id);
    return changed;
  }

  /** Has the read worker read a batch of folders, when the scan re-reads enough of them to be worth it. */
  private async readFoldersAhead(batch: readonly string[], stale: number): Promise<void> {
    if (stale < (this.options.readInWorkerFrom ?? 256) || this.closing || this.readAheadStopped) return;
    this.folderReader ??= new LibraryFolderReader(this.root, this.options.folderReader);
    const { entries, msPerFolder } = await this.folderReader.read(batch);
    for (const [id, entry] of entries) this.readAhead.set(id, entry);
    this.readAheadPace.folders += batch.length;
    this.readAheadPace.ms += msPerFolder * batch.length;
    // Storage this slow (a network share, files a sync tool downloads on read) is better read here,
    // many folders at once, than one after another in the worker. Judged over enough folders that
    // the worker's start (its first parse compiles the schema) does not count.
    const pace = this.readAheadPace.ms / this.readAheadPace.folders;
    if (this.readAheadPace.folders >= SLOW_FOLDER_SAMPLE && pace > (this.options.slowFolderMs ?? SLOW_FOLDER_MS) && !this.readAheadStopped) {
      this.readAheadStopped = `the disk answered slowly (${pace.toFixed(1)} ms a folder), so the rest was read in this thread, many at a time`;
    }
  }

  private async stopFolderReader(): Promise<void> {
    this.readAhead.clear();
    const reader = this.folderReader;
    this.folderReader = null;
    this.workerStopped ??= this.readAheadStopped ?? reader?.failed ?? null;
    await reader?.close();
  }

  /** One folder the scan found changed or uncached; the caller holds its queue, so no save is lost. */
  private async reread(id: string): Promise<'updated' | 'removed' | 'same'> {
    const ahead = this.readAhead.get(id);
    this.readAhead.delete(id);
    const current = this.entries.get(id);
    // A save, trash or purge since the scan looked already left the entry right.
    if (current && this.isUnchanged(id, current)) return 'same';
    await this.options.beforeScanRead?.(id);
    // Read by the worker, and the folder still as it was then: the plain case, taken as read.
    if (ahead && this.isUnchanged(id, ahead)) {
      this.entries.set(id, ahead);
      this.readInWorker++;
      return 'updated';
    }
    const had = this.entries.has(id);
    const entry = await this.scanArticle(id);
    if (entry === 'unreadable') return 'same';
    if (entry !== 'gone') {
      this.entries.set(id, entry);
      return 'updated';
    }
    // Set aside as a problem, the entry is already forgotten.
    this.entries.delete(id);
    return had ? 'removed' : 'same';
  }

  /** How many articles are listed (trashed ones included). */
  get count(): number {
    return this.entries.size;
  }

  /** All summaries, trashed ones included (they carry trashedAt), newest change first. */
  list(): ArticleSummary[] {
    return this.entries.list();
  }

  /** Files set aside since this store was opened. */
  problems(): LibraryProblem[] {
    return [...this.found];
  }

  async create(language = 'en'): Promise<Article> {
    const lang = articleLanguageSchema.safeParse(language);
    if (!lang.success) throw new AppError('invalid-input', `"${language}" is not a language tag Dateline understands (e.g. en or zh-CN)`, { kind: 'language-unknown', language });
    const article = newArticle(sortableId(), new Date().toISOString(), lang.data);
    return this.queue.run(article.id, async () => {
      await this.writeCurrent(article, null);
      return article;
    });
  }

  async get(id: string): Promise<Article> {
    checkId(id);
    return this.queue.run(id, () => this.loadCurrent(id));
  }

  /** Saves a newer version; `article.revision` must be the revision it was loaded or last saved as. */
  async save(article: Article, options: SaveOptions = {}): Promise<{ revision: number; updatedAt: string; snapshot: RevisionInfo | null }> {
    const parsed = editorArticleSchema.safeParse(article);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError('invalid-input', `The article cannot be saved: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(), {
        kind: 'article-invalid',
        issues: parsed.error.issues.length,
      });
    }
    const incoming = parsed.data;
    checkId(incoming.id);
    return this.queue.run(incoming.id, async () => {
      const stored = await this.loadCurrent(incoming.id);
      if (incoming.revision !== stored.revision) {
        throw new AppError(
          'conflict',
          `"${stored.headline || incoming.id}" was saved elsewhere (revision ${stored.revision}) after you opened revision ${incoming.revision}; reload it before saving`,
          { kind: 'article-saved-elsewhere', headline: stored.headline || incoming.id, revision: stored.revision, openedRevision: incoming.revision },
        );
      }
      const next: Article = {
        ...incoming,
        status: options.keepStatus ? stored.status : incoming.status,
        createdAt: stored.createdAt,
        revision: stored.revision + 1,
        updatedAt: new Date().toISOString(),
      };
      const trashedAt = this.trashedAt(incoming.id);
      await this.writeCurrent(next, trashedAt);
      const now = this.now();
      const since = this.editingSince.get(incoming.id) ?? now;
      const reason: RevisionReason | null = options.explicit ? 'explicit-save' : now - since >= AUTO_SNAPSHOT_AFTER_MS ? 'autosave' : null;
      let snapshot: RevisionInfo | null = null;
      if (reason) {
        snapshot = await this.snapshotLocked(next, reason, options.who ?? '');
        // The first snapshot creates revisions/, which changes the folder's mtime the cache keys on.
        this.remember(next, trashedAt);
      } else {
        this.editingSince.set(incoming.id, since);
      }
      return { revision: next.revision, updatedAt: next.updatedAt, snapshot };
    });
  }

  /** Records a workflow status; the revision stays, so an editor's open copy can still save. */
  async setStatus(id: string, status: Article['status']): Promise<Article> {
    checkId(id);
    return this.queue.run(id, async () => {
      const stored = await this.loadCurrent(id);
      if (stored.status === status) return stored;
      const next: Article = { ...stored, status, updatedAt: new Date().toISOString() };
      await this.writeCurrent(next, this.trashedAt(id));
      return next;
    });
  }

  /**
   * Makes `article` (a version from a review hub) the current version. A local version is first
   * kept as a 'before-import' revision, so nothing written here is lost; a trashed one is restored.
   */
  async importVersion(article: Article, options: { who?: string } = {}): Promise<Article> {
    const checked = editorArticleSchema.safeParse(article);
    if (!checked.success) throw new AppError('corrupt-file', `The article received cannot be imported: ${checked.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`, { kind: 'hub-article-invalid', issues: checked.error.issues.length });
    const incoming = checked.data;
    checkId(incoming.id);
    return this.queue.run(incoming.id, async () => {
      const known = this.entries.has(incoming.id) || (await pathExists(join(this.articleDir(incoming.id), 'article.json')));
      const stored = known ? await this.loadCurrent(incoming.id).catch(() => null) : null;
      if (stored) await this.snapshotLocked(stored, 'before-import', options.who ?? '');
      const next: Article = stored
        ? { ...incoming, createdAt: stored.createdAt, revision: stored.revision + 1, updatedAt: new Date().toISOString() }
        : incoming;
      if (stored && this.trashedAt(incoming.id)) {
        await unlink(join(this.articleDir(incoming.id), 'trashed.json')).catch(() => undefined);
      }
      await this.writeCurrent(next, null);
      return next;
    });
  }

  /** A new draft with the same content; the UI may add "(copy)" to the headline. */
  async duplicate(id: string): Promise<Article> {
    const source = await this.get(id);
    const now = new Date().toISOString();
    const copy: Article = {
      ...structuredClone(source),
      id: sortableId(),
      status: 'draft',
      createdAt: now,
      updatedAt: now,
      revision: 0,
    };
    copy.meta.slugEdited = false;
    return this.queue.run(copy.id, async () => {
      await this.writeCurrent(copy, null);
      return copy;
    });
  }

  async trash(id: string, options: { who?: string } = {}): Promise<{ id: string }> {
    checkId(id);
    return this.queue.run(id, async () => {
      const current = await this.loadCurrent(id);
      if (this.trashedAt(id)) return { id };
      await this.snapshotLocked(current, 'before-trash', options.who ?? '');
      const trashedAt = new Date().toISOString();
      await atomicWriteFile(join(this.articleDir(id), 'trashed.json'), JSON.stringify({ trashedAt }, null, 2));
      this.remember(current, trashedAt);
      return { id };
    });
  }

  async restore(id: string): Promise<{ id: string }> {
    checkId(id);
    return this.queue.run(id, async () => {
      const current = await this.loadCurrent(id);
      const marker = join(this.articleDir(id), 'trashed.json');
      await unlink(marker).catch((error: unknown) => {
        if (errnoCode(error) !== 'ENOENT') throw fsAppError(error, marker, 'remove');
      });
      this.remember(current, null);
      return { id };
    });
  }

  /** Deletes a trashed article and its revisions for good. */
  async purge(id: string): Promise<{ id: string }> {
    checkId(id);
    return this.queue.run(id, async () => {
      const current = await this.loadCurrent(id);
      if (!this.trashedAt(id)) {
        throw new AppError('invalid-input', `"${current.headline || id}" is not in the trash; move it to the trash before deleting it for good`, {
          kind: 'not-in-trash',
          headline: current.headline || id,
        });
      }
      // Rename first so a crash mid-delete never leaves half an article in the library.
      const doomed = join(this.root, 'articles', `.purge-${id}-${randomBytes(4).toString('hex')}`);
      await rename(this.articleDir(id), doomed).catch((error: unknown) => {
        throw fsAppError(error, this.articleDir(id), 'delete');
      });
      await rm(doomed, { recursive: true, force: true }).catch(() => undefined);
      this.forget(id);
      return { id };
    });
  }

  /**
   * Keeps the saved article as a version now: before a workflow action or a publish, or named by
   * its author. Named and pre-action versions are never thinned. Before an action, a version of
   * the same revision kept for the same reason is not kept twice (a refused publish tried again).
   */
  async snapshotNow(id: string, reason: RevisionReason, options: { who?: string; name?: string } = {}): Promise<RevisionInfo> {
    checkId(id);
    return this.queue.run(id, async () => {
      const current = await this.loadCurrent(id);
      if (reason === 'before-publish' || reason === 'before-workflow') {
        const newest = await this.revisions(id).newestInfo();
        if (newest && newest.reason === reason && newest.revision === current.revision) return newest;
      }
      const info = await this.snapshotLocked(current, reason, options.who ?? '', options.name);
      this.remember(current, this.trashedAt(id));
      return info;
    });
  }

  /** The difference between two versions of an article; 'current' is the saved article. */
  async compareRevisions(id: string, from: string, to: string): Promise<ArticleDiff> {
    checkId(id);
    const version = async (which: string): Promise<Article> => (which === 'current' ? this.get(id) : this.getRevision(id, which));
    return diffArticles(await version(from), await version(to));
  }

  async listRevisions(id: string): Promise<RevisionList> {
    checkId(id);
    return this.queue.run(id, async () => {
      await this.loadCurrent(id);
      return this.revisions(id).list();
    });
  }

  async getRevision(id: string, revisionId: string): Promise<Article> {
    checkId(id);
    const file = await this.revisions(id).get(revisionId);
    return { ...file.article, id };
  }

  /** Snapshots the current version ('before-restore'), then makes the old content current as a new revision. */
  async restoreRevision(id: string, revisionId: string, options: { who?: string } = {}): Promise<Article> {
    checkId(id);
    return this.queue.run(id, async () => {
      const current = await this.loadCurrent(id);
      const old = await this.revisions(id).get(revisionId);
      await this.snapshotLocked(current, 'before-restore', options.who ?? '');
      const restored: Article = {
        ...old.article,
        id,
        // The workflow status is not content: restoring old text never un-spikes or un-publishes.
        status: current.status,
        createdAt: current.createdAt,
        revision: current.revision + 1,
        updatedAt: new Date().toISOString(),
      };
      await this.writeCurrent(restored, this.trashedAt(id));
      return restored;
    });
  }

  /** Waits for pending writes and writes the summaries cache. */
  async close(): Promise<void> {
    this.closing = true;
    // A batch the worker is reading is not waited for: the folders not taken in are left for the next start.
    await this.stopFolderReader();
    await this.scan?.catch(() => undefined);
    await this.queue.idle();
    await this.flushIndex();
  }

  async flushIndex(): Promise<void> {
    if (this.indexTimer) clearTimeout(this.indexTimer);
    this.indexTimer = null;
    if (!this.indexDirty) return;
    this.indexDirty = false;
    const snapshot = new Map(this.entries.inListOrder());
    await this.queue.run(INDEX_QUEUE_KEY, () => writeLibraryIndex(join(this.root, INDEX_FILE), snapshot)).catch(() => {
      // The index is only a cache; the next open rebuilds what it lacks.
      this.indexDirty = true;
    });
  }

  private articleDir(id: string): string {
    return join(this.root, 'articles', id);
  }

  private revisions(id: string): RevisionStore {
    return new RevisionStore(this.articleDir(id), { now: this.now, infoCache: this.revisionInfo });
  }

  /** Writes a snapshot; the caller holds the article's queue. Editing starts afresh after it. */
  private async snapshotLocked(article: Article, reason: RevisionReason, who: string, name?: string): Promise<RevisionInfo> {
    const info = await this.revisions(article.id).snapshot(article, reason, who, name);
    this.editingSince.delete(article.id);
    return info;
  }

  private readonly now = (): number => (this.options.now ?? Date.now)();

  private trashedAt(id: string): string | null {
    return this.entries.get(id)?.summary.trashedAt ?? null;
  }

  /** No entry yet, or (while the scan has not reached it) a cached one its files no longer match. */
  private needsEntry(id: string): boolean {
    const entry = this.entries.get(id);
    return !entry || (this.scanning && !this.isUnchanged(id, entry));
  }

  private isUnchanged(id: string, entry: IndexEntry): boolean {
    return folderMatches(this.articleDir(id), entry);
  }

  /**
   * One changed article folder at open: sweep crash leftovers, read it, recover it if needed.
   * 'gone' when the folder or article.json is really gone or was set aside; 'unreadable' when it
   * could not be read just now (EBUSY, EACCES, EMFILE from a sync tool or antivirus): keep what is cached.
   */
  private async scanArticle(id: string): Promise<IndexEntry | 'gone' | 'unreadable'> {
    const dir = this.articleDir(id);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      return isGone(error) ? 'gone' : 'unreadable';
    }
    for (const name of names) {
      if (TEMP_FILE_PATTERN.test(name)) await this.sweepLeftover(join(dir, name));
    }
    if (!names.includes('article.json') && !names.includes('revisions')) {
      // A create that crashed before its first write: nothing to keep.
      await rmdir(dir).catch(() => undefined);
      return 'gone';
    }
    try {
      const article = await this.loadCurrent(id, false);
      // The listing says whether it is trashed: the scan holds the article's queue, so no trash or
      // restore can come between (each trip to the thread pool counts at 100k articles).
      const trashedAt = names.includes('trashed.json') ? await this.readTrashedAt(id) : null;
      return this.entryFor(article, trashedAt);
    } catch (error) {
      // Missing (not-found) or set aside (corrupt-file, already forgotten) is gone; anything else may pass.
      if (error instanceof AppError && (error.code === 'not-found' || error.code === 'corrupt-file')) return 'gone';
      return isGone(error) ? 'gone' : 'unreadable';
    }
  }

  /**
   * The scan runs while other stores (reviews, publications) write into the same folder through
   * temp files: only one older than this store's start is a crash's leftover and may go.
   */
  private async sweepLeftover(path: string): Promise<void> {
    const info = await stat(path).catch(() => null);
    if (info && info.mtimeMs < this.startedAtMs) await unlink(path).catch(() => undefined);
  }

  private async readTrashedAt(id: string): Promise<string> {
    const path = join(this.articleDir(id), 'trashed.json');
    const marker = await readJsonFile(path, trashMarkerSchema, MAX_TRASH_MARKER_BYTES).catch(() => null);
    if (marker?.kind === 'ok') return marker.value.trashedAt;
    const info = await stat(path).catch(() => null);
    return (info?.mtime ?? new Date()).toISOString();
  }

  /** Reads article.json; an unreadable one is set aside and, when possible, recovered from its newest snapshot. */
  private async loadCurrent(id: string, track = true): Promise<Article> {
    const path = join(this.articleDir(id), 'article.json');
    const file = await readJsonFile(path, articleSchema);
    if (file.kind === 'ok') {
      const article = file.value.id === id ? file.value : { ...file.value, id };
      if (track && this.needsEntry(id)) this.remember(article, (await pathExists(join(this.articleDir(id), 'trashed.json'))) ? await this.readTrashedAt(id) : null);
      return article;
    }
    if (file.kind === 'missing') {
      if (await pathExists(join(this.articleDir(id), 'revisions'))) return this.setAside(id, 'article.json is missing');
      if (this.entries.has(id)) this.forget(id);
      throw new AppError('not-found', `There is no article ${id} in the library`, { kind: 'article-missing', id });
    }
    return this.setAside(id, file.reason);
  }

  private async setAside(id: string, reason: string): Promise<Article> {
    const dir = this.articleDir(id);
    const quarantineName = `${new Date().toISOString().replace(/[-:.]/g, '')}-${id}-${randomBytes(2).toString('hex')}`;
    const quarantineDir = join(this.root, 'quarantine', quarantineName);
    await mkdir(join(this.root, 'quarantine'), { recursive: true }).catch((error: unknown) => {
      throw fsAppError(error, join(this.root, 'quarantine'), 'create');
    });
    const snapshot = await this.revisions(id).newestReadable();
    const at = new Date().toISOString();
    if (!snapshot) {
      await rename(dir, quarantineDir).catch((error: unknown) => {
        throw fsAppError(error, dir, 'set aside');
      });
      const message = `The article in ${id} could not be read (${reason}) and has no readable revision to recover; its folder was set aside`;
      this.found.push({ articleFolder: id, setAsideTo: `quarantine/${quarantineName}`, message, at });
      this.forget(id);
      throw new AppError('corrupt-file', message, { kind: 'article-file', setAsideTo: `quarantine/${quarantineName}` });
    }
    await mkdir(quarantineDir, { recursive: true });
    let setAsideTo = `quarantine/${quarantineName}`;
    await rename(join(dir, 'article.json'), join(quarantineDir, 'article.json')).then(
      () => {
        setAsideTo = `quarantine/${quarantineName}/article.json`;
      },
      (error: unknown) => {
        if (errnoCode(error) !== 'ENOENT') throw fsAppError(error, join(dir, 'article.json'), 'set aside');
      },
    );
    const recovered: Article = { ...snapshot.article, id };
    const trashed = await pathExists(join(dir, 'trashed.json'));
    await this.writeCurrent(recovered, trashed ? await this.readTrashedAt(id) : null);
    const label = recovered.headline ? `"${recovered.headline}"` : id;
    const message = `The current version of ${label} could not be read (${reason}); it was set aside and the revision saved ${snapshot.info.at} (revision ${snapshot.info.revision}) was recovered as the current version`;
    this.found.push({ articleFolder: id, setAsideTo, message, at });
    return recovered;
  }

  private async writeCurrent(article: Article, trashedAt: string | null): Promise<void> {
    const valid = articleSchema.parse(article);
    const dir = this.articleDir(valid.id);
    await mkdir(dir, { recursive: true }).catch((error: unknown) => {
      throw fsAppError(error, dir, 'create');
    });
    await atomicWriteFile(join(dir, 'article.json'), JSON.stringify(valid, null, 2));
    this.remember(valid, trashedAt);
    this.emit({ kind: 'upsert', article: valid });
  }

  /**
   * Synchronous stats, as `isUnchanged` takes them: metadata only (a stat never downloads a synced
   * file's contents), and at 100k articles two trips to the thread pool each would double the scan.
   */
  private entryFor(article: Article, trashedAt: string | null): IndexEntry {
    const dir = this.articleDir(article.id);
    const dirInfo = statSync(dir);
    const info = statSync(join(dir, 'article.json'));
    return { dirMtimeMs: dirInfo.mtimeMs, mtimeMs: info.mtimeMs, size: info.size, revision: article.revision, summary: summarize(article, trashedAt) };
  }

  private remember(article: Article, trashedAt: string | null): void {
    this.entries.set(article.id, this.entryFor(article, trashedAt));
    this.scheduleIndexWrite();
  }

  private forget(id: string): void {
    this.forgottenDuringLoad?.add(id);
    if (this.entries.delete(id)) this.scheduleIndexWrite();
    this.emit({ kind: 'remove', id });
  }

  private emit(change: LibraryChange): void {
    try {
      this.options.onChange?.(change);
    } catch {
      // A listener's failure must not fail the save that already reached the disk.
    }
  }

  private scheduleIndexWrite(): void {
    this.indexDirty = true;
    if (this.indexTimer) return;
    this.indexTimer = setTimeout(() => void this.flushIndex(), this.options.indexWriteDelayMs ?? 2000);
    this.indexTimer.unref();
  }
}

function checkId(id: string): void {
  if (!articleIdSchema.safeParse(id).success) throw new AppError('not-found', `"${id}" is not an article id`, { kind: 'article-missing', id });
}

/** The file or folder is not there (as opposed to there but not readable right now). */
function isGone(error: unknown): boolean {
  const code = errnoCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

async function pathExists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function sweepTempFiles(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (TEMP_FILE_PATTERN.test(name)) await unlink(join(dir, name)).catch(() => undefined);
  }
}
