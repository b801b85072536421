// Runs in: services. The persisted publishing queue. Each job is written to disk before any network
// call; a runner sends one job at a time per target, in order, through its adapter with a checkpoint
// that survives crashes. Unreachable backends wait and retry with backoff; conflicts wait for a
// person; cancelled jobs never run again; only `done` writes the publication record. A remote item an
// unfinished job created stays known per article and target, so the next job adopts it (no twins).
// A newer version is never replaced by an older one, whatever the target: a job whose article has
// since gone to the same target at a newer revision, or has a newer job there, is not sent but
// cancelled as overtaken; Retry sends the current saved version, not the one first queued.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Article } from '../../../../common/article';
import { AppError, isAppError } from '../../../../common/app-error';
import type { MediaInfo } from '../../../../common/contract';
import type { JobError, JobSkip, OutboxJob, PublicationRecord, PublishOptions } from '../../../../common/publish/publish-job';
import { PUBLISH_STATUSES, type TargetConfig } from '../../../../common/publish/publish-target-config';
import { isRetryableRemoteError } from '../http/classify-http-failure';
import { CHECKPOINT_ADOPT, CHECKPOINT_REMOTE_ID, PendingRemoteStore } from '../pending-remote-store';
import type { PublicationStore } from '../publication-store';
import { isUnchangedOnTarget, PublishConflict, type MediaRegistry, type PublishContext, type PublishTarget } from '../publish-target';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { OutboxFiles } from './outbox-files';
import { consoleLogger, type Logger } from '../../log/logger';
import type { StoredJob } from './stored-job';

export interface OutboxClock {
  now(): number;
}

export interface OutboxOptions {
  libraryRoot: string;
  /** The adapter for a target id; throws AppError('not-found') when the target was removed. */
  resolveTarget(targetId: string): Promise<PublishTarget>;
  publications: PublicationStore;
  /** Remote items of unfinished jobs; defaults to the store in `libraryRoot`. */
  pending?: PendingRemoteStore;
  mediaRegistry(targetId: string): MediaRegistry;
  readMedia(mediaId: string): Promise<Uint8Array>;
  mediaInfo(mediaId: string): Promise<MediaInfo>;
  clock?: OutboxClock;
  backoff?: Partial<BackoffPolicy>;
  /** How often waiting jobs are checked even without a nudge; 0 turns the timer off (tests). */
  pollMs?: number;
  /** Done and cancelled jobs older than this are forgotten at open. */
  keepFinishedMs?: number;
  onChange?(job: OutboxJob): void;
  /** Where problems are written. @default consoleLogger */
  logger?: Logger;
}

const TERMINAL = new Set(['done', 'cancelled']);
const IN_LINE = new Set(['queued', 'waiting', 'running']);
/** A later job of the same revision in these states still means to go out, with the person's latest options. */
const STILL_MEANT = new Set([...IN_LINE, 'conflict']);
/** A job of a newer revision in these states means the older one must not go out (a failed one waits for its Retry). */
const NEWER_VERSION = new Set([...STILL_MEANT, 'failed', 'done']);

interface Lane {
  jobId: string;
  controller: AbortController;
  run: Promise<void>;
}

export class Outbox {
  private readonly files: OutboxFiles;
  private readonly pending: PendingRemoteStore;
  private readonly jobs = new Map<string, StoredJob>();
  private readonly lanes = new Map<string, Lane>();
  /** Jobs whose copy of the article is being replaced: the runner must not pick them halfway. */
  private readonly held = new Set<string>();
  private readonly clock: OutboxClock;
  private readonly backoff: BackoffPolicy;
  private wakeTimer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private closing = false;
  private lastIdTime = 0;
  /** Files the outbox could not read at open, for a support message. */
  problems: string[] = [];

  constructor(private readonly options: OutboxOptions) {
    this.files = new OutboxFiles(join(options.libraryRoot, 'outbox'));
    this.pending = options.pending ?? new PendingRemoteStore(options.libraryRoot);
    this.clock = options.clock ?? { now: () => Date.now() };
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  }

