// Runs in: services. What spiking a story means for publishing: nothing queued for it may still go
// out. Jobs queued before the spike are cancelled, and every target where it is scheduled is told it
// is withheld (a WordPress post goes back to draft, a folder or webhook receives pubStatus
// "withheld"), so it never goes live by itself.
import type { Article } from '../../../common/article';
import type { OutboxJob, PublishOptions } from '../../../common/publish/publish-job';
import type { TargetConfig } from '../../../common/publish/publish-target-config';

export interface WithholdSpikedDeps {
  outbox: {
    list(articleId: string): OutboxJob[];
    cancel(jobId: string): Promise<unknown>;
    enqueue(article: Article, target: TargetConfig, options: PublishOptions): Promise<unknown>;
  };
  targets: { has(id: string): boolean; get(id: string): TargetConfig };
  store: { get(id: string): Promise<Article> };
}

const WITHHELD: PublishOptions = { status: 'draft', scheduledAt: null, overriddenWarnings: [] };

export async function withholdSpiked(articleId: string, deps: WithholdSpikedDeps): Promise<void> {
  const jobs = deps.outbox.list(articleId);
  for (const job of jobs) {
    if (job.state !== 'done' && job.state !== 'cancelled') await deps.outbox.cancel(job.id);
  }
  // What each target holds is what its latest finished job sent.
  const latestDone = new Map<string, OutboxJob>();
  for (const job of jobs) {
    const known = latestDone.get(job.targetId);
    if (job.state === 'done' && (!known || job.updatedAt > known.updatedAt)) latestDone.set(job.targetId, job);
  }
  const article = await deps.store.get(articleId);
  for (const job of latestDone.values()) {
    if (job.result?.status !== 'scheduled' || !deps.targets.has(job.targetId)) continue;
    await deps.outbox.enqueue(article, deps.targets.get(job.targetId), WITHHELD);
  }
}
