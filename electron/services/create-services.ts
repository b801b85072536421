// Runs in: the services process (plain Node: Electron's utilityProcess or a Node child). Opens the
// library, photos, search index and settings under one data folder and serves every contract
// operation from them. Transports call these handlers with input their schema already validated.
import { revealablePath } from './export/revealable-path';
import { mkdir } from 'node:fs/promises';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { OperationHandlers } from '../../common/contract';
import { exportArticle, exportPageForDownload } from './export/export-article';
import { librarySnapshot, queryLibrary, type LibrarySnapshot } from './library/query-library';
import { libraryMediaPath, libraryRootOf } from './media/library-media-path';
import { thumbnailFilePathVia } from './media/thumbnail-file-path-via';
import { ThumbnailMaker } from './media/thumbnail-maker';
import { MediaStore } from './media/media-store';
import { MIME_TYPES } from './media/sniff-image-type';
import { createFileSecretStore } from './publish/file-secret-store';
import { browserSecretsPath, createPublishingService } from './publish/publishing-service';
import { PersistentSearchIndex } from './search/persistent-search-index';
import { SettingsStore } from './settings/settings-store';
import type { SecretStore } from './secrets/secret-store';
import { fsAppError } from './store/fs-app-error';
import { acquireLibraryLock } from './store/library-lock';
import { LibraryStore, type LibraryChange } from './store/library-store';
import { sortableId } from './store/sortable-id';
import { AppError } from '../../common/app-error';
import { newsroomProfileSchema, type NewsroomProfile } from '../../common/workflow/newsroom-profile';
import { FolderHub } from './review/folder-hub';
import { WordPressHub } from './review/wordpress-hub';
import { NewsroomHub } from './review/newsroom-hub';
import { collabUrlOf, createNewsroomApi, newsroomTokenKey, normaliseServerUrl } from './review/newsroom-api';
import { connectStoryDoc } from './collab/story-connection';
import { createCollabHandlers } from './collab/collab-handlers';
import { StoryUpdateLog } from './collab/story-update-log';
import { secretKeyFor } from '../../common/publish/publish-target-config';
import type { ReviewHub } from './review/review-hub';
import { ReviewRecordStore } from './review/review-record-store';
import { createReviewService } from './review/review-service';
import { consoleLogger, type Logger } from './log/logger';
import { createEventBus, type EventBus } from './events/event-bus';
import { createReviewQueueWatch } from './review/review-queue-watch';
import type { JobState } from '../../common/publish/publish-job';

export interface Services {
  handlers: OperationHandlers;
  /** Absolute path of a library photo, or null (malformed id or not in the library). */
  mediaFilePath(id: string): string | null;
  /** Absolute path of a photo's thumbnail, made on first ask; null when there is none. */
  thumbnailFilePath(id: string): Promise<string | null>;
  /** Waits for pending writes and saves the caches. */
  close(): Promise<void>;
}

export interface ServicesOptions {
  /** The user data folder: settings.json and the library/ folder live here. */
  dataDir: string;
  transport: 'ipc' | 'http';
  version: string;
  systemLocale: string;
  /** Where exports go when settings name no folder; defaults to ~/Documents/Dateline Exports. */
  defaultExportFolder?: string;
  /** The user's documents folder (the folder target's default "Published" lives there); defaults to ~/Documents. */
  documentsDir?: string;
  /** How often work recorded while the review hub was unreachable is offered again. @default 30_000 */
  reviewSyncMs?: number;
  /** Publishing credentials: the OS keychain in Electron; a private 0600 file when omitted (browser mode). */
  secrets?: SecretStore;
  /** Where problems are written: the app's log file (electron-log, or <data>/logs under serve). @default consoleLogger */
  logger?: Logger;
  /** The supervising process: a lock held by an orphan of a dead supervisor is waited for, not refused. */
  lockParentPid?: number;
  /** Where the services announce changes (jobs, review queue, library, settings). @default a bus nobody hears */
  events?: EventBus;
}

/** Autosave runs about once a second while someone types: index an article once it has been quiet this long. */
const INDEX_QUIET_MS = 4_000;
/** ...but never later than this after its first unindexed change. */
const INDEX_MAX_WAIT_MS = 20_000;
/** How often work recorded while the review hub was unreachable is offered to it again. */
const REVIEW_SYNC_MS = 30_000;