  /** Loads the queue; jobs a crash left `running` go back to `queued` and resume from their checkpoint. */
  async open(): Promise<void> {
    const { jobs, problems } = await this.files.loadAll();
    this.problems = problems;
    const forgetBefore = this.clock.now() - (this.options.keepFinishedMs ?? 30 * 24 * 3600_000);
    for (const stored of jobs) {
      if (TERMINAL.has(stored.job.state) && Date.parse(stored.job.updatedAt) < forgetBefore) {
        await this.files.remove(stored.job.id);
        continue;
      }
      this.jobs.set(stored.job.id, stored);
      if (stored.job.state === 'running') await this.update(stored, { state: 'queued' });
    }
    const pollMs = this.options.pollMs ?? 30_000;
    if (pollMs > 0) {
      this.pollTimer = setInterval(() => this.pump(), pollMs);
      this.pollTimer.unref();
    }
    this.pump();
  }

  /** Persists a job with a frozen copy of the article, so later edits do not change what is sent. */
  async enqueue(article: Article, target: TargetConfig, options: PublishOptions): Promise<OutboxJob> {
    const now = this.iso();
    // Ids sort in enqueue order (the runner's order), even for two jobs in the same millisecond.
    this.lastIdTime = Math.max(this.clock.now(), this.lastIdTime + 1);
    const id = `${this.lastIdTime.toString(36).padStart(10, '0')}${randomBytes(6).toString('hex')}`;
    const stored: StoredJob = {
      version: 1,
      job: {
        id,
        articleId: article.id,
        targetId: target.id,
        targetKind: target.kind,
        targetName: target.name,
        headline: article.headline,
        articleRevision: article.revision,
        options,
        state: 'queued',
        createdAt: now,
        updatedAt: now,
        attempts: 0,
        nextAttemptAt: null,
        progress: { step: 'queued', mediaDone: 0, mediaTotal: 0 },
        lastError: null,
        conflict: null,
        result: null,
        skipped: null,
        resnapshot: null,
      },
      checkpoint: {},
      overwrite: false,
    };
    await this.files.writeSnapshot(id, article);
    await this.files.writeJob(stored);
    this.jobs.set(id, stored);
    this.emit(stored);
    this.pump();
    return { ...stored.job };
  }

  /** Newest first. */
  list(articleId?: string): OutboxJob[] {
    return [...this.jobs.values()]
      .map((s) => s.job)
      .filter((job) => !articleId || job.articleId === articleId)
      .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
      .map((job) => ({ ...job }));
  }

  get(jobId: string): OutboxJob {
    return { ...this.stored(jobId).job };
  }

  /** Stops a job for good; a running one has its request aborted. */
  async cancel(jobId: string): Promise<OutboxJob> {
    const stored = this.stored(jobId);
    if (stored.job.state === 'done') throw new AppError('invalid-input', `"${stored.job.headline}" is already published to ${stored.job.targetName}; there is nothing to cancel`, {
        kind: 'job-already-done',
        headline: stored.job.headline,
        target: stored.job.targetName,
      });
    if (stored.job.state !== 'cancelled') {
      await this.update(stored, { state: 'cancelled', nextAttemptAt: null });
      const lane = this.lanes.get(stored.job.targetId);
      if (lane?.jobId === jobId) lane.controller.abort(new AppError('invalid-input', 'The publishing job was cancelled', { kind: 'job-cancelled' }));
    }
    return this.get(jobId);
  }

  /**
   * Runs a failed (or waiting) job again now. Given the article's current saved version and it is
   * newer than the job's copy, that version replaces the copy (the job says so in `resnapshot`) and
   * the job starts afresh; otherwise it resumes from its checkpoint.
   */
  async retry(jobId: string, current?: Article): Promise<OutboxJob> {
    const stored = this.stored(jobId);
    this.assertRetryable(stored.job);
    const patch: Partial<OutboxJob> = {};
    this.held.add(jobId);
    try {
      if (current && current.revision > stored.job.articleRevision) {
        if (current.id !== stored.job.articleId) throw new AppError('invalid-input', `Article ${current.id} is not the one job ${jobId} publishes`, { kind: 'job-article-mismatch' });
        await this.files.writeSnapshot(jobId, current);
        // The checkpoint described the old copy; a remote item it made comes back through the pending store.
        stored.checkpoint = {};
        // An overwrite was chosen after comparing the old copy: the new one needs its own decision.
        stored.overwrite = false;
        Object.assign(patch, {
          articleRevision: current.revision,
          headline: current.headline,
          resnapshot: { fromRevision: stored.job.resnapshot?.fromRevision ?? stored.job.articleRevision, at: this.iso() },
          progress: { step: 'queued', mediaDone: 0, mediaTotal: 0 },
        });
      }
      await this.update(stored, { ...patch, state: 'queued', nextAttemptAt: null, lastError: null });
    } finally {
      this.held.delete(jobId);
    }
    this.pump();
    return this.get(jobId);
  }

