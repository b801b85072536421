// Runs in: services. The review record kept beside each article in the library,
// articles/<id>/review.json: its workflow history, comments, where it is in a review hub, and the
// versions the diff view compares with. Written atomically, one write per article at a time.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../common/app-error';
import { articleIdSchema, articleSchema } from '../../../common/article';
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
    })
    .nullable(),
  /** The version this machine had before it last took a newer one from the hub: the base of "changes since you last saw it". */
  lastSeen: z.object({ article: articleSchema, at: time }).nullable(),
  /** The hub's version before the latest resubmission: the base of "changes since it was returned". */
  previousSubmission: articleSchema.nullable(),
});
export type ReviewRecord = z.infer<typeof reviewRecordSchema>;

export function emptyReviewRecord(): ReviewRecord {
  return { schemaVersion: 1, history: [], comments: [], hub: null, lastSeen: null, previousSubmission: null };
}

export class ReviewRecordStore {
  private readonly queue = new KeyedQueue();

  constructor(private readonly libraryRoot: string) {}

  /** The record, or an empty one for an article that never entered the workflow. */
  async get(articleId: string): Promise<ReviewRecord> {
    const path = this.pathFor(articleId);
    const read = await readJsonFile(path, reviewRecordSchema);
    if (read.kind === 'missing') return emptyReviewRecord();
    if (read.kind === 'unreadable') {
      throw new AppError(
        'corrupt-file',
        `The review record of this article (${path}) cannot be read: ${read.reason}. Move it aside and open the article from the review hub again.`,
        { path },
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
      await atomicWriteFile(this.pathFor(articleId), JSON.stringify(next, null, 2));
      return next;
    });
  }

  private pathFor(articleId: string): string {
    if (!articleIdSchema.safeParse(articleId).success) throw new AppError('not-found', `"${articleId}" is not an article id`);
    return join(this.libraryRoot, 'articles', articleId, 'review.json');
  }
}
