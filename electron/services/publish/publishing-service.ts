// Runs in: main and host (plain Node). Everything publishing, behind the contract's operations:
// targets and their secrets, the pre-publish checklist, the persisted outbox that sends jobs, and
// the records of what went live where. create-services spreads `handlers` into its table.
import { join } from 'node:path';
import type { Article } from '../../../common/article';
import { AppError, isAppError } from '../../../common/app-error';
import type { MediaInfo, OperationHandlers } from '../../../common/contract';
import { articleFigures } from '../../../common/publish/article-figures';
import { canPublish, publishChecklist, type ChecklistMedia } from '../../../common/publish/publish-checklist';
import type { OutboxJob, PublishOptions } from '../../../common/publish/publish-job';
import { secretKeyFor, type TargetConfig } from '../../../common/publish/publish-target-config';
import type { SecretStore } from '../secrets/secret-store';
import { FileMediaRegistry } from './media-registry';
import { Outbox, type OutboxClock } from './outbox/outbox';
import type { BackoffPolicy } from './outbox/backoff';
import { PendingRemoteStore } from './pending-remote-store';
import { PublicationStore } from './publication-store';
import type { MediaRegistry, PublishTarget } from './publish-target';
import { consoleLogger, type Logger } from '../log/logger';
import { TargetRegistry, type TargetRegistryOptions } from './target-registry';
import { withholdSpiked } from './withhold-spiked';

export type PublishingOperation =
  | 'targets.list'
  | 'targets.save'
  | 'targets.remove'
  | 'targets.test'
  | 'targets.secretsBackend'
  | 'publish.start'
  | 'publications.list'
  | 'outbox.list'
  | 'outbox.get'
  | 'outbox.cancel'
  | 'outbox.retry'
  | 'outbox.resolveConflict';

export type PublishingHandlers = Pick<OperationHandlers, PublishingOperation>;

export interface PublishingServiceOptions {
  /** targets.json lives here. */
  dataDir: string;
  /** outbox/, publish-state/ and articles/<id>/publications.json live here. */
  libraryRoot: string;
  /** The user's documents folder, for the default "Published" folder. */
  documentsDir: string;
  secrets: SecretStore;
  /** The saved articles (what is published is always the saved version). */
  store: { get(id: string): Promise<Article> };
  media: { read(id: string): Promise<Uint8Array>; info(id: string): Promise<MediaInfo> };
  clock?: OutboxClock;
  /** Called on every job change (state, progress), e.g. to push it to the renderer. */
  onJobChange?(job: OutboxJob): void;
  /** Tuning for tests and the benchmark. */
  backoff?: Partial<BackoffPolicy>;
  pollMs?: number;
  wordpress?: TargetRegistryOptions['wordpress'];
  /** Where problems are written. @default consoleLogger */
  logger?: Logger;
  webhook?: TargetRegistryOptions['webhook'];
  ghost?: TargetRegistryOptions['ghost'];
}

export interface PublishingService {
  handlers: PublishingHandlers;
  targets: TargetRegistry;
  outbox: Outbox;
  /** The network came back: waiting jobs are tried now. */
  online(): void;
  /**
   * publish.start with a step between the checklist (and credentials check) and queueing the job,
   * e.g. approving the story: it runs only when the job will start, and its failure queues nothing.
   */
  startJob(input: Parameters<PublishingHandlers['publish.start']>[0], beforeEnqueue?: () => Promise<void>): Promise<OutboxJob>;
  /**
   * An item already on the target holds this article (a WordPress post a review hub submitted):
   * the next publishing job for the article and target updates it instead of creating another.
   */
  offerRemote(targetId: string, articleId: string, remoteId: string): Promise<void>;
  /** The story was spiked: nothing queued for it goes out, and where it is scheduled it is withheld. */
  withhold(articleId: string): Promise<void>;
  close(): Promise<void>;
}

const INSECURE_BACKENDS = new Set(['basic_text', 'file', 'plain', 'unknown', '']);