  /** Throws unless the job is failed or waiting. */
  assertRetryable(job: Pick<OutboxJob, 'state'>): void {
    if (job.state !== 'failed' && job.state !== 'waiting') {
      throw new AppError('invalid-input', `Only a failed or waiting job can be retried; this one is ${job.state}`, { kind: 'job-not-retryable', state: job.state });
    }
  }

  async resolveConflict(jobId: string, resolution: 'overwrite' | 'cancel'): Promise<OutboxJob> {
    const stored = this.stored(jobId);
    if (stored.job.state !== 'conflict') throw new AppError('invalid-input', `This job has no conflict to resolve; it is ${stored.job.state}`, { kind: 'job-no-conflict' });
    if (resolution === 'cancel') {
      await this.update(stored, { state: 'cancelled' });
    } else {
      stored.overwrite = true;
      await this.update(stored, { state: 'queued', conflict: null, lastError: null });
      this.pump();
    }
    return this.get(jobId);
  }

  /** The network is back (or the person asked): waiting jobs are tried now. */
  online(): void {
    for (const stored of this.jobs.values()) {
      if (stored.job.state === 'waiting') stored.job.nextAttemptAt = this.iso();
    }
    this.pump();
  }

  /** Starts whatever is due now; the periodic timer and every state change call this. */
  tick(): void {
    this.pump();
  }

  /** Resolves once nothing is running (jobs still waiting for their next try do not count). */
  async whenIdle(): Promise<void> {
    while (this.lanes.size > 0) await Promise.all([...this.lanes.values()].map((lane) => lane.run));
  }

