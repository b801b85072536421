// Runs in: services. The review record kept beside each article in the library,
// articles/<id>/review.json: its workflow history, comments, where it is in a review hub, and the
// versions the diff view compares with. Written atomically, one write per article at a time.
import { recordedErrorSchema } from '../../../common/errors/recorded-error';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../common/app-error';
import { articleIdSchema, articleSchema, type Article } from '../../../common/article';
import { MAX_COMMENTS, reviewCommentSchema } from '../../../common/workflow/review-comment';
import { hubKindSchema } from '../../../common/workflow/review-contract';
import { workflowEventSchema } from '../../../common/workflow/workflow-event';
import { MAX_HISTORY_EVENTS } from '../../../common/workflow/workflow-history';
import { atomicWriteFile } from '../store/atomic-write';
import { fsAppError } from '../store/fs-app-error';
import { KeyedQueue } from '../store/keyed-queue';
import { readJsonFile } from '../store/read-json-file';

const time = z.iso.datetime({ offset: true });

export const reviewRecordSchema = z.object({
  schemaVersion: z.literal(1),
  history: z.array(workflowEventSchema).max(MAX_HISTORY_EVENTS),
  comments: z.array(reviewCommentSchema).max(MAX_COMMENTS),
  hub: z
    .object({
      kind: hubKindSchema,
      location: z.string(),
      hubRevision: z.number().int().nonnegative(),
      submittedTo: z.string(),
      syncedAt: time,
      localRevision: z.number().int().nonnegative().default(0),
      keepsComments: z.boolean().default(true),
    })
    .nullable(),
  /** The version this machine had before it last took a newer one from the hub: the base of "changes since you last saw it". */
  lastSeen: z.object({ article: articleSchema, at: time }).nullable(),
  /** The hub's version before the latest resubmission: the base of "changes since it was returned". */
  previousSubmission: articleSchema.nullable(),
  /** The article as it was last submitted (sent from here, or taken from the hub while submitted): the base of "changes since it was submitted". */
  submitted: z.object({ article: articleSchema, at: time }).nullable().default(null),
  /**
   * The article as this machine and the hub last agreed on it (at `hub.localRevision`): the base of
   * merging what was typed here with a newer version from the hub. Null in records written before.
   */
  synced: articleSchema.nullable().default(null),
  /**
   * A merge being written: the library revision it gets and the hub version it merged. Found still
   * here with the library at that revision, the merge landed and the record was not written after
   * it; opening finishes it rather than merging the merge again.
   */
  merging: z
    .object({
      hubRevision: z.number().int().nonnegative(),
      revision: z.number().int().nonnegative(),
      /** The writer's version before the merge: what "changes since you last saw it" compares with. */
      lastSeen: articleSchema,
      summary: z.object({ fieldsFromHub: z.array(z.string().max(100)).max(100), blocksBothChanged: z.number().int().nonnegative(), blocksKeptFromHub: z.number().int().nonnegative() }),
    })
    .nullable()
    .default(null),
  /**
   * Workflow actions or comments recorded here while the hub could not be reached: the article,
   * history and comments are sent as they are when it can be ('submit' for a first submission).
   */
  pendingSync: z
    .object({
      kind: z.enum(['submit', 'update']),
      to: z.string(),
      since: time,
      attempts: z.number().int().nonnegative(),
      lastError: recordedErrorSchema,
      /** Someone else changed the article in the hub meanwhile: retrying cannot help, a person must decide. */
      conflict: z.boolean(),
      /** A publication recorded after our own publishing job (which moved the hub's token): send on the current token. */
      rebase: z.boolean().default(false),
      /** The hub answered and refused the last try (a damaged package, a permission), rather than not being reachable or failing for a while (5xx). */
      refused: z.boolean().default(false),
      /** Refusals in a row: how long the periodic sync waits before offering it again (sync-due.ts). */
      refusals: z.number().int().nonnegative().default(0),
      /** When the last try was made: refused work is offered again less and less often (sync-due.ts). */
      lastTriedAt: time.nullable().default(null),
    })
    .nullable()
    .default(null),
});
export type ReviewRecord = z.infer<typeof reviewRecordSchema>;

