// Runs in: main, services, host and renderer (pure). What each AppError code carries: a discriminated
// union on `kind`, one schema per code. The renderer turns `kind` into the message `error.<kind>` of
// its catalogues and the other fields into the message's parameters, so no prose crosses a process.
// The details come from another process (and, in the renderer, from an untrusted page's transport),
// so every string and list is bounded.
import { z } from 'zod';
import type { AppErrorCode } from './app-error-codes';
import { ARTICLE_STATUSES } from '../article';
import { WORKFLOW_ACTIONS } from '../workflow/workflow-event';
import { checklistMessagesEn, type ChecklistMessageKey } from '../publish/checklist-messages';
import { PUBLISH_STATUSES } from '../publish/publish-target-config';
import { REMOTE_FAILURE_KINDS } from './remote-failure-kinds';

/** Something the user typed or chose: a headline, a file name, a target's name, a person's name. */
const name = z.string().max(500);
/** A place: a file path, a folder, a web address or a host name. */
const place = z.string().max(2_000);
/** Text a server wrote, shown only as a quotation. */
const quoted = z.string().max(1_000);
const whole = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const amount = z.number().min(0).max(Number.MAX_SAFE_INTEGER);
const status = z.enum(ARTICLE_STATUSES);
const action = z.enum(WORKFLOW_ACTIONS);
const errno = z.string().max(100);

/** One item of the pre-publish checklist, as the services found it (common/publish/publish-checklist.ts). */
const checklistItemSchema = z.object({
  id: z.string().max(200),
  level: z.enum(['blocker', 'warning']),
  field: z.string().max(50),
  message: z.object({
    key: z.enum(Object.keys(checklistMessagesEn) as [ChecklistMessageKey, ...ChecklistMessageKey[]]),
    params: z.record(z.string().max(50), z.union([z.string().max(2_000), z.number()])).optional(),
  }),
  defaultText: z.string().max(2_000),
});

/** Whether the outbox (or the review sync) should try again, and whether a create may have arrived. */
const remoteFlags = { retryable: z.boolean(), mayHaveArrived: z.boolean() };

/** A newsroom server's refusal or failure (electron/services/review/newsroom-api.ts). */
const NEWSROOM_FAILURES = ['unreachable', 'auth', 'forbidden', 'conflict', 'not-found', 'bad-response'] as const;
const newsroomFailureSchema = z.object({
  kind: z.enum(NEWSROOM_FAILURES.map((failure) => `newsroom-${failure}` as const) as [`newsroom-${(typeof NEWSROOM_FAILURES)[number]}`, ...`newsroom-${(typeof NEWSROOM_FAILURES)[number]}`[]]),
  newsroom: z.enum(NEWSROOM_FAILURES),
  unreachable: z.boolean().optional(),
  status: z.number().int().min(0).max(999).optional(),
});

const kind = <K extends string, S extends z.ZodRawShape>(value: K, shape: S) => z.object({ kind: z.literal(value), ...shape });

/** A row of the remote failure table, with what the exchange showed. */
const remoteFailureSchema = z.object({
  kind: z.enum(REMOTE_FAILURE_KINDS),
  ...remoteFlags,
  /** The host name of the address (the whole address is in `url`, for the log). */
  host: place,
  url: place.optional(),
  status: z.number().int().min(0).max(999).optional(),
  errno: errno.optional(),
  /** What the server's answer said, quoted. */
  serverSaid: quoted.optional(),
  /** The answer was a web page; its title, quoted. */
  pageTitle: quoted.optional(),
  /** With body-too-large and upload limits. */
  sizeMegabytes: amount.optional(),
  maxMegabytes: amount.optional(),
  /** With wp-forbidden on a publish: the statuses the account may set. */
  allowedStatuses: z.array(z.string().max(20)).max(10).optional(),
});

