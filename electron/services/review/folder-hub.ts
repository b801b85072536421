// Runs in: services. The shared-folder review hub: articles travel between a reporter's and an
// editor's machines through a (network) folder, articles/<id>/package.json plus media/<photo>.
//
// Every write is a compare-and-swap on `hubRevision`, never a silent overwrite:
//   1. read the package and check it is still at the caller's base revision;
//   2. copy missing photos, then write the new package to a temp file and fsync it;
//   3. take articles/<id>/package.lock (created with 'wx'), re-read the package, check the revision
//      again, check the lock is still ours, rename the temp file over package.json, release.
// Remaining race: a writer that judged our lock stale (we held it > lockStaleMs, e.g. a frozen
// laptop) and broke it may rename between our last check and our rename. Both checks are only
// microseconds apart on a live machine, and the stale age (30 s) is orders of magnitude longer
// than a check+rename, so this needs a machine stalled for 30 s inside those few calls. Clients
// whose clocks differ by more than the stale age could also misjudge a live lock as stale.
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../../common/app-error';
import { articleIdSchema, articleSchema, type Article } from '../../../common/article';
import { actorSchema } from '../../../common/workflow/newsroom-profile';
import { fsAppError } from '../store/fs-app-error';
import { KeyedQueue } from '../store/keyed-queue';
import { contentHash } from './canonical-json';
import { copyPhotosToHub, importPhotosFromHub, type HubMedia } from './hub-photos';
import { matchesHubListFilter } from './hub-list-filter';
import { acquireLock } from './package-lock';
import { checkHubBase, checkStillInHub } from './hub-base-check';
import {
  hubListFilterSchema,
  REVIEW_PACKAGE_FORMAT,
  REVIEW_PACKAGE_VERSION,
  reviewPackageSchema,
  type HubEntry,
  type HubListFilter,
  type HubListing,
  type HubProblem,
  type HubWriteResult,
  type OpenedPackage,
  type ReviewPackage,
  type SubmitOptions,
  type UpdateOptions,
} from './review-package';
import { stageFile } from '../store/atomic-write';
import type { ReviewHub } from './review-hub';
import { articleTitle, parseHubInput } from './hub-input';
import { consoleLogger } from '../log/logger';
import { guardHubFile, guardHubFolder, MAX_PACKAGE_BYTES } from './hub-file-guard';
import { sharedHubPackageReader, type HubPackageReader } from './hub-package-reader';

export interface FolderHubOptions {
  /** The shared folder; articles/ is created inside it on first submit. */
  root: string;
  media: HubMedia;
  /** A package.lock older than this was left by a crashed app and is broken. @default 30_000 */
  lockStaleMs?: number;
  /** How long a write waits for another machine's lock before answering 'conflict'. @default 10_000 */
  lockMaxWaitMs?: number;
  log?: (message: string) => void;
  now?: () => Date;
  /** Where packages are read and checked, off the services' event loop. @default the shared pool */
  packages?: HubPackageReader;
}

const PACKAGE_FILE = 'package.json';
const LOCK_FILE = 'package.lock';
const MEDIA_DIR = 'media';
const LIST_CONCURRENCY = 16;
/** Where the article is, in conflict messages. */
const HUB = 'the review hub';

/** Everything of a package except what the hub computes on write. */
type PackageDraft = Omit<ReviewPackage, 'format' | 'version' | 'hubRevision' | 'contentHash' | 'updatedAt'>;

export class FolderHub implements ReviewHub {
  readonly kind = 'folder' as const;
  readonly root: string;
  readonly location: string;
  private readonly media: HubMedia;
  private readonly lockStaleMs: number;
  private readonly lockMaxWaitMs: number;
  private readonly log: (message: string) => void;
  private readonly now: () => Date;
  private readonly packages: HubPackageReader;
  // Writes from this machine to one article go one at a time; the lock handles other machines.
  private readonly queue = new KeyedQueue();
  /** Hub photo copies already checked against their hash on this machine (path → size:mtime). */
  private readonly verifiedPhotos = new Map<string, string>();

  constructor(options: FolderHubOptions) {
    this.root = options.root;
    this.location = options.root;
    this.media = options.media;
    this.lockStaleMs = options.lockStaleMs ?? 30_000;
    this.lockMaxWaitMs = options.lockMaxWaitMs ?? 10_000;
    this.log = options.log ?? ((message) => consoleLogger.warn(message));
    this.now = options.now ?? (() => new Date());
    this.packages = options.packages ?? sharedHubPackageReader();
  }

