// Runs in: services. The outbox folder: one `<jobId>.json` per job and the article snapshot it
// publishes beside it as `<jobId>.article.json`. Writes are atomic and serialized per job.
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { articleSchema, type Article } from '../../../../common/article';
import { AppError } from '../../../../common/app-error';
import { atomicWriteFile, TEMP_FILE_PATTERN } from '../../store/atomic-write';
import { fsAppError } from '../../store/fs-app-error';
import { readJsonFile } from '../../store/read-json-file';
import { storedJobSchema, type StoredJob } from './stored-job';

const JOB_FILE = /^([0-9a-z]{10,40})\.json$/;
const SNAPSHOT_FILE = /^([0-9a-z]{10,40})\.article\.json$/;

export class OutboxFiles {
  private readonly chains = new Map<string, Promise<void>>();

  constructor(readonly dir: string) {}

  /** Every readable job; unreadable files are reported and left in place for a person to look at. */
  async loadAll(): Promise<{ jobs: StoredJob[]; problems: string[] }> {
    await mkdir(this.dir, { recursive: true }).catch((error: unknown) => {
      throw fsAppError(error, this.dir, 'create');
    });
    const names = await readdir(this.dir);
    const jobs: StoredJob[] = [];
    const problems: string[] = [];
    const jobIds = new Set<string>();
    for (const name of names) {
      if (TEMP_FILE_PATTERN.test(name)) {
        await unlink(join(this.dir, name)).catch(() => undefined);
        continue;
      }
      const match = JOB_FILE.exec(name);
      if (!match || SNAPSHOT_FILE.test(name)) continue;
      const read = await readJsonFile(join(this.dir, name), storedJobSchema);
      if (read.kind === 'ok') {
        jobs.push(read.value as StoredJob);
        jobIds.add(read.value.job.id);
      } else if (read.kind === 'unreadable') {
        problems.push(`${name}: ${read.reason}`);
        jobIds.add(match[1] ?? '');
      }
    }
    // A crash between writing the snapshot and the job leaves a snapshot nobody owns.
    for (const name of names) {
      const snapshot = SNAPSHOT_FILE.exec(name);
      if (snapshot && !jobIds.has(snapshot[1] ?? '')) await unlink(join(this.dir, name)).catch(() => undefined);
    }
    return { jobs, problems };
  }

  writeJob(stored: StoredJob): Promise<void> {
    const text = JSON.stringify(stored, null, 2);
    return this.serial(stored.job.id, () => atomicWriteFile(join(this.dir, `${stored.job.id}.json`), text));
  }

  async writeSnapshot(jobId: string, article: Article): Promise<void> {
    await mkdir(this.dir, { recursive: true }).catch((error: unknown) => {
      throw fsAppError(error, this.dir, 'create');
    });
    await atomicWriteFile(join(this.dir, `${jobId}.article.json`), JSON.stringify(article, null, 2));
  }

  async readSnapshot(jobId: string): Promise<Article> {
    const path = join(this.dir, `${jobId}.article.json`);
    const read = await readJsonFile(path, articleSchema);
    if (read.kind === 'ok') return read.value;
    throw new AppError(
      'corrupt-file',
      read.kind === 'missing'
        ? `The copy of the article this job publishes (${path}) is missing: publish the article again`
        : `The copy of the article this job publishes (${path}) cannot be read (${read.reason}): publish the article again`,
      { kind: 'job-file', missing: read.kind === 'missing' },
    );
  }

  remove(jobId: string): Promise<void> {
    return this.serial(jobId, async () => {
      await unlink(join(this.dir, `${jobId}.json`)).catch(() => undefined);
      await unlink(join(this.dir, `${jobId}.article.json`)).catch(() => undefined);
    });
  }

  /** Waits for every pending write. */
  async flush(): Promise<void> {
    await Promise.all([...this.chains.values()].map((p) => p.catch(() => undefined)));
  }

  private serial(jobId: string, write: () => Promise<void>): Promise<void> {
    const next = (this.chains.get(jobId) ?? Promise.resolve()).catch(() => undefined).then(write);
    this.chains.set(jobId, next);
    return next;
  }
}
