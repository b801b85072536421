// Runs in: services. What went live where, kept beside each article as
// `<library>/articles/<id>/publications.json` (one record per target); article.json is never touched.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { articleIdSchema } from '../../../common/article';
import { AppError } from '../../../common/app-error';
import { publishRemarkSchema, type PublicationRecord } from '../../../common/publish/publish-job';
import { publishStatusSchema, targetKindSchema } from '../../../common/publish/publish-target-config';
import { atomicWriteFile } from '../store/atomic-write';
import { fsAppError } from '../store/fs-app-error';
import { readJsonFile } from '../store/read-json-file';

export const publicationRecordSchema = z.object({
  targetId: z.string(),
  targetKind: targetKindSchema,
  remoteId: z.string(),
  url: z.string(),
  status: publishStatusSchema,
  contentHash: z.string(),
  remoteModified: z.string(),
  publishedAt: z.string(),
  articleRevision: z.number().int().nonnegative(),
  // Optional: records written before these existed stay readable.
  remoteFingerprint: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  jobId: z.string().max(40).optional(),
  remarks: z.array(publishRemarkSchema).max(50).optional(),
});

const fileSchema = z.object({ version: z.literal(1), records: z.array(publicationRecordSchema) });

export class PublicationStore {
  private readonly writes = new Map<string, Promise<unknown>>();

  constructor(private readonly libraryRoot: string) {}

  async list(articleId: string): Promise<PublicationRecord[]> {
    const path = this.fileFor(articleId);
    const read = await readJsonFile(path, fileSchema);
    if (read.kind === 'missing') return [];
    if (read.kind === 'unreadable') {
      throw new AppError('corrupt-file', `The publishing record ${path} cannot be read: ${read.reason}. Move it aside to publish this article afresh.`, { kind: 'publications-file' });
    }
    return read.value.records;
  }

  async get(articleId: string, targetId: string): Promise<PublicationRecord | null> {
    return (await this.list(articleId)).find((r) => r.targetId === targetId) ?? null;
  }

  /**
   * Replaces the record for the article and target, unless the one there names a newer revision of
   * the article: what went live never goes back to an older version. Resolves to whether it was
   * written. Writes of one article are serialized.
   */
  put(articleId: string, record: PublicationRecord): Promise<boolean> {
    const previous = this.writes.get(articleId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(async () => {
      const existing = await this.list(articleId);
      const newer = existing.find((r) => r.targetId === record.targetId && r.articleRevision > record.articleRevision);
      if (newer) return false;
      const records = existing.filter((r) => r.targetId !== record.targetId);
      const dir = join(this.libraryRoot, 'articles', articleId);
      await mkdir(dir, { recursive: true }).catch((error: unknown) => {
        throw fsAppError(error, dir, 'create');
      });
      await atomicWriteFile(this.fileFor(articleId), JSON.stringify({ version: 1, records: [...records, record] }, null, 2));
      return true;
    });
    this.writes.set(articleId, next);
    return next;
  }

  private fileFor(articleId: string): string {
    if (!articleIdSchema.safeParse(articleId).success) throw new AppError('invalid-input', `"${articleId}" is not an article id`, { kind: 'bad-id', id: articleId });
    return join(this.libraryRoot, 'articles', articleId, 'publications.json');
  }
}
