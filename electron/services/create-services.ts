// Runs in: the services process (plain Node: Electron's utilityProcess or a Node child). Opens the
// library, photos, search index and settings under one data folder and serves every contract
// operation from them. Transports call these handlers with input their schema already validated.
// Only wiring: each policy lives in its service (search-index-schedule, withhold-spiked,
// review-sync-loop, settings-review-hub, job-change-announcer).
import { mkdir } from 'node:fs/promises';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { OperationHandlers } from '../../common/contract';
import { newsroomProfileSchema, type NewsroomProfile } from '../../common/workflow/newsroom-profile';
import { createEventBus, type EventBus } from './events/event-bus';
import { exportArticle, exportMarkdownForDownload, exportPageForDownload } from './export/export-article';
import { revealablePath } from './export/revealable-path';
import { wordpressPreviewPage } from './preview/wordpress-preview-page';
import { WordPressTarget } from './publish/wordpress/wordpress-target';
import { librarySnapshot, queryLibrary, searchPageFor, type LibrarySnapshot } from './library/query-library';
import { consoleLogger, type Logger } from './log/logger';
import { libraryMediaPath, libraryRootOf } from './media/library-media-path';
import { MediaStore } from './media/media-store';
import { MIME_TYPES } from './media/sniff-image-type';
import { thumbnailFilePathVia } from './media/thumbnail-file-path-via';
import { ThumbnailMaker } from './media/thumbnail-maker';
import { createFileSecretStore } from './publish/file-secret-store';
import { jobChangeAnnouncer, type PublishedOutcome } from './publish/job-change-announcer';
import { browserSecretsPath, createPublishingService } from './publish/publishing-service';
import { createReviewQueueWatch } from './review/review-queue-watch';
import { ReviewRecordStore } from './review/review-record-store';
import { createReviewService } from './review/review-service';
import { startReviewSyncLoop } from './review/review-sync-loop';
import { settingsReviewHub } from './review/settings-review-hub';
import { createSearchIndexSchedule } from './search/search-index-schedule';
import { openWorkerSearchIndex } from './search/worker-search-index';
import type { ScheduledIndex } from './search/scheduled-index';
import { createSearchOpenGate, type SearchOpenGate } from './library/search-open-gate';
import type { SecretStore } from './secrets/secret-store';
import { SettingsStore } from './settings/settings-store';
import { fsAppError } from './store/fs-app-error';
import { acquireLibraryLock } from './store/library-lock';
import { LibraryStore, type LibraryChange } from './store/library-store';
import { announceScan } from './library/announce-scan';
import type { ScanBatch } from './store/library-scan';
import { sortableId } from './store/sortable-id';
import { AppError } from '../../common/app-error';
import { newsroomTokenKey, normaliseServerUrl } from './review/newsroom-api';
import { createCollabHandlers } from './collab/collab-handlers';
import { StoryUpdateLog } from './collab/story-update-log';

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
  /** Opens the library's search index. @default openWorkerSearchIndex (a worker thread) */
  openSearchIndex?(libraryRoot: string, logger: Logger): Promise<ScheduledIndex>;
}