  /** Sends the article (and its photos) to the hub for review: a first submission or a resubmission. */
  async submit(article: Article, options: SubmitOptions): Promise<HubWriteResult> {
    const incoming = validArticle(article);
    const by = valid(actorSchema, options.by, 'the sender');
    const to = valid(reviewPackageSchema.shape.submittedTo, options.to, 'the recipient (the desk or an editor)');
    const history = valid(reviewPackageSchema.shape.history, options.history, 'the workflow history');
    const comments = valid(reviewPackageSchema.shape.comments, options.comments, 'the comments');
    return this.write(incoming.id, options.baseHubRevision, (current) => {
      checkStillInHub(current, options.baseHubRevision, articleTitle(incoming), HUB);
      const at = this.now().toISOString();
      return {
        article: incoming,
        history,
        comments,
        submittedBy: by,
        submittedTo: to,
        submittedAt: at,
        updatedBy: by,
        previousSubmission: current?.article ?? null,
      };
    });
  }

  /** An editor's or reporter's change to a package already in the hub: comments, history, a new article version. */
  async update(articleId: string, options: UpdateOptions): Promise<HubWriteResult> {
    const id = validId(articleId);
    const article = options.article === undefined ? undefined : validArticle(options.article);
    if (article && article.id !== id) throw new AppError('invalid-input', `The article sent (${article.id}) is not the one being updated (${id})`, { kind: 'hub-article-mismatch' });
    const by = valid(actorSchema, options.by, 'the person updating');
    const history = options.history === undefined ? undefined : valid(reviewPackageSchema.shape.history, options.history, 'the workflow history');
    const comments = options.comments === undefined ? undefined : valid(reviewPackageSchema.shape.comments, options.comments, 'the comments');
    return this.write(id, options.baseHubRevision, (current) => {
      if (current === null) throw new AppError('not-found', `"${article ? articleTitle(article) : id}" is not in the review hub (${this.root}); it may have been removed`, {
          kind: 'hub-article-missing',
          headline: article ? articleTitle(article) : id,
        });
      return {
        submittedBy: current.submittedBy,
        submittedTo: current.submittedTo,
        submittedAt: current.submittedAt,
        article: article ?? current.article,
        history: history ?? current.history,
        comments: comments ?? current.comments,
        updatedBy: by,
        previousSubmission: current.previousSubmission,
      };
    });
  }

