// Runs in: main, services, host and renderer. The one API contract: every operation the renderer
// may call, with the zod schema its input must pass and the type of its result. Both transports
// (Electron IPC and the loopback HTTP host) are generated from this table.
import { z } from 'zod';
import {
  articleIdSchema,
  articleLanguageSchema,
  articleSchema,
  articleStatusSchema,
  mediaIdSchema,
  type Article,
  type ArticleSummary,
} from './article';
import type { AppErrorCode, UnconvertedDetails } from './app-error';
import type { AppErrorDetails } from './errors/app-error-details';
import { jobIdSchema, publishStartSchema, type OutboxJob, type PublicationRecord } from './publish/publish-job';
import {
  targetConfigSchema,
  targetIdSchema,
  type ConnectionReport,
  type SecretsBackendInfo,
  type TargetView,
} from './publish/publish-target-config';
import { reviewHubSettingSchema, reviewOperations, type ReviewOperationResults } from './workflow/review-contract';
import { collabOperations, type CollabOperationResults } from './collab/collab-contract';
import { newsroomRoleSchema } from './workflow/newsroom-profile';
import { DEFAULT_HEADLINE_GUIDE } from './text/headline-length';
import { isKnownTimeZone } from './time/zoned-time';
import type { ArticleDiff } from './workflow/diff-model';
import type { WordpressPreview } from './publish/wordpress-preview';

/** The largest photo the library accepts. */
export const MAX_MEDIA_BYTES = 40 * 1024 * 1024;

export const revisionReasonSchema = z.enum([
  'explicit-save',
  'before-restore',
  'before-trash',
  'before-import',
  'duplicate-source',
  /** After a few minutes of editing without a snapshot. */
  'autosave',
  'before-workflow',
  'before-publish',
  /** "Name this version". */
  'named',
]);
export type RevisionReason = z.infer<typeof revisionReasonSchema>;
/** Only these are thinned with age; every other kind of snapshot is kept until the size cap needs room. */
export const THINNED_REVISION_REASONS: readonly RevisionReason[] = ['explicit-save', 'autosave'];
export const MAX_VERSION_NAME_LENGTH = 120;
const revisionIdSchema = z.string().regex(/^[0-9A-Za-z._-]{1,120}$/);

export interface RevisionInfo {
  /** Opaque, sortable id of the snapshot. */
  id: string;
  at: string;
  reason: RevisionReason;
  who: string;
  revision: number;
  headline: string;
  /** A named version's name. */
  name?: string;
}

/** An article's versions, newest first, and the snapshot files that could not be read (kept, never deleted). */
export interface RevisionList {
  versions: RevisionInfo[];
  unreadable: { id: string; reason: string }[];
}

export interface LibraryProblem {
  /** Folder name of the article that could not be read. */
  articleFolder: string;
  /** Where the unreadable file was moved to, relative to the library root. */
  setAsideTo: string;
  message: string;
  at: string;
}

export interface MediaInfo {
  id: z.infer<typeof mediaIdSchema>;
  mimeType: string;
  bytes: number;
  width: number | null;
  height: number | null;
  /** Pre-fill values read from IPTC/XMP/EXIF; empty when the photo carries none. */
  caption: string;
  credit: string;
  copyright: string;
  originalName: string;
}

export interface ExportResult {
  /** Absolute folder the export was written to. */
  folder: string;
  /** Main file of the export (index.html or <slug>.md), absolute. */
  file: string;
  files: string[];
}

export interface AppInfo {
  version: string;
  transport: 'ipc' | 'http';
  libraryPath: string;
  /** The OS locale as the services see it, e.g. zh-CN. */
  systemLocale: string;
}

export const uiLocaleSchema = z.enum(['system', 'en', 'zh-CN']);
export type UiLocale = z.infer<typeof uiLocaleSchema>;

