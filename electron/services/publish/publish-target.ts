// Runs in: services. What every publishing backend implements. The outbox drives an adapter
// through a job; the adapter records each step it completes in the job's checkpoint (persisted
// before the next network call), so a retry after a crash or a lost reply resumes instead of
// repeating: media is uploaded once per content hash, the post is created once.
import type { Article } from '../../../common/article';
import type { MediaInfo } from '../../../common/contract';
import type { ConflictDetails, JobProgress, PublicationRecord, PublishOptions } from '../../../common/publish/publish-job';
import type { ConnectionReport, TargetConfig } from '../../../common/publish/publish-target-config';

/** Adapter-owned progress that must survive a crash; persisted with the job after every change. */
export type Checkpoint = Record<string, unknown>;

export interface PublishContext {
  /** The outbox job's id: unique, stable across retries (webhook Idempotency-Key, WordPress marker). */
  jobId: string;
  article: Article;
  options: PublishOptions;
  /** The record of the last successful publish of this article to this target, if any (for updates and conflict checks). */
  previous: PublicationRecord | null;
  /** When true the person chose to overwrite a post that was changed on the server. */
  overwriteConflict: boolean;
  /** What earlier attempts of this job already did; mutate via `saveCheckpoint`. */
  checkpoint: Checkpoint;
  /** Persists the checkpoint (atomically) before returning; call it right after each remote step succeeds. */
  saveCheckpoint(next: Checkpoint): Promise<void>;
  /** Remote ids of photos already uploaded to this target, by media id (content hash); shared across articles. */
  mediaRegistry: MediaRegistry;
  readMedia(mediaId: string): Promise<Uint8Array>;
  mediaInfo(mediaId: string): Promise<MediaInfo>;
  reportProgress(progress: JobProgress): void;
  /** Aborted when the person cancels the job. */
  signal: AbortSignal;
}

export interface MediaRegistry {
  get(mediaId: string): Promise<RemoteMedia | null>;
  set(mediaId: string, remote: RemoteMedia): Promise<void>;
}

export interface RemoteMedia {
  remoteId: string;
  url: string;
}

/** Thrown by an adapter when the post was changed on the server since our last publish. */
export class PublishConflict extends Error {
  constructor(readonly details: ConflictDetails) {
    super('The post was changed on the server since it was last published from Dateline');
    this.name = 'PublishConflict';
  }
}

/**
 * What an adapter returns instead of a new record when the target already holds exactly what the job
 * would send (the same content, by a hash that leaves out volatile timestamps, with the same status
 * and schedule): nothing was sent. `unchanged` is the record of the publish that put it there.
 */
export interface UnchangedOnTarget {
  unchanged: PublicationRecord;
}

export function isUnchangedOnTarget(outcome: PublicationRecord | UnchangedOnTarget): outcome is UnchangedOnTarget {
  return 'unchanged' in outcome;
}

/**
 * True when `previous` records exactly `contentHash` published with the job's status. The hash must
 * cover everything the status does not: a scheduled time, the destination address.
 */
export function alreadyOnTarget(ctx: Pick<PublishContext, 'previous' | 'options' | 'overwriteConflict'>, contentHash: string): boolean {
  return ctx.previous !== null && !ctx.overwriteConflict && ctx.previous.contentHash === contentHash && ctx.previous.status === ctx.options.status;
}

export interface PublishTarget {
  readonly config: TargetConfig;
  /** Checks the address and credentials and reports what the account may do. Throws AppError with a remote-* code. */
  testConnection(signal?: AbortSignal): Promise<ConnectionReport>;
  /**
   * Publishes (or updates) the article. Must be safe to call again after any failure, including
   * one where the server committed but the reply was lost. Throws AppError (remote-* codes) or
   * PublishConflict. May skip the send when the target already holds this version (UnchangedOnTarget).
   */
  publish(context: PublishContext): Promise<PublicationRecord | UnchangedOnTarget>;
}
