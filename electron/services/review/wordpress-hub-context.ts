// Runs in: services. What every part of the WordPress review hub shares: its options, the REST
// client, what it remembers between calls (the companion check, authors' names, verified
// attachments, the post each article was last found in), and the small lookups they all use.
import type { z } from 'zod';
import { AppError, isAppError } from '../../../common/app-error';
import type { Actor } from '../../../common/workflow/newsroom-profile';
import { PhotoOrigins, WordPressClient, type FetchImpl, type HostLookup } from '../wordpress';
import type { HubMedia } from './hub-photos';
import { parseHubInput } from './hub-input';
import { sharedHubPackageReader, type HubPackageReader } from './hub-package-reader';
import type { WpReviewPost } from './wordpress-hub-fallback';
import type { RemotePhoto } from './wordpress-hub-package';

export interface WordPressHubOptions {
  /** The publishing target this site is, for the wiring that adopts posts. */
  targetId: string;
  siteUrl: string;
  username: string;
  password: string | null;
  /** How the site is named in messages, e.g. "The WordPress site news.example.com". */
  targetLabel: string;
  media: HubMedia;
  /** The post this site's publishing recorded for the article (kept across restarts), when any. */
  knownPostId?: (articleId: string) => Promise<string | null>;
  /** Called when an article is opened: the publishing job that follows should update this post. */
  offerPost?: (articleId: string, postId: string) => Promise<void>;
  fetchImpl?: FetchImpl;
  timeoutMs?: number;
  /** Photo transfers get longer; defaults to max(timeoutMs, 120 s). */
  uploadTimeoutMs?: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Without the plugin, how long after a write to look whether another write landed on top. @default 1_000 */
  settleMs?: number;
  /** The most posts of each kind (with a package, without one) the queue reads. @default 400 */
  queueLimit?: number;
  /** Origins besides the site's that its photos are downloaded from (the target's mediaOrigins, e.g. a CDN). */
  mediaOrigins?: readonly string[];
  /** Resolves host names before a photo is downloaded from a listed origin. @default the system resolver */
  lookup?: HostLookup;
  /** Where packages from post meta are decoded and checked, off the services' event loop. @default the shared pool */
  packages?: HubPackageReader;
}

/** One hub's state, handed to each of its parts. */
export interface HubContext {
  readonly options: WordPressHubOptions;
  readonly client: WordPressClient;
  readonly uploadTimeoutMs: number;
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
  readonly settleMs: number;
  readonly queueLimit: number;
  readonly packages: HubPackageReader;
  readonly origins: PhotoOrigins;
  readonly authors: Map<number, Promise<string>>;
  /** Attachments (by `<media id>#<attachment id>`) whose bytes this hub saw hash to the media id, or stored itself. */
  readonly verified: Map<string, RemotePhoto>;
  /** The post each article was last found in (without the plugin a publishing job removes the marker). */
  readonly postOf: Map<string, number>;
  companion: Promise<boolean> | null;
}

export function createHubContext(options: WordPressHubOptions): HubContext {
  return {
    options,
    client: new WordPressClient({
      siteUrl: options.siteUrl,
      username: options.username,
      password: options.password,
      targetLabel: options.targetLabel,
      fetchImpl: options.fetchImpl,
      timeoutMs: options.timeoutMs,
    }),
    uploadTimeoutMs: options.uploadTimeoutMs ?? Math.max(options.timeoutMs ?? 0, 120_000),
    now: options.now ?? (() => new Date()),
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    settleMs: options.settleMs ?? 1_000,
    queueLimit: Math.max(1, options.queueLimit ?? 400),
    origins: new PhotoOrigins(options.siteUrl, { mediaOrigins: options.mediaOrigins, lookup: options.lookup }),
    packages: options.packages ?? sharedHubPackageReader(),
    authors: new Map(),
    verified: new Map(),
    postOf: new Map(),
    companion: null,
  };
}

/** Whether the companion plugin answers (once per hub; a failure is asked again next time). */
export function hasCompanion(ctx: HubContext): Promise<boolean> {
  if (!ctx.companion) {
    const check = async (): Promise<boolean> => {
      const me = await ctx.client.request<{ roles?: string[] }>('GET', 'wp/v2/users/me', { query: { context: 'edit' }, purpose: { action: 'read its own profile' } });
      ctx.client.role = (me.roles ?? [])[0] ?? null;
      try {
        await ctx.client.request<unknown>('GET', 'dateline/v1/companion', {
          purpose: { action: 'take part in Dateline review (it needs an account that may write posts, e.g. Contributor)' },
        });
        return true;
      } catch (error) {
        if (isAppError(error) && error.code === 'remote-not-found') return false;
        throw error;
      }
    };
    const pending = check();
    ctx.companion = pending;
    pending.catch(() => {
      if (ctx.companion === pending) ctx.companion = null;
    });
  }
  return ctx.companion;
}

export async function getPost(ctx: HubContext, id: number): Promise<WpReviewPost | null> {
  try {
    const post = await ctx.client.request<WpReviewPost>('GET', `wp/v2/posts/${id}`, {
      query: { context: 'edit' },
      purpose: { action: 'open posts sent for review', subject: `post ${id}` },
    });
    return post.status === 'trash' ? null : post;
  } catch (error) {
    if (isAppError(error) && error.code === 'remote-not-found') return null;
    throw error;
  }
}

/** The author of a post as the queue names them; WordPress may not show a contributor other people's profiles. */
export async function authorActor(ctx: HubContext, userId: number): Promise<Actor> {
  let name = ctx.authors.get(userId);
  if (!name) {
    name = ctx.client
      .request<{ name?: string }>('GET', `wp/v2/users/${userId}`, { purpose: { action: 'read user profiles' } })
      .then((user) => (typeof user.name === 'string' && user.name.trim() ? user.name.trim().slice(0, 200) : `WordPress user ${userId}`))
      .catch(() => `WordPress user ${userId}`);
    ctx.authors.set(userId, name);
  }
  return { name: await name, role: 'reporter' };
}

export function notFound(ctx: HubContext, what: string): AppError {
  const role = ctx.client.role ? ` (${ctx.client.role})` : '';
  return new AppError(
    'not-found',
    `${what} is not in WordPress at ${ctx.options.siteUrl} for review: it may have been deleted, or your WordPress account${role} may not see other people's posts (that needs the Editor role)`,
    { kind: 'hub-post-missing', headline: what.replace(/^“|”$/g, ''), site: ctx.options.siteUrl },
  );
}

export function editUrl(ctx: HubContext, postId: number): string {
  return `${ctx.options.siteUrl.replace(/\/+$/, '')}/wp-admin/post.php?post=${postId}&action=edit`;
}

export function htmlTitle(post: WpReviewPost): string {
  return (post.title.raw ?? post.title.rendered ?? '').trim() || `post ${post.id}`;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function valid<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  return parseHubInput(schema, value, what, 'WordPress review');
}