const headlineGuideSchema = z.object({
  zi: z.number().int().min(1).max(500),
  characters: z.number().int().min(1).max(1000),
});
/** An IANA zone from Intl's list, e.g. "Asia/Shanghai". */
export const newsroomTimeZoneSchema = z.string().max(64).refine(isKnownTimeZone, { message: 'not a time zone this system knows' });
export const slugStyleSchema = z.enum(['chinese', 'pinyin']);
export type SlugStyle = z.infer<typeof slugStyleSchema>;

export const settingsSchema = z.object({
  locale: uiLocaleSchema.default('system'),
  /** Name recorded on revisions and, later, in the workflow history. */
  userName: z.string().max(200).default(''),
  exportFolder: z.string().max(4096).default(''),
  /** The newsroom role; null: no newsroom profile yet (working alone, no review workflow). */
  role: newsroomRoleSchema.nullable().default(null),
  /** Where articles travel for review; the shared folder is the zero-configuration default. */
  reviewHub: reviewHubSettingSchema.default({ kind: 'folder', path: '' }),
  /** Desktop notifications, each on unless turned off in Settings. */
  notifyStoryWaiting: z.boolean().default(true),
  notifyStoryReturned: z.boolean().default(true),
  notifyPublished: z.boolean().default(true),
  /** The desk's headline length guide: 字 for Chinese stories, characters for others. */
  headlineGuide: headlineGuideSchema.default(DEFAULT_HEADLINE_GUIDE),
  /** The newsroom's IANA time zone for planned times; null: the system's. */
  timeZone: newsroomTimeZoneSchema.nullable().default(null),
  /** Slugs for Chinese headlines: the Chinese words themselves, or their pinyin. */
  slugStyle: slugStyleSchema.default('chinese'),
});
export type Settings = z.infer<typeof settingsSchema>;

/** No defaults here: a partial update must not reset the fields it does not name. */
export const settingsUpdateSchema = z.object({
  locale: uiLocaleSchema.optional(),
  userName: settingsSchema.shape.userName.unwrap().optional(),
  exportFolder: settingsSchema.shape.exportFolder.unwrap().optional(),
  role: newsroomRoleSchema.nullable().optional(),
  reviewHub: reviewHubSettingSchema.optional(),
  /** The newsroom server account token: kept in the SecretStore under the server's address, never in settings; '' forgets it. */
  newsroomToken: z.string().max(512).optional(),
  notifyStoryWaiting: z.boolean().optional(),
  notifyStoryReturned: z.boolean().optional(),
  notifyPublished: z.boolean().optional(),
  headlineGuide: headlineGuideSchema.optional(),
  timeZone: newsroomTimeZoneSchema.nullable().optional(),
  slugStyle: slugStyleSchema.optional(),
});

export const listFilterSchema = z.object({
  query: z.string().max(500).default(''),
  status: articleStatusSchema.nullable().default(null),
  section: z.string().max(200).nullable().default(null),
  tag: z.string().max(100).nullable().default(null),
  trashed: z.boolean().default(false),
  /** Paging: the first matching article to return, and how many at most (null: all of them). */
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(10_000).nullable().default(null),
});
export type ListFilter = z.infer<typeof listFilterSchema>;

export interface ListResult {
  /** The requested page of the matching articles. */
  items: ArticleSummary[];
  /** How many articles match the search and filters, over all pages. */
  matched: number;
  /** Articles the search index has still to (re)index: a search may miss them until it is 0. */
  indexing: number;
  /** All sections and tags in the (untrashed) library, for the filter menus. */
  sections: string[];
  tags: string[];
  total: number;
  /** While the library is still being read at start (a cold or outdated cache): folders checked of all. */
  reading?: { done: number; total: number };
}

const byId = z.object({ id: articleIdSchema });