export async function createServices(options: ServicesOptions): Promise<Services> {
  const libraryRoot = libraryRootOf(options.dataDir);
  const logger = options.logger ?? consoleLogger;
  const events = options.events ?? createEventBus();
  const settings = new SettingsStore(options.dataDir);
  const media = new MediaStore(libraryRoot);
  const thumbnails = new ThumbnailMaker(libraryRoot);
  let search: PersistentSearchIndex | null = null;
  let searchOpened: Promise<PersistentSearchIndex | null> = Promise.resolve(null);
  // The search index follows changes batched: re-tokenising a 100,000-word article costs about
  // half a second, far too much to repeat on every autosave. Each batch is indexed and appended
  // to the index's log, never rebuilt.
  const pendingIndex = new Map<string, LibraryChange>();
  let indexTimer: NodeJS.Timeout | null = null;
  let indexDeadline = 0;
  const flushIndex = () => {
    if (indexTimer) clearTimeout(indexTimer);
    indexTimer = null;
    indexDeadline = 0;
    if (!search || pendingIndex.size === 0) return;
    search.update(pendingIndex.values());
    pendingIndex.clear();
  };
  let snapshot: LibrarySnapshot | null = null;
  const onChange = (change: LibraryChange) => {
    snapshot = null;
    events.emit('library.changed', change.kind === 'upsert' ? { kind: 'saved', ids: [change.article.id] } : { kind: 'purged', ids: [change.id] });
    pendingIndex.set(change.kind === 'upsert' ? change.article.id : change.id, change);
    const now = Date.now();
    if (indexDeadline === 0) indexDeadline = now + INDEX_MAX_WAIT_MS;
    if (indexTimer) clearTimeout(indexTimer);
    indexTimer = setTimeout(flushIndex, Math.max(0, Math.min(INDEX_QUIET_MS, indexDeadline - now)));
    indexTimer.unref();
  };

  await mkdir(libraryRoot, { recursive: true }).catch((error: unknown) => {
    throw fsAppError(error, libraryRoot, 'create');
  });
  const lock = await acquireLibraryLock(libraryRoot, undefined, options.lockParentPid);
  const store = new LibraryStore(libraryRoot, { onChange });
  try {
    await store.open();
  } catch (error) {
    await lock.release();
    throw error;
  }
  await media.open();
  // Searches wait for the snapshot to load (a fraction of a second), never for catching up.
  searchOpened = PersistentSearchIndex.open(libraryRoot, { logger })
    .then((opened) => {
      search = opened;
      // 'indexed': every article is searchable now (the library stops saying "still indexing").
      void opened
        .catchUp(store.list(), (id) => store.get(id))
        .then(() => events.emit('library.changed', { kind: 'indexed', ids: [] }))
        .catch((error: unknown) => logger.warn('[services] search index catch-up failed:', error));
      flushIndex();
      return opened;
    })
    .catch((error: unknown) => {
      logger.warn('[services] could not open the search index:', error);
      return null;
    });

  const documentsDir = options.documentsDir ?? join(homedir(), 'Documents');
  const secrets = options.secrets ?? createFileSecretStore(browserSecretsPath(options.dataDir));
  // The publishing service reports finished jobs; the workflow records them once it exists.
  /** The last state announced per job: `outbox.changed` fires on state changes, not on every progress step. */
  const jobStates = new Map<string, JobState>();
  let onPublished: (articleId: string, outcome: { status: 'publish' | 'future'; scheduledAt: string | null }) => void = () => undefined;
  const publishing = await createPublishingService({
    logger,
    dataDir: options.dataDir,
    libraryRoot,
    documentsDir,
    secrets,
    store: { get: (id) => store.get(id) },
    media: { read: (id) => media.read(id), info: (id) => media.info(id) },
    onJobChange: (job) => {
      events.emit('job.changed', { job });
      if (jobStates.get(job.id) !== job.state) {
        jobStates.set(job.id, job.state);
        events.emit('outbox.changed', { jobId: job.id, state: job.state });
      }
      const status = job.result?.status;
      if (job.state === 'done' && (status === 'publish' || status === 'future')) onPublished(job.articleId, { status, scheduledAt: job.options.scheduledAt });
    },
  });

  /** Every operation that changes the library drops the cached list snapshot (trash and restore fire no onChange). */
  const changing = <T>(work: Promise<T>): Promise<T> => work.finally(() => (snapshot = null));
  /** Announces what the store's own onChange does not say (a new article, the trash), and passes the result on. */
  const announce = <T>(kind: 'created' | 'trashed' | 'restored', id: string, result: T): T => {
    events.emit('library.changed', { kind, ids: [id] });
    return result;
  };

  const who = async () => (await settings.get()).userName || safeUserName();
  const profile = async (): Promise<NewsroomProfile | null> => {
    const current = await settings.get();
    const parsed = newsroomProfileSchema.safeParse({ name: current.userName, role: current.role });
    return parsed.success ? parsed.data : null;
  };
  const hubMedia = { read: (id: string) => media.read(id), import: (fileName: string, data: Uint8Array) => media.import(fileName, data) };
  let folderHub: FolderHub | null = null;
  let wordpressHub: { key: string; hub: WordPressHub } | null = null;
  let newsroomHub: { key: string; hub: NewsroomHub } | null = null;
  const reviewHub = async (): Promise<ReviewHub> => {
    const setting = (await settings.get()).reviewHub;
    if (setting.kind === 'newsroom') {
      const serverUrl = normaliseServerUrl(setting.serverUrl);
      const token = await secrets.get(newsroomTokenKey(serverUrl));
      const key = JSON.stringify([serverUrl, token]);
      if (newsroomHub?.key !== key) {
        newsroomHub = {
          key,
          hub: new NewsroomHub({
            api: createNewsroomApi({ serverUrl, token }),
            connect: (articleId) =>
              connectStoryDoc({
                collabUrl: collabUrlOf(serverUrl),
                articleId,
                token: token ?? '',
                // A status pushed by the server may change what waits for this person.
                onStatus: () => void queueWatch.check(),
              }),
          }),
        };
      }
      return newsroomHub.hub;
    }
    if (setting.kind === 'folder') {
      const root = setting.path.trim() || join(documentsDir, 'Dateline Review Hub');
      if (folderHub?.root !== root) folderHub = new FolderHub({ root, media: hubMedia, log: (message) => logger.warn(message) });
      if (!setting.path.trim()) await mkdir(root, { recursive: true }).catch((error: unknown) => {
        throw fsAppError(error, root, 'create');
      });
      return folderHub;
    }
    if (!publishing.targets.has(setting.targetId)) {
      throw new AppError('not-found', 'The WordPress site chosen as review hub is no longer among the publishing targets; choose it again in Settings.', { targetId: setting.targetId });
    }
    const config = publishing.targets.get(setting.targetId);
    if (config.kind !== 'wordpress') throw new AppError('invalid-input', `The review hub target "${config.name}" is not a WordPress site.`, { targetId: config.id });
    const password = await secrets.get(secretKeyFor(config));
    const key = JSON.stringify([config, password]);
    if (wordpressHub?.key !== key) {
      wordpressHub = {
        key,
        hub: new WordPressHub({
          targetId: config.id,
          siteUrl: config.siteUrl,
          username: config.username,
          password,
          targetLabel: `The WordPress site ${new URL(config.siteUrl).host}`,
          mediaOrigins: config.mediaOrigins,
          media: hubMedia,
          offerPost: (articleId, postId) => publishing.offerRemote(config.id, articleId, postId),
          knownPostId: async (articleId) =>
            (await publishing.handlers['publications.list']({ articleId })).find((r) => r.targetId === config.id)?.remoteId ?? null,
        }),
      };
    }
    return wordpressHub.hub;
  };
  // Every review record written (an action, a comment, the hub sync) is announced, and may change what waits.
  const reviewRecords = new ReviewRecordStore(libraryRoot, (articleId) => {
    events.emit('review.articleChanged', { articleId });
    void queueWatch.check();
  });
  const collab = createCollabHandlers({
    log: new StoryUpdateLog({ dir: join(options.dataDir, 'collab') }),
    hubOf: async (articleId) => (await reviewRecords.get(articleId)).hub,
    hubSetting: async () => (await settings.get()).reviewHub,
    profile,
    secrets,
  });
  const review = createReviewService({
    logger,
    library: store,
    records: reviewRecords,
    profile,
    hub: reviewHub,
    onChange: () => (snapshot = null),
    newId: () => sortableId(),
    // A spiked story must not go out: jobs queued before the spike are cancelled, and every target
    // where it is scheduled is told it is withheld (a WordPress post goes back to draft, a folder or
    // webhook receives pubStatus "withheld"), so it never goes live by itself.
    onSpiked: async (articleId) => {
      const jobs = publishing.outbox.list(articleId);
      for (const job of jobs) {
        if (job.state !== 'done' && job.state !== 'cancelled') await publishing.outbox.cancel(job.id);
      }
      const latestDone = new Map<string, (typeof jobs)[number]>();
      for (const job of jobs) {
        const known = latestDone.get(job.targetId);
        if (job.state === 'done' && (!known || job.updatedAt > known.updatedAt)) latestDone.set(job.targetId, job);
      }
      const article = await store.get(articleId);
      for (const job of latestDone.values()) {
        if (job.result?.status !== 'future' || !publishing.targets.has(job.targetId)) continue;
        await publishing.outbox.enqueue(article, publishing.targets.get(job.targetId), { status: 'draft', scheduledAt: null, overriddenWarnings: [] });
      }
    },
  });
  onPublished = (articleId, outcome) => void review.recordPublished(articleId, outcome);
  const queueWatch = createReviewQueueWatch({
    // Without a profile nothing waits, and the default hub folder is not created just to look.
    queue: async () => ((await profile()) === null ? null : review.handlers['review.queue']({ scope: 'for-me' })),
    events,
    onError: (error) => logger.warn('[services] the review queue could not be read:', error),
  });
  // What was recorded while the hub could not be reached goes out as soon as it can.
  let syncing: Promise<unknown> | null = null;
  let runAgain = false;
  /**
   * `online`: the network just came back, so everything waiting is tried now (refused work too), and
   * a run already going (stuck on the dead hub) is followed by a fresh one.
   */
  const syncSoon = (online = false) => {
    // One run at a time: a hub that hangs must not pile runs up behind it.
    if (syncing) {
      runAgain ||= online;
      return;
    }
    syncing = review
      .syncPending({ onlyDue: !online })
      .catch((error: unknown) => logger.warn('[services] review hub sync failed:', error))
      // Then what the desk did meanwhile: the library shows the hub's status too.
      .then(() => review.followHub())
      .catch((error: unknown) => logger.warn('[services] the review hub could not be followed:', error))
      .then(() => queueWatch.check())
      .finally(() => {
        syncing = null;
        if (runAgain) {
          runAgain = false;
          syncSoon(true);
        }
      });
  };
  syncSoon();
  const syncTimer = setInterval(() => syncSoon(), options.reviewSyncMs ?? REVIEW_SYNC_MS);
  syncTimer.unref();

  const exportFolder = async () =>
    (await settings.get()).exportFolder || options.defaultExportFolder || join(documentsDir, 'Dateline Exports');

  const handlers: OperationHandlers = {
    ...collab,
    'app.info': async () => ({
      version: options.version,
      transport: options.transport,
      libraryPath: libraryRoot,
      systemLocale: options.systemLocale,
    }),
    // Only validated here: the desktop shell reveals the checked path (see main's reveal-checked-path.ts).
    'app.reveal': async ({ path }) => ({ path: await revealablePath(path, [libraryRoot, await exportFolder()]), revealed: false }),
    'app.online': async () => {
      publishing.online();
      syncSoon(true);
      return { ok: true as const };
    },
    'settings.get': () => settings.get(),
    'settings.update': async ({ newsroomToken, ...input }) => {
      // The account token goes to the SecretStore, under the server it belongs to, never into settings.
      if (newsroomToken !== undefined) {
        const hub = input.reviewHub ?? (await settings.get()).reviewHub;
        if (hub.kind !== 'newsroom') throw new AppError('invalid-input', 'A newsroom account token needs a newsroom server as the review hub.', { field: 'newsroomToken' });
        const key = newsroomTokenKey(normaliseServerUrl(hub.serverUrl));
        if (newsroomToken.trim() === '') await secrets.delete(key);
        else await secrets.set(key, newsroomToken.trim());
      }
      const updated = await settings.update(input);
      events.emit('settings.changed', {});
      // A new name, role or hub changes what waits for this person.
      void queueWatch.check();
      return updated;
    },

    'library.list': async (filter) => {
      let hits: string[] | null = null;
      let indexing = 0;
      if (filter.query.trim().length > 0) {
        const index = await searchOpened;
        // A search sees every saved change, even one still waiting to be indexed.
        flushIndex();
        hits = index?.search(filter.query) ?? [];
        indexing = index?.pending ?? store.list().length;
      }
      snapshot ??= librarySnapshot(store.list());
      return { ...queryLibrary(snapshot, filter, hits), indexing };
    },
    'library.problems': async () => store.problems(),

    'articles.create': ({ language }) => changing(store.create(language)).then((article) => announce('created', article.id, article)),
    'articles.get': ({ id }) => store.get(id),
    // Only workflow actions change the status: an editor's or a stale tab's save never does.
    'articles.save': async ({ article, explicit }) => changing(store.save(article, { explicit, who: await who(), keepStatus: true })),
    'articles.duplicate': ({ id }) => changing(store.duplicate(id)).then((article) => announce('created', article.id, article)),
    'articles.trash': async ({ id }) => changing(store.trash(id, { who: await who() })).then((result) => announce('trashed', id, result)),
    'articles.restore': ({ id }) => changing(store.restore(id)).then((result) => announce('restored', id, result)),
    'articles.purge': ({ id }) => changing(store.purge(id)),
    'articles.export': async ({ id, format, destination }) => {
      const article = await store.get(id);
      return exportArticle(article, format, {
        readMedia: (mediaId) => media.read(mediaId),
        mimeOf: (mediaId) => MIME_TYPES[mediaId.slice(mediaId.lastIndexOf('.') + 1) as keyof typeof MIME_TYPES] ?? 'application/octet-stream',
        outRoot: await exportFolder(),
        ...(destination === undefined ? {} : { destination }),
      });
    },

    'articles.exportPage': async ({ id }) =>
      exportPageForDownload(await store.get(id), {
        readMedia: (mediaId) => media.read(mediaId),
        mimeOf: (mediaId) => MIME_TYPES[mediaId.slice(mediaId.lastIndexOf('.') + 1) as keyof typeof MIME_TYPES] ?? 'application/octet-stream',
      }),

    'revisions.list': ({ id }) => store.listRevisions(id),
    'revisions.get': ({ id, revisionId }) => store.getRevision(id, revisionId),
    'revisions.restore': async ({ id, revisionId }) => changing(store.restoreRevision(id, revisionId, { who: await who() })),

    'media.import': async ({ fileName, data }) => {
      const info = await media.import(fileName, data);
      // Made now, in the background, so the first open of the story finds it ready; a failure is
      // reported when the editor asks for it.
      thumbnails.thumbnail(info.id).catch(() => undefined);
      return info;
    },
    'media.info': ({ id }) => media.info(id),
    'media.thumbnail': async ({ id }) => ({ thumbnailId: (await thumbnails.thumbnail(id)).thumbnailId }),

    ...publishing.handlers,
    'publish.start': async (input) => {
      await review.checkMayPublish(input.articleId, input.options.status);
      return publishing.startJob(input, input.approveFirst ? () => review.approveForPublish(input.articleId) : undefined);
    },
    ...review.handlers,
  };

  return {
    handlers,
    mediaFilePath: (id) => libraryMediaPath(libraryRoot, id),
    thumbnailFilePath: (id) => thumbnailFilePathVia(handlers, libraryRoot, id),
    async close() {
      clearInterval(syncTimer);
      runAgain = false;
      // A run stuck on an unreachable hub must not hold up quitting; its writes are atomic anyway.
      if (syncing) await Promise.race([syncing, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
      await publishing.close();
      await searchOpened;
      flushIndex();
      await store.close();
      await search?.close();
      await lock.release();
    },
  };
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}