export async function createPublishingService(options: PublishingServiceOptions): Promise<PublishingService> {
  const clock = options.clock ?? { now: () => Date.now() };
  const logger = options.logger ?? consoleLogger;
  const targets = new TargetRegistry({ dataDir: options.dataDir, documentsDir: options.documentsDir, secrets: options.secrets, wordpress: options.wordpress, webhook: options.webhook, ghost: options.ghost, logger });
  await targets.open();
  const publications = new PublicationStore(options.libraryRoot);
  const pending = new PendingRemoteStore(options.libraryRoot, logger);

  // One adapter per target config, so a WordPress site's REST root and the account's role are found once.
  const adapters = new Map<string, { key: string; target: Promise<PublishTarget> }>();
  const adapterFor = (config: TargetConfig): Promise<PublishTarget> => {
    const key = JSON.stringify(config);
    const cached = adapters.get(config.id);
    if (cached?.key === key) return cached.target;
    const target = targets.createTarget(config);
    adapters.set(config.id, { key, target });
    return target;
  };
  const registries = new Map<string, MediaRegistry>();
  const registryFor = (targetId: string): MediaRegistry => {
    let registry = registries.get(targetId);
    if (!registry) {
      registry = FileMediaRegistry.forTarget(options.libraryRoot, targetId);
      registries.set(targetId, registry);
    }
    return registry;
  };

  const outbox = new Outbox({
    logger,
    libraryRoot: options.libraryRoot,
    resolveTarget: async (targetId) => adapterFor(targets.get(targetId)),
    publications,
    pending,
    mediaRegistry: registryFor,
    readMedia: (id) => options.media.read(id),
    mediaInfo: (id) => options.media.info(id),
    clock,
    backoff: options.backoff,
    pollMs: options.pollMs,
    onChange: options.onJobChange,
  });
  await outbox.open();

  const checklistMedia = async (article: Article): Promise<Map<string, ChecklistMedia>> => {
    const media = new Map<string, ChecklistMedia>();
    for (const figure of articleFigures(article)) {
      const info = await options.media.info(figure.mediaId).catch(() => null);
      if (info) media.set(figure.mediaId, { width: info.width });
    }
    return media;
  };

  const assertPassesChecklist = async (article: Article, target: TargetConfig, publishOptions: PublishOptions): Promise<void> => {
    const items = publishChecklist(article, target, publishOptions, new Date(clock.now()), await checklistMedia(article));
    if (!canPublish(items, publishOptions.overriddenWarnings)) {
      const blockers = items.filter((i) => i.level === 'blocker');
      const open = blockers.length > 0 ? blockers : items.filter((i) => !publishOptions.overriddenWarnings.includes(i.id));
      const lead = blockers.length > 0 ? 'Fix these before publishing' : 'Fix or accept these warnings before publishing';
      throw new AppError('checklist-blocked', `${lead}: ${open.map((i) => i.defaultText).join('; ')}`, { kind: 'checklist-blocked', items });
    }
  };

  const startJob: PublishingService['startJob'] = async ({ articleId, targetId, options: publishOptions }, beforeEnqueue) => {
    const article = await options.store.get(articleId);
    const target = targets.get(targetId);
    await assertPassesChecklist(article, target, publishOptions);
    if (target.kind !== 'folder' && (await options.secrets.get(secretKeyFor(target))) === null) {
      const what = target.kind === 'wordpress' ? `application password for ${target.username}` : target.kind === 'ghost' ? 'Admin API key' : 'signing key';
      throw new AppError('remote-auth', `No ${what} is saved for "${target.name}": add it in Settings → Publishing, then publish again`, {
        kind: 'no-password',
        target: target.name,
      });
    }
    if (!beforeEnqueue) return outbox.enqueue(article, target, publishOptions);
    await beforeEnqueue();
    return outbox.enqueue(await options.store.get(articleId), target, publishOptions);
  };

  // Retry sends what the article is now: the version first queued may have been corrected (and even
  // published) since, and sending it would bring the uncorrected story back. The newer version must
  // pass the checklist like any publish.
  const retryJob = async (jobId: string): Promise<OutboxJob> => {
    const job = outbox.get(jobId);
    outbox.assertRetryable(job);
    const current = await options.store.get(job.articleId).catch((error: unknown) => {
      // Deleted since: the job's own copy is the only version there is.
      if (isAppError(error) && error.code === 'not-found') return null;
      throw error;
    });
    if (!current || current.revision <= job.articleRevision) return outbox.retry(jobId);
    await assertPassesChecklist(current, targets.get(job.targetId), job.options);
    return outbox.retry(jobId, current);
  };

  const handlers: PublishingHandlers = {
    'targets.list': () => targets.list(),
    'targets.save': async ({ config, secret, makeDefault }) => {
      const was = targets.has(config.id) ? targets.get(config.id) : null;
      const view = await targets.save(config, secret, makeDefault ?? false);
      adapters.delete(config.id);
      // Photo and post ids of one site mean nothing on another: forget them rather than adopt strangers.
      if (was && remoteIdentity(was) !== remoteIdentity(view.config)) {
        registries.delete(config.id);
        await FileMediaRegistry.forget(options.libraryRoot, config.id);
        await pending.clearTarget(config.id);
      }
      return view;
    },
    'targets.remove': async ({ id }) => {
      await targets.remove(id);
      adapters.delete(id);
      return { id };
    },
    // A fresh adapter: "Test connection" must see the site and the account as they are now.
    'targets.test': async ({ id }) => (await targets.createTarget(targets.get(id))).testConnection(AbortSignal.timeout(60_000)),
    'targets.secretsBackend': async () => {
      const backend = options.secrets.backend();
      return { backend, secure: !INSECURE_BACKENDS.has(backend) };
    },

    'publish.start': (input) => startJob(input),
    'publications.list': ({ articleId }) => publications.list(articleId),
    'outbox.list': async ({ articleId }) => outbox.list(articleId),
    'outbox.get': async ({ jobId }) => outbox.get(jobId),
    'outbox.cancel': ({ jobId }) => outbox.cancel(jobId),
    'outbox.retry': ({ jobId }) => retryJob(jobId),
    'outbox.resolveConflict': ({ jobId, resolution }) => outbox.resolveConflict(jobId, resolution),
  };

  return {
    handlers,
    targets,
    outbox,
    online: () => outbox.online(),
    startJob,
    offerRemote: (targetId, articleId, remoteId) => pending.set(targetId, articleId, { remoteId, jobId: 'review-hub', since: new Date(clock.now()).toISOString() }),
    withhold: (articleId) => withholdSpiked(articleId, { outbox, targets, store: options.store }),
    close: () => outbox.close(),
  };
}

/** Who the target's remote ids belong to: the site and the account for WordPress, the address for a webhook, the folder. */
function remoteIdentity(config: TargetConfig): string {
  const site = (url: string) => url.trim().replace(/\/+$/, '').toLowerCase();
  switch (config.kind) {
    case 'wordpress':
      return `wordpress ${site(config.siteUrl)} ${config.username.trim().toLowerCase()}`;
    case 'ghost':
      return `ghost ${site(config.siteUrl)}`;
    case 'webhook':
      return `webhook ${site(config.url)}`;
    case 'folder':
      return `folder ${config.path}`;
  }
}

/** Where the browser-mode secrets file lives, next to targets.json. */
export function browserSecretsPath(dataDir: string): string {
  return join(dataDir, 'secrets.json');
}