export async function createServices(options: ServicesOptions): Promise<Services> {
  const libraryRoot = libraryRootOf(options.dataDir);
  const logger = options.logger ?? consoleLogger;
  const events = options.events ?? createEventBus();
  const settings = new SettingsStore(options.dataDir);
  const media = new MediaStore(libraryRoot);
  const thumbnails = new ThumbnailMaker(libraryRoot);
  const search = createSearchIndexSchedule({ logger, onIndexed: () => events.emit('library.changed', { kind: 'indexed', ids: [] }) });
  let snapshot: LibrarySnapshot | null = null;
  /** Set once the start's scan is under way; until then no change can come. */
  let searchGate: SearchOpenGate | null = null;
  const onChange = (change: LibraryChange) => {
    snapshot = null;
    events.emit('library.changed', change.kind === 'upsert' ? { kind: 'saved', ids: [change.article.id] } : { kind: 'purged', ids: [change.id] });
    searchGate?.now();
    search.changed(change);
  };

  await mkdir(libraryRoot, { recursive: true }).catch((error: unknown) => {
    throw fsAppError(error, libraryRoot, 'create');
  });
  const lock = await acquireLibraryLock(libraryRoot, undefined, options.lockParentPid);
  /** How far the start's scan is while articles are still being read (the cache lacked or outdated them). */
  let reading: { done: number; total: number } | null = null;
  const onScan = (batch: ScanBatch): void => {
    reading = batch.done < batch.total ? { done: batch.done, total: batch.total } : null;
    snapshot = null;
    announceScan(events, batch);
  };
  const store = new LibraryStore(libraryRoot, { onChange, onScan });
  try {
    // The cached summaries are served at once; the rest of the library is checked and read in the background.
    const started = await store.start();
    if (started.listed < started.folders) reading = { done: started.listed, total: started.folders };
  } catch (error) {
    await lock.release();
    throw error;
  }
  await media.open();
  // The index opens, catches up and answers in a worker thread (in this one if no worker can run). It
  // answers at once from what it holds, and catches up once the library is all read: catching up
  // drops what the list lacks, and a scan cut short by closing leaves the list partial.
  let closing = false;
  const scanned = store.scanned().then(
    (report) => {
      logger.info(
        `[services] library read: ${report.articles} articles, ${report.reread} read from their folders (${report.readInWorker} by the read worker), ${report.checkedInWorker} checked by the read worker`,
      );
      if (report.workerStopped) logger.warn(`[services] the library scan stopped using its read worker: ${report.workerStopped}`);
      return !closing;
    },
    (error: unknown) => {
      logger.warn('[services] the library scan failed:', error);
      return false;
    },
  );
  const openSearchIndex = options.openSearchIndex ?? (async (root: string, log: Logger) => openWorkerSearchIndex(root, { logger: log }));
  // Not yet: loading the index would compete with the window's boot for the first screen of rows.
  const gate = createSearchOpenGate(() => search.open(() => openSearchIndex(libraryRoot, logger), store, scanned));
  searchGate = gate;

  const documentsDir = options.documentsDir ?? join(homedir(), 'Documents');
  const secrets = options.secrets ?? createFileSecretStore(browserSecretsPath(options.dataDir));
  // The publishing service reports finished jobs; the workflow records them once it exists.
  let onPublished: (articleId: string, outcome: PublishedOutcome) => void = () => undefined;
  const publishing = await createPublishingService({
    logger,
    dataDir: options.dataDir,
    libraryRoot,
    documentsDir,
    secrets,
    store: { get: (id) => store.get(id) },
    media: { read: (id) => media.read(id), info: (id) => media.info(id) },
    onJobChange: jobChangeAnnouncer(events, (articleId, outcome) => onPublished(articleId, outcome)),
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
  const reviewHub = settingsReviewHub({
    settings,
    targets: publishing.targets,
    secrets,
    documentsDir,
    media: { read: (id) => media.read(id), import: (fileName, data) => media.import(fileName, data) },
    logger,
    offerPost: (targetId, articleId, postId) => publishing.offerRemote(targetId, articleId, postId),
    knownPostId: async (targetId, articleId) =>
      (await publishing.handlers['publications.list']({ articleId })).find((r) => r.targetId === targetId)?.remoteId ?? null,
    // A status pushed by the newsroom server may change what waits for this person.
    onStoryStatus: () => void queueWatch.check(),
  });
  const review = createReviewService({
    logger,
    library: store,
    records: reviewRecords,
    profile,
    hub: reviewHub,
    onChange: () => (snapshot = null),
    newId: () => sortableId(),
    onSpiked: (articleId) => publishing.withhold(articleId),
  });
  onPublished = (articleId, outcome) => void review.recordPublished(articleId, outcome);
  const queueWatch = createReviewQueueWatch({
    // Without a profile nothing waits, and the default hub folder is not created just to look.
    queue: async () => ((await profile()) === null ? null : review.handlers['review.queue']({ scope: 'for-me' })),
    events,
    onError: (error) => logger.warn('[services] the review queue could not be read:', error),
  });
  const reviewSync = startReviewSyncLoop({ review, queueWatch, logger, ...(options.reviewSyncMs === undefined ? {} : { intervalMs: options.reviewSyncMs }) });

  /** The photos an export embeds, and their types. */
  const exportMedia = {
    readMedia: (mediaId: string) => media.read(mediaId),
    mimeOf: (mediaId: string) => MIME_TYPES[mediaId.slice(mediaId.lastIndexOf('.') + 1) as keyof typeof MIME_TYPES] ?? 'application/octet-stream',
  };
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
      reviewSync.soon(true);
      return { ok: true as const };
    },
    'settings.get': () => settings.get(),
    'settings.update': async ({ newsroomToken, ...input }) => {
      // The account token goes to the SecretStore, under the server it belongs to, never into settings.
      if (newsroomToken !== undefined) {
        const hub = input.reviewHub ?? (await settings.get()).reviewHub;
        if (hub.kind !== 'newsroom') throw new AppError('invalid-input', 'A newsroom account token needs a newsroom server as the review hub.', { kind: 'setting-invalid', issues: 1 });
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
      // One snapshot for the whole answer: what the page left out and what the rows are filtered by agree.
      const listed = (snapshot ??= librarySnapshot(store.list()));
      const progress = reading === null ? {} : { reading };
      if (filter.query.trim().length === 0) {
        const answer = { ...queryLibrary(listed, filter, null), indexing: 0, ...progress };
        gate.afterThisAnswer();
        return answer;
      }
      gate.now();
      const libraryCount = () => reading?.total ?? store.count;
      // Only a page when the index holds exactly the library's articles: caught up, the library read.
      const page = reading === null && search.caughtUp() ? searchPageFor(listed, filter) : null;
      let found = await search.search(filter.query, libraryCount, page ?? undefined);
      // A hit the library does not list would be counted and never shown: ask for every match instead.
      if (found.total !== undefined && found.hits.some((id) => !listed.byId.has(id))) found = await search.search(filter.query, libraryCount);
      return { ...queryLibrary(listed, filter, found.hits, found.total), indexing: found.indexing, ...progress };
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
        ...exportMedia,
        outRoot: await exportFolder(),
        ...(destination === undefined ? {} : { destination }),
      });
    },

    'articles.exportPage': async ({ id }) =>
      exportPageForDownload(await store.get(id), exportMedia),

    'articles.previewWordpress': async ({ id, targetId }) => {
      const target = publishing.targets.get(targetId);
      if (target.kind !== 'wordpress') throw new AppError('invalid-input', `Target ${targetId} is not a WordPress site`, { kind: 'setting-invalid', issues: 1 });
      const site = await publishing.targets.createTarget(target);
      // The featured-image question is asked as a publish asks it (the target's own account), and only then.
      const themeShowsLead = () => (site instanceof WordPressTarget ? site.themeShowsFeaturedImage(new AbortController().signal) : Promise.resolve(false));
      return wordpressPreviewPage(await store.get(id), target, { ...exportMedia, themeShowsLead });
    },

    'articles.exportMarkdownFile': async ({ id }) =>
      exportMarkdownForDownload(await store.get(id), exportMedia),

    'revisions.list': ({ id }) => store.listRevisions(id),
    'revisions.get': ({ id, revisionId }) => store.getRevision(id, revisionId),
    'revisions.restore': async ({ id, revisionId }) => changing(store.restoreRevision(id, revisionId, { who: await who() })),
    'revisions.name': async ({ id, name }) => store.snapshotNow(id, 'named', { who: await who(), name }),
    'revisions.keepBeforeRestore': async ({ id }) => store.snapshotNow(id, 'before-restore', { who: await who() }),
    'revisions.compare': ({ id, from, to }) => store.compareRevisions(id, from, to),

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
      await store.snapshotNow(input.articleId, 'before-publish', { who: await who() });
      return publishing.startJob(input, input.approveFirst ? () => review.approveForPublish(input.articleId) : undefined);
    },
    ...review.handlers,
    // The article as it stood before every workflow action is kept as a version.
    'review.transition': async (input) => {
      await store.snapshotNow(input.id, 'before-workflow', { who: await who() });
      return review.handlers['review.transition'](input);
    },
  };

  return {
    handlers,
    mediaFilePath: (id) => libraryMediaPath(libraryRoot, id),
    thumbnailFilePath: (id) => thumbnailFilePathVia(handlers, libraryRoot, id),
    async close() {
      reviewHub.close();
      await reviewSync.close();
      await publishing.close();
      await review.close();
      closing = true;
      gate.cancel();
      await store.close();
      await scanned;
      await search.close();
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