  /** The review queue: every readable package, longest waiting first; unreadable ones go to `problems`. */
  async list(filter: HubListFilter = {}): Promise<HubListing> {
    const { to, status } = valid(hubListFilterSchema, filter, 'the review queue filter');
    const ids = await this.articleIds();
    const entries: HubEntry[] = [];
    const problems: HubProblem[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < ids.length) {
        const id = ids[next++] as string;
        const path = this.packagePath(id);
        try {
          await this.guardFolders(id);
          if ((await guardHubFile(path, MAX_PACKAGE_BYTES, `The review package of ${id}`)) === 'missing') continue;
          // Only the queue line comes back from the worker, not the articles.
          const read = await this.packages.run({ kind: 'file', path, maxBytes: MAX_PACKAGE_BYTES, entryOnly: true });
          if (read.kind === 'io-error') throw fsAppError(Object.assign(new Error(read.message), { code: read.errno }), path, 'read');
          // No package yet: a submission is copying its photos; it appears once the package lands.
          if (read.kind === 'missing') continue;
          if (read.kind === 'unreadable') problems.push({ articleId: id, path, message: `The review package of ${id} cannot be read: ${read.reason}` });
          else if (read.kind === 'entry' && read.entry.articleId !== id) problems.push({ articleId: id, path, message: `The review package in ${id} carries another article (${read.entry.articleId}); it was left out` });
          else if (read.kind === 'entry') entries.push(read.entry);
        } catch (error) {
          problems.push({ articleId: id, path, message: error instanceof Error ? error.message : String(error) });
        }
      }
    };
    await Promise.all(Array.from({ length: LIST_CONCURRENCY }, worker));
    const wanted = entries.filter((e) => matchesHubListFilter(e, { to, status }));
    wanted.sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : a.articleId < b.articleId ? -1 : 1));
    problems.sort((a, b) => (a.articleId < b.articleId ? -1 : 1));
    return { entries: wanted, problems };
  }

  /** Reads a package and imports its photos into this machine's library, so the article displays in full. */
  async open(articleId: string): Promise<OpenedPackage> {
    const id = validId(articleId);
    const current = await this.readPackage(id);
    if (current === null) {
      throw new AppError('not-found', `The article ${id} is not in the review hub (${this.root}); it may have been removed`, { kind: 'hub-article-missing', headline: id });
    }
    await this.guardFolders(id);
    await importPhotosFromHub(current.article, this.media, join(this.articleDir(id), MEDIA_DIR), current.updatedBy.name);
    return {
      article: current.article,
      history: current.history,
      comments: current.comments,
      hubRevision: current.hubRevision,
      contentHash: current.contentHash,
      submittedBy: current.submittedBy,
      submittedTo: current.submittedTo,
      submittedAt: current.submittedAt,
      updatedBy: current.updatedBy,
      previousSubmission: current.previousSubmission,
      keepsComments: true,
    };
  }

  async currentRevision(articleId: string): Promise<number | null> {
    return (await this.readPackage(validId(articleId)))?.hubRevision ?? null;
  }

  private async write(
    id: string,
    baseHubRevision: number | null,
    build: (current: ReviewPackage | null) => PackageDraft,
  ): Promise<HubWriteResult> {
    return this.queue.run(id, async () => {
      // An unmounted share must not be re-created as a local folder that nobody else sees.
      await this.checkReachable();
      const dir = this.articleDir(id);
      const mediaDir = join(dir, MEDIA_DIR);
      // Checked before the folders are created (mkdir would follow a link) and again once they exist.
      await this.guardFolders(id);
      await mkdir(mediaDir, { recursive: true }).catch((error: unknown) => {
        throw fsAppError(error, mediaDir, 'create');
      });
      await this.guardFolders(id);
      const current = await this.readPackage(id);
      if (current !== null) checkBase(current, baseHubRevision);
      const draft = build(current);
      const label = `"${articleTitle(draft.article)}"`;
      await copyPhotosToHub(draft.article, this.media, mediaDir, this.verifiedPhotos);
      const updatedAt = this.now().toISOString();
      const next: ReviewPackage = {
        format: REVIEW_PACKAGE_FORMAT,
        version: REVIEW_PACKAGE_VERSION,
        hubRevision: (current?.hubRevision ?? 0) + 1,
        contentHash: contentHash(draft.article),
        article: draft.article,
        history: draft.history,
        comments: draft.comments,
        submittedBy: draft.submittedBy,
        submittedTo: draft.submittedTo,
        submittedAt: draft.submittedAt,
        updatedAt,
        updatedBy: draft.updatedBy,
        previousSubmission: draft.previousSubmission,
      };
      const text = `${JSON.stringify(next, null, 2)}\n`;
      const bytes = Buffer.byteLength(text, 'utf8');
      if (bytes > MAX_PACKAGE_BYTES) {
        throw new AppError(
          'invalid-input',
          `${label} with its history and comments is too large for the review hub (${Math.ceil(bytes / 1_048_576)} MB; at most ${MAX_PACKAGE_BYTES / 1_048_576} MB): resolve and remove old comments, or shorten the article`,
          { kind: 'hub-package-too-large', headline: articleTitle(draft.article), megabytes: Math.ceil(bytes / 1_048_576), maxMegabytes: MAX_PACKAGE_BYTES / 1_048_576 },
        );
      }
      const staged = await stageFile(this.packagePath(id), text);
      try {
        const lock = await acquireLock(join(dir, LOCK_FILE), {
          staleMs: this.lockStaleMs,
          maxWaitMs: this.lockMaxWaitMs,
          label,
          holder: draft.updatedBy.name,
          log: this.log,
        });
        try {
          const latest = await this.readPackage(id);
          if ((latest?.hubRevision ?? null) !== (current?.hubRevision ?? null)) {
            if (latest === null) throw new AppError('conflict', `${label} was removed from the review hub while you were saving it`, {
              kind: 'hub-removed',
              headline: articleTitle(draft.article),
              hubRevision: null,
            });
            checkBase(latest, current?.hubRevision ?? null);
          }
          if (!(await lock.stillHeld())) {
            throw new AppError('conflict', `Another app took over the review hub lock of ${label} while this one was saving; reopen it and try again`, {
              kind: 'hub-lock-lost',
              headline: articleTitle(draft.article),
            });
          }
          await staged.commit();
        } finally {
          await lock.release();
        }
      } finally {
        await staged.discard();
      }
      return { hubRevision: next.hubRevision, contentHash: next.contentHash, updatedAt, keepsComments: true };
    });
  }

  /** The package, null when there is none; a damaged one is an error here (list() reports it instead). */
  private async readPackage(id: string): Promise<ReviewPackage | null> {
    const path = this.packagePath(id);
    await this.guardFolders(id);
    if ((await guardHubFile(path, MAX_PACKAGE_BYTES, `The review package of ${id}`)) === 'missing') return null;
    const read = await this.readFile(path);
    if (read.kind === 'missing') return null;
    if (read.kind === 'unreadable') {
      throw new AppError('corrupt-file', `The review hub copy of ${id} (${path}) is damaged: ${read.reason}. Remove that folder from the hub and submit the article again`, { kind: 'hub-package', path });
    }
    if (read.value.article.id !== id || (read.value.previousSubmission && read.value.previousSubmission.id !== id)) {
      throw new AppError('corrupt-file', `The review hub copy in ${this.articleDir(id)} carries another article (${read.value.article.id}); it was not written by Dateline for this folder`, { kind: 'hub-package-other-article' });
    }
    if (contentHash(read.value.article) !== read.value.contentHash) {
      throw new AppError('corrupt-file', `The review hub copy of "${articleTitle(read.value.article)}" (${path}) was changed outside Dateline: its content hash does not match`, {
        kind: 'hub-package-edited',
        headline: articleTitle(read.value.article),
      });
    }
    return read.value;
  }

  /** The package file read and checked in a worker; a file-system refusal is thrown as for any file. */
  private async readFile(path: string): Promise<{ kind: 'missing' } | { kind: 'unreadable'; reason: string } | { kind: 'ok'; value: ReviewPackage }> {
    const read = await this.packages.run({ kind: 'file', path, maxBytes: MAX_PACKAGE_BYTES });
    if (read.kind === 'io-error') throw fsAppError(Object.assign(new Error(read.message), { code: read.errno }), path, 'read');
    // The worker checked it against reviewPackageSchema.
    if (read.kind === 'ok') return { kind: 'ok', value: read.value as ReviewPackage };
    if (read.kind === 'entry') return { kind: 'unreadable', reason: 'the worker answered with a queue line' };
    return read;
  }

  private async checkReachable(): Promise<void> {
    const rootInfo = await stat(this.root).catch(() => null);
    if (!rootInfo?.isDirectory()) {
      throw new AppError('not-found', `The review hub folder ${this.root} cannot be reached; check that the shared folder is connected`, { kind: 'hub-unreachable', path: this.root, unreachable: true });
    }
  }

  private async articleIds(): Promise<string[]> {
    await this.checkReachable();
    const dir = join(this.root, 'articles');
    const dirents = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
      if ((error as { code?: unknown }).code === 'ENOENT') return [];
      throw fsAppError(error, dir, 'read');
    });
    // A link is listed too: the queue names it as a problem instead of leaving it out unexplained.
    return dirents.filter((d) => (d.isDirectory() || d.isSymbolicLink()) && articleIdSchema.safeParse(d.name).success).map((d) => d.name);
  }

  /** Throws unless the article's folder and its media folder really lie inside the hub. */
  private async guardFolders(id: string): Promise<void> {
    await guardHubFolder(this.root, this.articleDir(id), `The folder of ${id}`);
    await guardHubFolder(this.root, join(this.articleDir(id), MEDIA_DIR), `The photo folder of ${id}`);
  }

  private articleDir(id: string): string {
    return join(this.root, 'articles', id);
  }

  private packagePath(id: string): string {
    return join(this.articleDir(id), PACKAGE_FILE);
  }
}

/** Throws the hub's conflict error unless the package is still at the revision the caller started from. */
function checkBase(current: ReviewPackage, base: number | null): void {
  checkHubBase({ headline: articleTitle(current.article), hubRevision: current.hubRevision, updatedBy: current.updatedBy.name }, base, HUB);
}

function validArticle(article: Article): Article {
  return valid(articleSchema, article, 'the article');
}

function validId(id: string): string {
  return valid(articleIdSchema, id, 'the article id');
}

function valid<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  return parseHubInput(schema, value, what, 'The review hub');
}
