// Runs in: services. Revision snapshots of one article: articles/<id>/revisions/<revId>.json.
// Retention: every snapshot is deliberate (explicit save or before-* safety copy), so we keep the
// newest MAX_REVISIONS_PER_ARTICLE per article and delete older ones when a new one is written.
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { articleSchema, type Article } from '../../../common/article';
import { AppError } from '../../../common/app-error';
import { revisionReasonSchema, type RevisionInfo, type RevisionReason } from '../../../common/contract';
import { atomicWriteFile, TEMP_FILE_PATTERN } from './atomic-write';
import { errnoCode, fsAppError } from './fs-app-error';
import { readJsonFile } from './read-json-file';
import { sortableId } from './sortable-id';

export const MAX_REVISIONS_PER_ARTICLE = 200;

const REVISION_ID = /^[0-9a-z]{22}$/;

const revisionInfoSchema = z.object({
  id: z.string().regex(REVISION_ID),
  at: z.string(),
  reason: revisionReasonSchema,
  who: z.string(),
  revision: z.number().int().nonnegative(),
  headline: z.string(),
});
const revisionFileSchema = z.object({ info: revisionInfoSchema, article: articleSchema });
export type RevisionFile = z.infer<typeof revisionFileSchema>;

export class RevisionStore {
  constructor(private readonly articleDir: string) {}

  private get dir(): string {
    return join(this.articleDir, 'revisions');
  }

  async snapshot(article: Article, reason: RevisionReason, who: string): Promise<RevisionInfo> {
    const info: RevisionInfo = { id: sortableId(), at: new Date().toISOString(), reason, who, revision: article.revision, headline: article.headline };
    await mkdir(this.dir, { recursive: true }).catch((error: unknown) => {
      throw fsAppError(error, this.dir, 'create');
    });
    await atomicWriteFile(join(this.dir, `${info.id}.json`), JSON.stringify({ info, article }, null, 2));
    await this.prune();
    return info;
  }

  /** Newest first; unreadable snapshots are skipped. */
  async list(): Promise<RevisionInfo[]> {
    const out: RevisionInfo[] = [];
    for (const id of await this.ids()) {
      const file = await readJsonFile(join(this.dir, `${id}.json`), revisionFileSchema);
      if (file.kind === 'ok') out.push(file.value.info);
    }
    return out;
  }

  async get(revisionId: string): Promise<RevisionFile> {
    if (!REVISION_ID.test(revisionId)) throw new AppError('not-found', `There is no revision "${revisionId}"`, { kind: 'revision-missing' });
    const path = join(this.dir, `${revisionId}.json`);
    const file = await readJsonFile(path, revisionFileSchema);
    if (file.kind === 'missing') throw new AppError('not-found', `There is no revision "${revisionId}"`, { kind: 'revision-missing' });
    if (file.kind === 'unreadable') throw new AppError('corrupt-file', `The revision ${path} cannot be read: ${file.reason}`, { kind: 'revision-file' });
    return file.value;
  }

  /** The newest snapshot that still reads and validates, for recovering a broken article.json. */
  async newestReadable(): Promise<RevisionFile | null> {
    for (const id of await this.ids()) {
      const file = await readJsonFile(join(this.dir, `${id}.json`), revisionFileSchema);
      if (file.kind === 'ok') return file.value;
    }
    return null;
  }

  /** Revision ids, newest first; also sweeps temp files a crash left behind. */
  private async ids(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return [];
      throw fsAppError(error, this.dir, 'read');
    }
    const ids: string[] = [];
    for (const name of names) {
      if (TEMP_FILE_PATTERN.test(name)) await unlink(join(this.dir, name)).catch(() => undefined);
      else if (name.endsWith('.json') && REVISION_ID.test(name.slice(0, -5))) ids.push(name.slice(0, -5));
    }
    return ids.sort().reverse();
  }

  private async prune(): Promise<void> {
    const ids = await this.ids();
    for (const id of ids.slice(MAX_REVISIONS_PER_ARTICLE)) await unlink(join(this.dir, `${id}.json`)).catch(() => undefined);
  }
}