  /** Aborts in-flight requests (those jobs resume from their checkpoint next time) and flushes writes. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    if (this.pollTimer) clearInterval(this.pollTimer);
    for (const lane of this.lanes.values()) lane.controller.abort(new AppError('internal', 'Dateline is closing', { kind: 'closing' }));
    await this.whenIdle();
    await this.files.flush();
  }

  private pump(): void {
    if (this.closing) return;
    const now = this.clock.now();
    const heads = new Map<string, StoredJob>();
    for (const stored of [...this.jobs.values()].sort(byCreation)) {
      if (IN_LINE.has(stored.job.state) && !heads.has(stored.job.targetId)) heads.set(stored.job.targetId, stored);
    }
    let nextWake = Number.POSITIVE_INFINITY;
    for (const [targetId, head] of heads) {
      if (this.lanes.has(targetId) || head.job.state === 'running' || this.held.has(head.job.id)) continue;
      const due = head.job.state === 'waiting' && head.job.nextAttemptAt ? Date.parse(head.job.nextAttemptAt) : now;
      if (due > now) {
        nextWake = Math.min(nextWake, due);
        continue;
      }
      this.start(head);
    }
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    if (Number.isFinite(nextWake)) {
      this.wakeTimer = setTimeout(() => this.pump(), Math.max(0, nextWake - now));
      this.wakeTimer.unref();
    }
  }

  private start(stored: StoredJob): void {
    const controller = new AbortController();
    const lane: Lane = { jobId: stored.job.id, controller, run: Promise.resolve() };
    this.lanes.set(stored.job.targetId, lane);
    lane.run = this.run(stored, controller)
      .catch((error: unknown) => (this.options.logger ?? consoleLogger).warn(`[outbox] job ${stored.job.id} could not be recorded:`, error))
      .finally(() => {
        this.lanes.delete(stored.job.targetId);
        this.pump();
      });
  }

  private async run(stored: StoredJob, controller: AbortController): Promise<void> {
    const job = stored.job;
    await this.update(stored, { state: 'running', attempts: job.attempts + 1, nextAttemptAt: null });
    try {
      const previous = await this.options.publications.get(job.articleId, job.targetId);
      const overtaken = this.overtaken(job, previous);
      if (overtaken) {
        // Nothing was sent: a remote item this job made stays pending, for the newer job to adopt.
        await this.update(stored, { state: 'cancelled', skipped: overtaken, lastError: null, nextAttemptAt: null });
        return;
      }
      const target = await this.options.resolveTarget(job.targetId);
      const article = await this.files.readSnapshot(job.id);
      await this.offerPendingRemote(stored);
      let announced = stored.checkpoint[CHECKPOINT_REMOTE_ID];
      const context: PublishContext = {
        jobId: job.id,
        article,
        options: job.options,
        previous,
        overwriteConflict: stored.overwrite,
        checkpoint: { ...stored.checkpoint },
        saveCheckpoint: async (next) => {
          stored.checkpoint = { ...next };
          await this.files.writeJob(stored);
          // The remote item outlives this job: a later job for the same article must update it, not make another.
          const remoteId = next[CHECKPOINT_REMOTE_ID];
          if (typeof remoteId === 'string' && remoteId !== announced) {
            await this.pending.set(job.targetId, job.articleId, { remoteId, jobId: job.id, since: this.iso() });
            announced = remoteId;
          }
        },
        mediaRegistry: this.options.mediaRegistry(job.targetId),
        readMedia: (mediaId) => this.options.readMedia(mediaId),
        mediaInfo: (mediaId) => this.options.mediaInfo(mediaId),
        reportProgress: (progress) => {
          const stepChanged = progress.step !== job.progress.step;
          job.progress = { ...progress };
          this.emit(stored);
          if (stepChanged) void this.files.writeJob(stored).catch((error: unknown) => (this.options.logger ?? consoleLogger).warn('[outbox] could not save progress:', error));
        },
        signal: controller.signal,
      };
      const outcome = await target.publish(context);
      let record: PublicationRecord;
      let skipped: JobSkip | null = null;
      if (isUnchangedOnTarget(outcome)) {
        // The target holds exactly this version already: it now stands for this revision too.
        skipped = { reason: 'unchanged', articleRevision: outcome.unchanged.articleRevision, jobId: null };
        record = { ...outcome.unchanged, articleRevision: Math.max(outcome.unchanged.articleRevision, article.revision) };
      } else {
        record = outcome;
      }
      // Published, even if the person pressed cancel as it finished: record the truth (never an older revision).
      if (!(await this.options.publications.put(job.articleId, record))) {
        (this.options.logger ?? consoleLogger).warn(`[outbox] job ${job.id} sent revision ${record.articleRevision}, but a newer one is recorded for ${job.targetId}; the record keeps the newer`);
      }
      stored.overwrite = false;
      await this.update(stored, { state: 'done', result: record, skipped, lastError: null, conflict: null, nextAttemptAt: null });
    } catch (error) {
      await this.settleFailure(stored, controller, error);
      return;
    }
    // The publication record now names the item; a leftover entry would only repeat it.
    await this.pending.clear(job.targetId, job.articleId).catch((error: unknown) => (this.options.logger ?? consoleLogger).warn('[outbox] could not clear the pending remote item:', error));
  }

  /**
   * Why `job` must not be sent as it is, if it must not: the target got a newer revision since it
   * was queued, or a newer job for the same article and target is in the outbox.
   */
  private overtaken(job: OutboxJob, previous: PublicationRecord | null): JobSkip | null {
    if (previous && previous.articleRevision > job.articleRevision) return { reason: 'overtaken', articleRevision: previous.articleRevision, jobId: null };
    let newest: OutboxJob | null = null;
    for (const { job: other } of this.jobs.values()) {
      if (other.id === job.id || other.articleId !== job.articleId || other.targetId !== job.targetId) continue;
      const newerVersion = other.articleRevision > job.articleRevision && NEWER_VERSION.has(other.state);
      const laterIntent = other.articleRevision === job.articleRevision && other.id > job.id && STILL_MEANT.has(other.state);
      if (!newerVersion && !laterIntent) continue;
      if (!newest || other.articleRevision > newest.articleRevision || (other.articleRevision === newest.articleRevision && other.id > newest.id)) newest = other;
    }
    return newest ? { reason: 'overtaken', articleRevision: newest.articleRevision, jobId: newest.id } : null;
  }