/** Input schemas, one per operation. */
export const operations = {
  'app.info': z.object({}),
  /** The network came back (the renderer saw `online`): publishing jobs and review work waiting for it are tried now. */
  'app.online': z.object({}),
  /** Show a file Dateline wrote (an export, a library file) in the system's file manager; refused elsewhere. */
  'app.reveal': z.object({ path: z.string().min(1).max(4096) }),
  'settings.get': z.object({}),
  'settings.update': settingsUpdateSchema,

  'library.list': listFilterSchema,
  'library.problems': z.object({}),

  'articles.create': z.object({ language: articleLanguageSchema.optional() }),
  'articles.get': byId,
  'articles.save': z.object({
    article: articleSchema,
    /** Explicit saves (Ctrl/Cmd+S) also snapshot a revision. */
    explicit: z.boolean().default(false),
  }),
  'articles.duplicate': byId,
  'articles.trash': byId,
  'articles.restore': byId,
  'articles.purge': byId,
  /** The standalone HTML page (photos inlined) for a browser to download, named after the slug. */
  'articles.exportPage': byId,
  /** Preview as published on a WordPress target: the post's blocks in a page with the site's stylesheets. */
  'articles.previewWordpress': z.object({ id: articleIdSchema, targetId: targetIdSchema }),
  /** Markdown for a browser to download: `<slug>.md`, or `<slug>.zip` with its photos. */
  'articles.exportMarkdownFile': byId,
  'articles.export': z.object({
    id: articleIdSchema,
    format: z.enum(['html', 'markdown']),
    /** The name the desktop's Save dialog proposes (main uses it only as that default). */
    suggestedName: z.string().max(200).optional(),
    /** The folder to create, as chosen in the desktop's Save dialog; without it, the export folder from Settings. */
    destination: z.string().min(1).max(4096).optional(),
  }),

  'revisions.list': byId,
  'revisions.get': z.object({ id: articleIdSchema, revisionId: revisionIdSchema }),
  'revisions.restore': z.object({ id: articleIdSchema, revisionId: revisionIdSchema }),
  /** Keeps the saved article as a named version (never thinned). */
  'revisions.name': z.object({ id: articleIdSchema, name: z.string().trim().min(1).max(MAX_VERSION_NAME_LENGTH) }),
  /** Keeps the saved article as a version before one paragraph of an old version is put back. */
  'revisions.keepBeforeRestore': byId,
  /** The difference between two versions; 'current' is the saved article. */
  'revisions.compare': z.object({ id: articleIdSchema, from: revisionIdSchema, to: revisionIdSchema }),

  'media.import': z.object({
    fileName: z.string().min(1).max(500),
    /** Raw bytes; IPC passes them natively, HTTP through the byte codec in common/wire-codec. */
    data: z.instanceof(Uint8Array),
  }),
  'media.info': z.object({ id: mediaIdSchema }),
  /** The editor's thumbnail of a photo, made once beside it (the transports serve it at THUMBNAIL_PREFIX). */
  'media.thumbnail': z.object({ id: mediaIdSchema }),

  'targets.list': z.object({}),
  /** Creates or updates a target; `secret` (password / signing key) goes to the keychain, never to settings. */
  'targets.save': z.object({ config: targetConfigSchema, secret: z.string().max(4096).optional(), makeDefault: z.boolean().optional() }),
  'targets.remove': z.object({ id: targetIdSchema }),
  'targets.test': z.object({ id: targetIdSchema }),
  'targets.secretsBackend': z.object({}),

  /** Queues a publishing job for the saved article; the outbox runs it. */
  'publish.start': publishStartSchema,
  'publications.list': z.object({ articleId: articleIdSchema }),
  'outbox.list': z.object({ articleId: articleIdSchema.optional() }),
  'outbox.get': z.object({ jobId: jobIdSchema }),
  'outbox.cancel': z.object({ jobId: jobIdSchema }),
  'outbox.retry': z.object({ jobId: jobIdSchema }),
  /** After a conflict: overwrite the server's version with ours, or give up this job. */
  'outbox.resolveConflict': z.object({ jobId: jobIdSchema, resolution: z.enum(['overwrite', 'cancel']) }),

  ...reviewOperations,
  ...collabOperations,
} as const;

export type OperationName = keyof typeof operations;
export const OPERATION_NAMES = Object.keys(operations) as OperationName[];