export const APP_ERROR_DETAILS_SCHEMAS = {
  'invalid-input': z.discriminatedUnion('kind', [newsroomFailureSchema, 
    remoteFailureSchema,
    kind('contract-input', { operation: z.string().max(100), issues: whole }),
    kind('unknown-operation', {}),
    /** "Name this version" when the article has as many named versions as it may keep. */
    kind('named-versions-full', { limit: whole }),
    kind('request-too-large', { maxBytes: whole }),
    kind('request-not-json', {}),
    kind('services-options', {}),
    kind('slug-length', {}),
    kind('secret-key', {}),
    kind('article-invalid', { issues: whole }),
    kind('setting-invalid', { issues: whole }),
    kind('language-unknown', { language: name }),
    kind('not-in-trash', { headline: name }),
    kind('bad-id', { id: name }),
    kind('export-format', {}),
    kind('export-folder-missing', {}),
    kind('export-destination', {}),
    kind('reveal-outside', {}),
    kind('job-already-done', { headline: name, target: name }),
    kind('job-not-retryable', { state: z.string().max(20) }),
    kind('job-no-conflict', {}),
    kind('job-cancelled', {}),
    kind('job-article-mismatch', {}),
    kind('webhook-media-address', { target: name }),
    kind('comments-full', { max: whole }),
    kind('replies-full', { max: whole }),
    kind('comment-invalid', { issues: whole }),
    kind('history-full', { max: whole }),
    kind('workflow-unknown-action', {}),
    kind('workflow-event-id', {}),
    kind('workflow-revision', {}),
    kind('workflow-time', {}),
    /** `field` names the form field to fix. */
    kind('note-required', { action, field: z.literal('note') }),
    kind('note-too-long', { max: whole, field: z.literal('note') }),
    kind('schedule-missing', { field: z.literal('scheduledAt') }),
    kind('schedule-in-past', { field: z.literal('scheduledAt') }),
    kind('schedule-not-applicable', { action, field: z.literal('scheduledAt') }),
    kind('profile-missing', { field: z.literal('profile').optional() }),
    kind('headline-missing', { field: z.literal('headline') }),
    kind('hub-article-mismatch', {}),
    kind('hub-input', { issues: whole }),
    kind('hub-package-too-large', { headline: name, megabytes: whole, maxMegabytes: whole }),
    kind('hub-comments-need-plugin', { target: name }),
    kind('hub-suggestions-need-plugin', { target: name, headline: name }),
    kind('hub-target-not-wordpress', { target: name }),
    /** The newsroom server's API (server/http/api-handler.ts) and account commands. */
    kind('server-request-invalid', { issues: whole }),
    kind('account-name-invalid', {}),
    kind('account-role-invalid', { role: z.string().max(50) }),
  ]),
  'not-found': z.discriminatedUnion('kind', [newsroomFailureSchema, 
    kind('article-missing', { id: name }),
    kind('revision-missing', {}),
    kind('photo-missing', { id: name }),
    kind('path-missing', { path: place }),
    kind('job-missing', {}),
    kind('target-missing', { id: name }),
    kind('no-target', {}),
    kind('comment-missing', {}),
    kind('hub-unreachable', { path: place, unreachable: z.literal(true) }),
    kind('hub-article-missing', { headline: name }),
    kind('hub-not-submitted', { headline: name }),
    kind('hub-base-missing', { base: z.string().max(40) }),
    kind('hub-photo-not-in-library', { headline: name, photo: whole }),
    kind('hub-photo-missing', { headline: name, photo: whole, sender: name }),
    kind('hub-post-missing', { headline: name, site: place }),
    kind('hub-target-missing', {}),
    /** On the newsroom server: no such story, or the account may not open it (the two are not told apart). */
    kind('server-story-missing', { id: name }),
    kind('server-call-unknown', {}),
  ]),
  conflict: z.discriminatedUnion('kind', [newsroomFailureSchema, 
    /** The library holds a newer revision than the one the editor opened. */
    kind('article-saved-elsewhere', { headline: name, revision: whole, openedRevision: whole }),
    /** The review hub holds a newer revision: someone else changed the story since this user opened it. */
    kind('hub-changed', {
      headline: name,
      hubRevision: z.union([z.string().max(100), whole]).nullable(),
      updatedBy: name.nullable().optional(),
      postId: whole.nullable().optional(),
    }),
    /** The story was taken out of the hub (since it was opened, or while saving). */
    kind('hub-removed', { headline: name, hubRevision: z.null().optional() }),
    /** Someone else is writing the story to the hub right now. */
    kind('hub-busy', { headline: name, holder: name.nullable().optional(), hubRevision: z.null().optional() }),
    /** Another copy of the library submitted the same story at the same moment. */
    kind('hub-twin', { headline: name, postId: whole, hubRevision: z.union([z.string().max(100), whole]).nullable() }),
    /** Two saves raced and the other one won. */
    kind('hub-race-lost', { headline: name, hubRevision: z.union([z.string().max(100), whole]).nullable() }),
    kind('hub-lock-lost', { headline: name }),
    kind('hub-moved', { linkedHub: place, settingsHub: place, articleHub: z.literal(true) }),
    /** A publication from this machine has not reached the hub yet. */
    kind('hub-publication-unsent', { headline: name, publicationPending: z.literal(true) }),
    /** Local edits the hub has not seen would be replaced (kept under Revisions); maybe workflow actions too. */
    /** `mergeable`: this machine holds the version it last exchanged with the hub, so the two can be merged instead. */
    kind('local-changes-unsent', { headline: name, localChanges: z.literal(true), localRevision: whole, mergeable: z.boolean().optional() }),
    kind('local-changes-and-actions-unsent', { headline: name, localChanges: z.literal(true), localRevision: whole, actions: whole, mergeable: z.boolean().optional() }),
    /** A merge was asked for, but the version last exchanged with the hub is not kept here (records from before merging existed). */
    kind('merge-base-missing', { headline: name, localChanges: z.literal(true), localRevision: whole, mergeable: z.literal(false) }),
    /** The merge would be larger than an article may be; nothing was changed. */
    kind('merge-too-large', { headline: name, localChanges: z.literal(true), localRevision: whole, mergeable: z.literal(false) }),
    kind('workflow-wrong-status', { action, status }),
    kind('workflow-stale', { expected: status, actual: status, by: name }),
    kind('duplicate-id', { id: name }),
    kind('spiked', { headline: name, status }),
    /** Every numbered variant of a folder or file name is taken. */
    kind('name-taken', { name, max: whole }),
    kind('library-open-elsewhere', { pid: whole }),
    kind('library-open-on-host', { host: name }),
    kind('library-lock-contended', {}),
    /** On the newsroom server: a workflow event id already used by another story. */
    kind('server-event-id-taken', { eventId: name }),
    kind('server-story-spiked', { id: name }),
    kind('account-name-taken', { name }),
  ]),
  'corrupt-file': z.discriminatedUnion('kind', [
    kind('collab-log-too-large', {}),
    kind('article-file', { setAsideTo: place.optional() }),
    kind('revision-file', {}),
    kind('job-file', { missing: z.boolean() }),
    kind('publications-file', {}),
    kind('review-record', {}),
    kind('secrets-file', {}),
    kind('secret-undecryptable', {}),
    kind('hub-package', { path: place.optional() }),
    /** A version from the hub that the editor schema (or the article's) refuses. */
    kind('hub-article-invalid', { issues: whole }),
    kind('hub-package-other-article', {}),
    kind('hub-package-edited', { headline: name }),
    kind('hub-package-revision', { headline: name }),
    kind('hub-history-broken', { headline: name }),
    kind('hub-status-mismatch', { headline: name }),
    kind('hub-not-a-file', { path: place }),
    kind('hub-file-too-large', { path: place, megabytes: whole, maxMegabytes: whole }),
    kind('hub-link-outside', { path: place }),
  ]),
  'disk-full': z.discriminatedUnion('kind', [kind('disk-full', { path: place, errno: errno.optional() })]),
  'permission-denied': z.discriminatedUnion('kind', [newsroomFailureSchema, 
    kind('file-access', { path: place, errno: errno.optional() }),
    kind('no-encryption', {}),
    kind('editors-only', { action, role: z.string().max(20) }),
    kind('reporter-status', { action, status, role: z.string().max(20) }),
    kind('reporter-owner', { action, owner: name.nullable(), role: z.string().max(20) }),
    kind('changes-wait-for-action', { headline: name, status }),
    kind('publish-needs-profile', { headline: name }),
    kind('publish-editors-only', {}),
  ]),
  'io-error': z.discriminatedUnion('kind', [
    kind('file-io', { path: place, errno: errno.optional() }),
    kind('folder-is-file', { path: place, errno: errno.optional() }),
    kind('folder-gone', { path: place, errno: errno.optional() }),
    kind('secrets-unreadable', {}),
    kind('local-server-unreachable', {}),
  ]),
  'media-not-image': z.discriminatedUnion('kind', [kind('not-image', { fileName: name }), kind('export-not-image', { mediaId: name })]),
  'media-too-large': z.discriminatedUnion('kind', [
    kind('photo-too-large', { fileName: name, megabytes: amount, maxMegabytes: amount }),
    kind('thumbnail-source-too-large', {}),
    kind('download-page-too-large', {}),
    kind('remote-photo-too-large', { maxMegabytes: amount }),
  ]),
  'media-corrupt': z.discriminatedUnion('kind', [
    kind('photo-empty', { fileName: name }),
    kind('photo-damaged', { fileName: name }),
    kind('thumbnail-failed', {}),
    kind('hub-photo-damaged', { headline: name, photo: whole, sender: name }),
    kind('hub-photo-mismatch', { headline: name, photo: whole, sender: name }),
  ]),
  'forbidden-sender': z.discriminatedUnion('kind', [kind('forbidden-sender', {})]),
  unauthorized: z.discriminatedUnion('kind', [kind('session-expired', {}), kind('server-token-invalid', {})]),
  internal: z.discriminatedUnion('kind', [
    kind('unexpected', {}),
    kind('closing', {}),
    kind('reply-not-understood', {}),
    kind('services-unreachable', {}),
    kind('services-stopped', {}),
    kind('diff-failed', {}),
  ]),
  'remote-unreachable': z.discriminatedUnion('kind', [newsroomFailureSchema, remoteFailureSchema]),
  'remote-timeout': z.discriminatedUnion('kind', [remoteFailureSchema]),
  'remote-tls': z.discriminatedUnion('kind', [remoteFailureSchema]),
  'remote-auth': z.discriminatedUnion('kind', [newsroomFailureSchema, 
    remoteFailureSchema,
    kind('no-password', { target: name }),
    kind('ghost-key-missing', { site: place }),
    kind('ghost-key-malformed', { site: place }),
  ]),
  'remote-forbidden': z.discriminatedUnion('kind', [
    remoteFailureSchema,
    kind('account-may-not-publish', { reason: z.literal('review-only'), allowedStatuses: z.array(z.enum(PUBLISH_STATUSES)).max(10) }),
    kind('account-may-not-write', { reason: z.literal('no-posts'), allowedStatuses: z.array(z.enum(PUBLISH_STATUSES)).max(10) }),
  ]),
  'remote-not-found': z.discriminatedUnion('kind', [remoteFailureSchema, kind('post-gone', { site: place })]),
  'remote-too-large': z.discriminatedUnion('kind', [newsroomFailureSchema, remoteFailureSchema]),
  'remote-server-error': z.discriminatedUnion('kind', [newsroomFailureSchema, remoteFailureSchema]),
  'remote-bad-response': z.discriminatedUnion('kind', [newsroomFailureSchema, 
    remoteFailureSchema,
    /** The server answered about another post or media item than the one asked for. */
    kind('answer-mixed-up', { ...remoteFlags }),
    kind('upload-unacknowledged', {}),
    kind('upload-no-address', { site: place }),
    kind('created-without-id', { ...remoteFlags }),
    kind('status-not-kept', { postId: whole, wanted: z.string().max(20), kept: z.string().max(20) }),
    kind('hub-revision-not-kept', { headline: name }),
    kind('download-redirect', { host: place }),
    kind('download-page', { host: place, retryable: z.literal(true), webPage: z.literal(true) }),
    kind('download-private-address', { host: place, outsideSite: z.literal(true) }),
    kind('download-bad-address', {}),
    kind('download-other-origin', { host: place, outsideSite: z.literal(true) }),
  ]),
  'remote-not-wordpress': z.discriminatedUnion('kind', [kind('not-wordpress', { site: place })]),
  'remote-not-ghost': z.discriminatedUnion('kind', [kind('not-ghost', { site: place })]),
  'remote-conflict': z.discriminatedUnion('kind', [remoteFailureSchema, kind('post-edited-elsewhere', { target: name })]),
  'checklist-blocked': z.discriminatedUnion('kind', [kind('checklist-blocked', { items: z.array(checklistItemSchema).max(100) })]),
  'secrets-unavailable': z.discriminatedUnion('kind', [kind('signing-key-missing', { target: name }), kind('password-file-unreadable', {})]),
  'services-restarting': z.discriminatedUnion('kind', [kind('services-restarting', {})]),
} as const satisfies Record<AppErrorCode, z.ZodType<{ kind: string }>>;