  /**
   * A job that has no remote item of its own yet is offered the one an unfinished earlier job left,
   * or the one it made itself before Retry gave it a newer copy of the article.
   */
  private async offerPendingRemote(stored: StoredJob): Promise<void> {
    if (typeof stored.checkpoint[CHECKPOINT_REMOTE_ID] === 'string') return;
    const pending = await this.pending.get(stored.job.targetId, stored.job.articleId);
    const offer = pending ? { remoteId: pending.remoteId, jobId: pending.jobId } : undefined;
    if (JSON.stringify(offer) === JSON.stringify(stored.checkpoint[CHECKPOINT_ADOPT])) return;
    const { [CHECKPOINT_ADOPT]: _previousOffer, ...rest } = stored.checkpoint;
    stored.checkpoint = offer ? { ...rest, [CHECKPOINT_ADOPT]: offer } : rest;
    await this.files.writeJob(stored);
  }

  private async settleFailure(stored: StoredJob, controller: AbortController, error: unknown): Promise<void> {
    if (stored.job.state === 'cancelled') return;
    if (controller.signal.aborted && this.closing) {
      await this.update(stored, { state: 'queued' });
      return;
    }
    if (error instanceof PublishConflict) {
      await this.update(stored, {
        state: 'conflict',
        conflict: error.details,
        lastError: {
          code: 'remote-conflict',
          message: `${error.message}: compare both versions, then overwrite or cancel`,
          details: { kind: 'post-edited-elsewhere', target: stored.job.targetName },
        },
      });
      return;
    }
    const lastError = jobError(error);
    if (isRetryableRemoteError(error)) {
      const delay = backoffDelay(stored.job.attempts, this.backoff);
      await this.update(stored, { state: 'waiting', lastError, nextAttemptAt: new Date(this.clock.now() + delay).toISOString() });
      return;
    }
    await this.update(stored, { state: 'failed', lastError });
  }

  private stored(jobId: string): StoredJob {
    const stored = this.jobs.get(jobId);
    if (!stored) throw new AppError('not-found', `There is no publishing job ${jobId} in the outbox`, { kind: 'job-missing' });
    return stored;
  }

  private async update(stored: StoredJob, patch: Partial<OutboxJob>): Promise<void> {
    Object.assign(stored.job, patch, { updatedAt: this.iso() });
    // Listeners hear of the change the moment outbox.get can return it (the workflow records a
    // finished job before any reader can see it done), then it is persisted.
    this.emit(stored);
    await this.files.writeJob(stored);
  }

  private emit(stored: StoredJob): void {
    try {
      this.options.onChange?.({ ...stored.job });
    } catch (error) {
      (this.options.logger ?? consoleLogger).warn('[outbox] change listener failed:', error);
    }
  }

  private iso(): string {
    return new Date(this.clock.now()).toISOString();
  }
}

function byCreation(a: StoredJob, b: StoredJob): number {
  return a.job.id < b.job.id ? -1 : a.job.id > b.job.id ? 1 : 0;
}

function jobError(error: unknown): JobError {
  if (isAppError(error)) {
    const { status, allowedStatuses } = (error.details ?? {}) as { status?: unknown; allowedStatuses?: unknown };
    const allowed = Array.isArray(allowedStatuses) ? PUBLISH_STATUSES.filter((s) => allowedStatuses.includes(s)) : null;
    const { details } = error.failure;
    return {
      code: error.code,
      message: error.message,
      ...(typeof status === 'number' ? { status } : {}),
      ...(allowed ? { allowedStatuses: allowed } : {}),
      ...(details ? { details } : {}),
    };
  }
  return { code: 'internal', message: `Publishing stopped on an unexpected error: ${error instanceof Error ? error.message : String(error)}`, details: { kind: 'unexpected' } };
}