/** Result types, one per operation. */
export interface OperationResults {
  'app.info': AppInfo;
  'app.online': { ok: true };
  /** `revealed` is false where nothing can open a file manager (a browser): the renderer then shows the path. */
  'app.reveal': { path: string; revealed: boolean };
  'settings.get': Settings;
  'settings.update': Settings;
  'library.list': ListResult;
  'library.problems': LibraryProblem[];
  'articles.create': Article;
  'articles.get': Article;
  /** `snapshot`: the version this save kept (every explicit save, and after a few minutes of editing). */
  'articles.save': { revision: number; updatedAt: string; snapshot?: RevisionInfo | null };
  'articles.duplicate': Article;
  'articles.trash': { id: string };
  'articles.restore': { id: string };
  'articles.purge': { id: string };
  /** null: the person closed the desktop's Save dialog without choosing. */
  'articles.export': ExportResult | null;
  'articles.exportPage': { fileName: string; html: string };
  'articles.previewWordpress': WordpressPreview;
  /** The file's bytes in base64. */
  'articles.exportMarkdownFile': { fileName: string; mimeType: string; base64: string };
  'revisions.list': RevisionList;
  'revisions.get': Article;
  'revisions.restore': Article;
  'revisions.name': RevisionInfo;
  'revisions.keepBeforeRestore': RevisionInfo;
  'revisions.compare': ArticleDiff;
  'media.import': MediaInfo;
  'media.info': MediaInfo;
  'media.thumbnail': { thumbnailId: string };
  'targets.list': TargetView[];
  'targets.save': TargetView;
  'targets.remove': { id: string };
  'targets.test': ConnectionReport;
  'targets.secretsBackend': SecretsBackendInfo;
  'publish.start': OutboxJob;
  'publications.list': PublicationRecord[];
  'outbox.list': OutboxJob[];
  'outbox.get': OutboxJob;
  'outbox.cancel': OutboxJob;
  'outbox.retry': OutboxJob;
  'outbox.resolveConflict': OutboxJob;
  'review.get': ReviewOperationResults['review.get'];
  'review.transition': ReviewOperationResults['review.transition'];
  'review.queue': ReviewOperationResults['review.queue'];
  'review.open': ReviewOperationResults['review.open'];
  'review.diff': ReviewOperationResults['review.diff'];
  'review.sync': ReviewOperationResults['review.sync'];
  'review.sendChanges': ReviewOperationResults['review.sendChanges'];
  'collab.session': CollabOperationResults['collab.session'];
  'collab.ticket': CollabOperationResults['collab.ticket'];
  'collab.load': CollabOperationResults['collab.load'];
  'collab.append': CollabOperationResults['collab.append'];
  'comments.add': ReviewOperationResults['comments.add'];
  'comments.reply': ReviewOperationResults['comments.reply'];
  'comments.resolve': ReviewOperationResults['comments.resolve'];
  'comments.reopen': ReviewOperationResults['comments.reopen'];
}

export type OperationInput<K extends OperationName> = z.input<(typeof operations)[K]>;
export type ParsedInput<K extends OperationName> = z.output<(typeof operations)[K]>;
export type OperationResult<K extends OperationName> = OperationResults[K];

/** What every transport returns: never a thrown error across the process boundary. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: EnvelopeError };

/**
 * A failure as it crosses a boundary: the code, English prose for the log, and the code's typed
 * details, which the renderer validates again where they arrive (common/errors/app-error-details.ts).
 */
export interface EnvelopeError {
  code: AppErrorCode;
  message: string;
  details?: AppErrorDetails | UnconvertedDetails;
}

/** The services side: one handler per operation, called with already-validated input. */
export type OperationHandlers = { [K in OperationName]: (input: ParsedInput<K>) => Promise<OperationResult<K>> };

/** The renderer side: `api.call('articles.get', { id })`. */
export interface DatelineApi {
  call<K extends OperationName>(name: K, input: OperationInput<K>): Promise<OperationResult<K>>;
  /** A URL the renderer can put in <img src> for a library photo. */
  mediaUrl(id: string): string;
  /** A URL for the photo's small thumbnail, made on first request: what the editor shows. */
  thumbnailUrl(id: string): string;
  readonly transport: 'ipc' | 'http';
}

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(operations, name);
}