export function emptyReviewRecord(): ReviewRecord {
  return { schemaVersion: 1, history: [], comments: [], hub: null, lastSeen: null, previousSubmission: null, submitted: null, synced: null, merging: null, pendingSync: null };
}

/** What `synced` becomes once `hub` is written: the article when the link now names its revision, else what was kept. */
export function syncedAfter(hub: ReviewRecord['hub'], article: Article, kept: Article | null): Article | null {
  return hub !== null && hub.localRevision === article.revision ? article : kept;
}

/**
 * The version a merge starts from: kept only while it is the one the hub link names, and only for a
 * hub that keeps the article as sent (WordPress without the companion plugin rebuilds it from the
 * post's HTML, so every block would look changed by the desk).
 */
export function mergeBaseOf(record: ReviewRecord): Article | null {
  const link = record.hub;
  return link !== null && link.keepsComments && record.synced !== null && record.synced.revision === link.localRevision ? record.synced : null;
}

const pendingIndexSchema = z.object({ version: z.literal(1), ids: z.array(articleIdSchema) });
const PENDING_KEY = '\0pending-index';

export class ReviewRecordStore {
  private readonly queue = new KeyedQueue();
  private pending: Set<string> | null = null;

  /** `onUpdate` hears every record written (the services announce it as `review.articleChanged`). */
  constructor(
    private readonly libraryRoot: string,
    private readonly onUpdate: (articleId: string) => void = () => undefined,
  ) {}

  /** Articles with something waiting to be sent to the hub (review-pending.json, kept beside the articles). */
  async pendingIds(): Promise<string[]> {
    return [...(await this.pendingSet())];
  }

  /** The record, or an empty one for an article that never entered the workflow. */
  async get(articleId: string): Promise<ReviewRecord> {
    const path = this.pathFor(articleId);
    const read = await readJsonFile(path, reviewRecordSchema);
    if (read.kind === 'missing') return emptyReviewRecord();
    if (read.kind === 'unreadable') {
      throw new AppError(
        'corrupt-file',
        `The review record of this article (${path}) cannot be read: ${read.reason}. Move it aside and open the article from the review hub again.`,
        { kind: 'review-record' },
      );
    }
    return read.value;
  }

  /** Reads, changes and writes the record with no other change to it in between. */
  update(articleId: string, change: (record: ReviewRecord) => ReviewRecord | Promise<ReviewRecord>): Promise<ReviewRecord> {
    return this.queue.run(articleId, async () => {
      const next = reviewRecordSchema.parse(await change(await this.get(articleId)));
      const dir = join(this.libraryRoot, 'articles', articleId);
      await mkdir(dir, { recursive: true }).catch((error: unknown) => {
        throw fsAppError(error, dir, 'create');
      });
      // The index lists an article before its record says it waits, and forgets it only after:
      // a crash in between leaves at most a harmless extra entry, never a forgotten one.
      if (next.pendingSync !== null) await this.trackPending(articleId, true);
      await atomicWriteFile(this.pathFor(articleId), JSON.stringify(next, null, 2));
      if (next.pendingSync === null) await this.trackPending(articleId, false);
      this.onUpdate(articleId);
      return next;
    });
  }

  private async pendingSet(): Promise<Set<string>> {
    if (this.pending) return this.pending;
    const read = await readJsonFile(this.pendingPath(), pendingIndexSchema);
    this.pending = new Set(read.kind === 'ok' ? read.value.ids : []);
    return this.pending;
  }

  private trackPending(articleId: string, pending: boolean): Promise<void> {
    return this.queue.run(PENDING_KEY, async () => {
      const set = await this.pendingSet();
      if (set.has(articleId) === pending) return;
      if (pending) set.add(articleId);
      else set.delete(articleId);
      await atomicWriteFile(this.pendingPath(), JSON.stringify({ version: 1, ids: [...set] }, null, 2));
    });
  }

  private pendingPath(): string {
    return join(this.libraryRoot, 'review-pending.json');
  }

  private pathFor(articleId: string): string {
    if (!articleIdSchema.safeParse(articleId).success) throw new AppError('not-found', `"${articleId}" is not an article id`, { kind: 'article-missing', id: articleId });
    return join(this.libraryRoot, 'articles', articleId, 'review.json');
  }
}
