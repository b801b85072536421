// Runs in: renderer. The publishing queue as last seen, and each article's publications (what went live where).
import type { DatelineApi } from '../../common/contract';
import type { OutboxJob, PublicationRecord } from '../../common/publish/publish-job';
import type { EventSubscription } from '../api/event-subscription';
import { createStore, type Store } from './create-store';
import { newerJob } from './newer-job';

export interface OutboxState {
  /** Newest first. */
  jobs: OutboxJob[];
  /** The last refresh failure; the badge keeps the last known jobs. */
  error: unknown;
  /** Per article id, loaded on demand. */
  publications: Record<string, PublicationRecord[]>;
  refresh(): Promise<void>;
  /** Records a job's latest state (from an event, an action or the fallback poll); an older copy never wins. */
  track(job: OutboxJob): void;
  cancel(jobId: string): Promise<OutboxJob>;
  retry(jobId: string): Promise<OutboxJob>;
  resolveConflict(jobId: string, resolution: 'overwrite' | 'cancel'): Promise<OutboxJob>;
  loadPublications(articleId: string): Promise<void>;
}

export type OutboxStore = Store<OutboxState>;

const newestFirst = (a: OutboxJob, b: OutboxJob): number => b.createdAt.localeCompare(a.createdAt);

/** `events`: job changes arrive as `job.changed`; after a reconnect the list is fetched again once. */
export function createOutboxStore(api: DatelineApi, events?: Pick<EventSubscription, 'on' | 'onResync'>): OutboxStore {
  const store = createStore<OutboxState>((set, get) => {
    // A job that just finished changes what its article's publications line shows.
    const noticeFinished = (before: OutboxJob[], after: OutboxJob[]): void => {
      const wasDone = new Set(before.filter((j) => j.state === 'done').map((j) => j.id));
      const articles = new Set(after.filter((j) => j.state === 'done' && !wasDone.has(j.id)).map((j) => j.articleId));
      for (const articleId of articles) {
        if (articleId in get().publications) void get().loadPublications(articleId).catch(() => undefined);
      }
    };

    const track = (job: OutboxJob): void => {
      const before = get().jobs;
      const kept = newerJob(before.find((j) => j.id === job.id), job);
      if (kept !== job) return;
      const after = [job, ...before.filter((j) => j.id !== job.id)].sort(newestFirst);
      set({ jobs: after });
      noticeFinished(before, after);
    };

    return {
      jobs: [],
      error: null,
      publications: {},
      refresh: async () => {
        try {
          const listed = await api.call('outbox.list', {});
          const before = get().jobs;
          // An event may have brought a newer copy while the list was on its way.
          const jobs = listed.map((job) => newerJob(before.find((j) => j.id === job.id), job)).sort(newestFirst);
          set({ jobs, error: null });
          noticeFinished(before, jobs);
        } catch (error) {
          set({ error });
          throw error;
        }
      },
      track,
      cancel: async (jobId) => {
        const job = await api.call('outbox.cancel', { jobId });
        track(job);
        return job;
      },
      retry: async (jobId) => {
        const job = await api.call('outbox.retry', { jobId });
        track(job);
        return job;
      },
      resolveConflict: async (jobId, resolution) => {
        const job = await api.call('outbox.resolveConflict', { jobId, resolution });
        track(job);
        return job;
      },
      loadPublications: async (articleId) => {
        const records = await api.call('publications.list', { articleId });
        set((s) => ({ publications: { ...s.publications, [articleId]: records } }));
      },
    };
  });
  events?.on('job.changed', ({ job }) => store.getState().track(job));
  events?.onResync(() => void store.getState().refresh().catch(() => undefined));
  return store;
}