type Schemas = typeof APP_ERROR_DETAILS_SCHEMAS;

/** The typed details of one code. */
export type AppErrorDetails<C extends AppErrorCode = AppErrorCode> = { [K in C]: z.output<Schemas[K]> }[C];
/** Every kind, over all codes: each has the message `error.<kind>` in every catalogue. */
export type AppErrorKind = AppErrorDetails['kind'];

/** A code with its details, narrowed together: `if (failure.code === 'conflict') failure.details.kind`. */
export type AppFailure = { [C in AppErrorCode]: { code: C; details: AppErrorDetails<C> | undefined } }[AppErrorCode];

/** The details as they arrived from another process, or undefined when they do not fit the code's schema. */
export function parseAppErrorDetails<C extends AppErrorCode>(code: C, raw: unknown): AppErrorDetails<C> | undefined {
  if (raw === undefined || raw === null) return undefined;
  const parsed = (APP_ERROR_DETAILS_SCHEMAS[code] as z.ZodType).safeParse(raw);
  return parsed.success ? (parsed.data as AppErrorDetails<C>) : undefined;
}

/** The kinds a code can carry (for the catalogue test). */
export function appErrorKinds(code: AppErrorCode): string[] {
  const schema = APP_ERROR_DETAILS_SCHEMAS[code] as unknown as { options: readonly z.ZodObject[] };
  return schema.options.flatMap((option) => {
    const discriminator = option.shape.kind as z.ZodType;
    if (discriminator instanceof z.ZodLiteral) return [...discriminator.values].map(String);
    if (discriminator instanceof z.ZodEnum) return discriminator.options.map(String);
    return [];
  });
}
