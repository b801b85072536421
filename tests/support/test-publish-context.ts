// Runs in: vitest (node). A PublishContext held in memory, for adapter tests: photos made in code,
// a media registry and a checkpoint that persist across "attempts" like the outbox's do.
import { createHash } from 'node:crypto';
import type { Article } from '../../common/article';
import type { MediaInfo } from '../../common/contract';
import type { JobProgress, PublicationRecord, PublishOptions } from '../../common/publish/publish-job';
import { isUnchangedOnTarget, type Checkpoint, type MediaRegistry, type PublishContext, type RemoteMedia, type UnchangedOnTarget } from '../../electron/services/publish/publish-target';

/** The record of a publish that sent something; throws when the adapter reported the target unchanged. */
export function sent(outcome: PublicationRecord | UnchangedOnTarget): PublicationRecord {
  if (isUnchangedOnTarget(outcome)) throw new Error('Expected a publish, but the adapter found the target unchanged and sent nothing');
  return outcome;
}

export interface TestPhoto {
  id: string;
  bytes: Uint8Array;
  name: string;
}

export function testPhoto(bytes: Uint8Array, name: string): TestPhoto {
  return { id: `${createHash('sha256').update(bytes).digest('hex')}.png`, bytes, name };
}

export class MemoryMediaRegistry implements MediaRegistry {
  readonly entries = new Map<string, RemoteMedia>();
  async get(mediaId: string): Promise<RemoteMedia | null> {
    return this.entries.get(mediaId) ?? null;
  }
  async set(mediaId: string, remote: RemoteMedia): Promise<void> {
    this.entries.set(mediaId, remote);
  }
}

export interface TestJob {
  /** A fresh context for the next attempt of the same job (same id, checkpoint and registry). */
  attempt(overrides?: Partial<Pick<PublishContext, 'previous' | 'overwriteConflict' | 'options' | 'signal'>>): PublishContext;
  checkpoint: Checkpoint;
  progress: JobProgress[];
}

export function testJob(
  jobId: string,
  article: Article,
  photos: TestPhoto[],
  opts: { options?: Partial<PublishOptions>; registry?: MemoryMediaRegistry; previous?: PublicationRecord | null } = {},
): TestJob {
  const registry = opts.registry ?? new MemoryMediaRegistry();
  const job: TestJob = {
    checkpoint: {},
    progress: [],
    attempt(overrides = {}) {
      return {
        jobId,
        article,
        options: { status: 'published', scheduledAt: null, overriddenWarnings: [], ...opts.options },
        previous: opts.previous ?? null,
        overwriteConflict: false,
        checkpoint: { ...job.checkpoint },
        async saveCheckpoint(next) {
          job.checkpoint = { ...next };
        },
        mediaRegistry: registry,
        async readMedia(mediaId) {
          const photo = photos.find((p) => p.id === mediaId);
          if (!photo) throw new Error(`no photo ${mediaId}`);
          return photo.bytes;
        },
        async mediaInfo(mediaId): Promise<MediaInfo> {
          const photo = photos.find((p) => p.id === mediaId);
          return { id: mediaId, mimeType: 'image/png', bytes: photo?.bytes.byteLength ?? 0, width: 8, height: 8, caption: '', credit: '', copyright: '', originalName: photo?.name ?? '' };
        },
        reportProgress(progress) {
          job.progress.push(progress);
        },
        signal: new AbortController().signal,
        ...overrides,
      };
    },
  };
  return job;
}
