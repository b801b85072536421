// Runs in: services. Publishes an article to WordPress exactly once: photos (once per content hash),
// terms by name, the post created once as a draft under a unique marker slug with its id persisted
// at once, then the final status, then a verifying read. Updates change the same post, after a
// conflict check against the modified time and the fingerprint of the post recorded at the last
// publish. A post an unfinished earlier job created (the outbox offers it) is adopted and updated
// rather than created again. Every post carries the article's id, and before any create the site is
// asked for the article's post: another copy of the library updates that post (after a conflict
// check) instead of making a second one; marker drafts that lost a race or committed late are swept.
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { AppError } from '../../../../common/app-error';
import { effectiveSlug } from '../../../../common/publish/effective-slug';
import type { ConflictDetails, LastPublisher, PublicationRecord } from '../../../../common/publish/publish-job';
import type { ConnectionReport, PublishStatus, WordpressTargetConfig } from '../../../../common/publish/publish-target-config';
import { CHECKPOINT_ADOPT, CHECKPOINT_REMOTE_ID, pendingRemoteSchema } from '../pending-remote-store';
import { alreadyOnTarget, PublishConflict, type Checkpoint, type PublishContext, type PublishTarget, type RemoteMedia, type UnchangedOnTarget } from '../publish-target';
import { refuseBeyondCapabilities } from './refuse-beyond-capabilities';
import { wordpressPostContent } from './wordpress-post-content';
import {
  articlePosts,
  canonicalPost,
  deleteDraft,
  distinctFigures,
  distinctNames,
  isMarkerDraft,
  lastWriterOfPost,
  postMarker,
  resolveTerm,
  sweepStrayDrafts,
  uploadFigures,
  withArticleMarker,
  WordPressClient,
  type FetchImpl,
  type WpMarkedPost,
} from '../../wordpress';
import { postFingerprint } from './wordpress-post-fingerprint';
import { publishStatusOfPost, wordpressPostStatus } from './wordpress-post-status';

export { postMarker } from '../../wordpress';

export interface WordPressTargetOptions {
  config: WordpressTargetConfig;
  password: string | null;
  fetchImpl?: FetchImpl;
  timeoutMs?: number;
  /** Photo uploads get longer; defaults to max(timeoutMs, 120 s). */
  uploadTimeoutMs?: number;
  /** Photos uploaded at once. */
  uploadConcurrency?: number;
}

interface WpUser {
  id: number;
  name: string;
  roles?: string[];
  capabilities?: Record<string, boolean>;
}

interface WpPost {
  id: number;
  status: string;
  link: string;
  slug: string;
  modified_gmt: string;
  featured_media?: number;
  meta?: Record<string, unknown>;
  title: { raw?: string; rendered: string };
  excerpt: { raw?: string; rendered: string };
  content: { raw?: string; rendered: string };
}

/** What the adapter keeps in the job's checkpoint between attempts. */
interface WordPressCheckpoint {
  tags?: number[];
  categories?: number[];
  postId?: number;
  /** `postId` as the outbox reads it, so the post outlives this job. */
  [CHECKPOINT_REMOTE_ID]?: string;
  /** Set before the create request is sent: a retry must look for the post before creating another. */
  createSent?: boolean;
  /** The conflict check passed (or was overridden): our own update must not trip it on a retry. */
  conflictChecked?: boolean;
}

/** The computer a publish is sent from, as a post's `dateline_publisher` names it (marker characters only). */
const HOST = hostname().replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 60);

export class WordPressTarget implements PublishTarget {
  readonly config: WordpressTargetConfig;
  private readonly client: WordPressClient;
  private readonly uploadTimeoutMs: number;
  private readonly concurrency: number;
  private me: Promise<WpUser> | null = null;

  constructor(options: WordPressTargetOptions) {
    this.config = options.config;
    this.client = new WordPressClient({
      siteUrl: options.config.siteUrl,
      username: options.config.username,
      password: options.password,
      targetLabel: `The WordPress site ${hostOf(options.config.siteUrl)}`,
      fetchImpl: options.fetchImpl,
      timeoutMs: options.timeoutMs,
    });
    this.uploadTimeoutMs = options.uploadTimeoutMs ?? Math.max(options.timeoutMs ?? 0, 120_000);
    this.concurrency = Math.max(1, options.uploadConcurrency ?? 3);
  }

  async testConnection(signal?: AbortSignal): Promise<ConnectionReport> {
    const index = await this.client.discover(signal);
    this.me = null;
    const me = await this.account(signal ?? new AbortController().signal);
    const caps = me.capabilities ?? {};
    const can = (cap: string) => caps[cap] === true;
    const roles = me.roles ?? [];
    const allowedStatuses: PublishStatus[] = can('publish_posts') ? ['published', 'scheduled', 'draft', 'submitted'] : can('edit_posts') ? ['draft', 'submitted'] : [];
    const notes: string[] = [];
    if (allowedStatuses.length === 0) notes.push('This account may not write posts at all: use an account with the Contributor role or higher');
    else if (!can('publish_posts')) notes.push('This account can submit for review but not publish: an editor must publish its posts');
    if (!can('upload_files')) notes.push('This account may not upload photos: articles with photos cannot be sent with it');
    if (!can('manage_categories')) notes.push('This account may not create categories: each section must already exist as a category in WordPress');
    return {
      ok: allowedStatuses.length > 0,
      siteName: index.name || hostOf(this.config.siteUrl),
      account: `${me.name} (${roles.join(', ') || 'no role'})`,
      roles,
      allowedStatuses,
      canUploadMedia: can('upload_files'),
      canCreateTags: can('edit_posts'),
      canCreateCategories: can('manage_categories'),
      notes,
    };
  }

  async publish(ctx: PublishContext): Promise<PublicationRecord | UnchangedOnTarget> {
    let checkpoint = { ...(ctx.checkpoint as WordPressCheckpoint) };
    const save = async (next: WordPressCheckpoint): Promise<void> => {
      checkpoint = { ...checkpoint, ...next };
      await ctx.saveCheckpoint(checkpoint as Checkpoint);
    };
    // Before any remote write: an account that may not do what was asked changes nothing on the site.
    refuseBeyondCapabilities(await this.account(ctx.signal), ctx);

    // a. Photos.
    const media = await uploadFigures(this.client, ctx, { concurrency: this.concurrency, uploadTimeoutMs: this.uploadTimeoutMs, mediaOrigins: this.config.mediaOrigins });
    const mediaTotal = media.size;
    const progress = (step: string) => ctx.reportProgress({ step, mediaDone: mediaTotal, mediaTotal });

    // b. Terms.
    progress('terms');
    if (!checkpoint.tags || !checkpoint.categories) {
      const tags: number[] = [];
      for (const name of distinctNames(ctx.article.meta.tags)) tags.push(await resolveTerm(this.client, 'tags', name, ctx.signal));
      const section = ctx.article.meta.section.trim() || this.config.defaultCategory.trim();
      const categories = section.length > 0 ? [await resolveTerm(this.client, 'categories', section, ctx.signal)] : [];
      await save({ tags, categories });
    }
    const content = this.content(ctx, media, await this.themeShowsFeaturedImage(ctx.signal));
    const fields = {
      title: ctx.article.headline,
      content,
      excerpt: ctx.article.summary,
      tags: checkpoint.tags ?? [],
      categories: checkpoint.categories ?? [],
      featured_media: featuredMediaId(ctx, media),
    };

    // c. The post: the one from an earlier publish (after a conflict check), or one created once.
    progress('create-post');
    let postId = checkpoint.postId ?? null;
    let adoptedStatus: string | null = null;
    if (postId === null) {
      const adopted = await this.adoptedPost(ctx);
      if (adopted) {
        postId = adopted.id;
        adoptedStatus = adopted.status;
        await save({ postId, remoteId: String(postId) });
      }
    }
    const contentHash = publishedHash(fields, ctx);
    if (postId === null && ctx.previous) {
      postId = await this.checkedPrevious(ctx, fields);
      // The post is as Dateline left it and this job would write the same: send nothing.
      if (postId !== null && alreadyOnTarget(ctx, contentHash)) return { unchanged: ctx.previous };
      if (postId !== null) await save({ postId, remoteId: String(postId), conflictChecked: true });
    }
    if (postId === null) {
      postId = await this.foundOrCreated(ctx, fields, () => save({ createSent: true }));
      await save({ postId, remoteId: String(postId) });
    }

    // d. The final status, slug and date.
    progress('set-status');
    // WordPress's word for the status asked for (Dateline's own words stay on this side).
    const status = wordpressPostStatus(ctx.options.status);
    const final: Record<string, unknown> = { ...fields, content: withArticleMarker(content, ctx.article.id, ctx.jobId), status, slug: effectiveSlug(ctx.article), meta: this.markerMeta(ctx) };
    if (status === 'future' && ctx.options.scheduledAt) final.date_gmt = wordpressGmt(ctx.options.scheduledAt);
    // A post scheduled earlier and now published at once must not stay waiting for its old date.
    if (status === 'publish' && (ctx.previous?.status === 'scheduled' || adoptedStatus === 'future')) final.date_gmt = wordpressGmt(new Date().toISOString());
    if (status === 'publish' && ctx.options.backdateTo) final.date_gmt = wordpressGmt(ctx.options.backdateTo);
    const updated = await this.client.request<WpPost>('POST', `wp/v2/posts/${postId}`, {
      json: final,
      purpose: {
        action: `set the post's status to ${status}`,
        forbiddenHint:
          status === 'publish' || status === 'future'
            ? `Your WordPress role (${this.client.role ?? 'unknown role'}) may not publish posts: this account can only submit articles for review — choose "Submit for review" or ask an editor to publish`
            : undefined,
      },
      signal: ctx.signal,
    });

    if (updated.id !== postId) throw misroutedReply(`post ${postId}`, `post ${updated.id}`);

    // e. Verify what the site now shows, and clear any twin a lost create reply left behind.
    progress('verify');
    const live = await this.client.request<WpPost>('GET', `wp/v2/posts/${postId}`, {
      query: { context: 'edit' },
      purpose: { action: 'read its own posts', subject: `post ${postId}` },
      signal: ctx.signal,
    });
    if (live.id !== postId) throw misroutedReply(`post ${postId}`, `post ${live.id}`);
    await this.removeStrays(ctx, postId);
    const liveStatus = publishStatusOfPost(live.status);
    if (!liveStatus) {
      throw new AppError('remote-bad-response', `WordPress kept post ${postId} as "${live.status}" instead of "${status}"`, {
        kind: 'status-not-kept',
        postId,
        wanted: status,
        kept: live.status,
      });
    }
    return {
      targetId: this.config.id,
      targetKind: 'wordpress',
      remoteId: String(postId),
      url: live.link,
      status: liveStatus,
      contentHash,
      remoteModified: live.modified_gmt,
      publishedAt: new Date().toISOString(),
      articleRevision: ctx.article.revision,
      remoteFingerprint: postFingerprint(live),
      jobId: ctx.jobId,
    };
  }

  /** Post meta naming the article, and the job and computer that wrote the post last (kept by the companion plugin). */
  private markerMeta(ctx: PublishContext): Record<string, string> {
    const { article } = ctx;
    return {
      dateline_article: article.id,
      dateline_publisher: `${ctx.jobId}:${HOST}`,
      // Kept by the companion plugin (WordPress ignores meta it does not know).
      dateline_subheadline: article.subheadline.trim(),
      dateline_source: article.meta.source.trim(),
      dateline_responsible_editor: article.meta.publisher.trim(),
    };
  }

  /**
   * The article's post on the site, looked up by the article's id before any create: our own
   * earlier create (a lost reply), or another copy's post after a conflict check. Without one, a
   * draft is created under the job's marker; a copy that created at the same moment gives way to
   * the earlier post and deletes its own draft.
   */
  private async foundOrCreated(ctx: PublishContext, fields: PostFields, beforeCreate: () => Promise<void>): Promise<number> {
    const existing = await articlePosts(this.client, ctx.article.id, ctx.signal, { byMeta: true });
    const found = canonicalPost(existing);
    if (found) return this.acceptFound(ctx, fields, found, existing);
    await beforeCreate();
    const created = await this.client.request<WpPost>('POST', 'wp/v2/posts', {
      json: {
        ...fields,
        content: withArticleMarker(fields.content, ctx.article.id, ctx.jobId),
        status: 'draft',
        slug: postMarker(ctx.jobId),
        meta: { ...this.markerMeta(ctx), dateline_job: ctx.jobId },
      },
      purpose: { action: 'create posts' },
      signal: ctx.signal,
    });
    // A reply that is not about our draft (a confused proxy or cache) must not be adopted.
    if (created.slug !== postMarker(ctx.jobId)) throw misroutedReply(`the new draft "${postMarker(ctx.jobId)}"`, created.slug);
    const after = await articlePosts(this.client, ctx.article.id, ctx.signal, { byMeta: false });
    const winner = canonicalPost(after.some((p) => p.id === created.id) ? after : [...after, created]);
    if (!winner || winner.id === created.id) return created.id;
    await deleteDraft(this.client, created.id, ctx.signal);
    return this.acceptFound(ctx, fields, winner, after.filter((p) => p.id !== created.id));
  }

  /**
   * A draft still under its create marker (ours after a lost reply, or an unfinished job's, from
   * this copy or another) was never published: it is finished here. Any other post is updated only
   * after a person chose to.
   */
  private async acceptFound(ctx: PublishContext, fields: PostFields, found: WpMarkedPost, all: WpMarkedPost[]): Promise<number> {
    const ours = postMarker(ctx.jobId);
    // Our own drafts that lost to the found post go.
    for (const post of all) if (post.slug === ours && isMarkerDraft(post) && post.id !== found.id) await deleteDraft(this.client, post.id, ctx.signal);
    if (isMarkerDraft(found) || ctx.overwriteConflict) return found.id;
    const remote = await this.readPost(found.id, ctx.signal);
    throw new PublishConflict(this.conflictDetails(ctx, remote, fields));
  }

  private async readPost(id: number, signal: AbortSignal): Promise<WpPost> {
    const remote = await this.client.request<WpPost>('GET', `wp/v2/posts/${id}`, {
      query: { context: 'edit' },
      purpose: { action: 'edit this post', subject: `post ${id}` },
      signal,
    });
    if (remote.id !== id) throw misroutedReply(`post ${id}`, `post ${remote.id}`);
    return remote;
  }

  private conflictDetails(ctx: PublishContext, remote: WpPost, ours: PostFields): ConflictDetails {
    const writer = lastWriterOfPost(remote);
    const lastPublisher: LastPublisher | undefined = writer ? { ...writer, thisCopy: writer.jobId === ctx.previous?.jobId } : undefined;
    return {
      remote: {
        title: remote.title.raw ?? remote.title.rendered,
        excerpt: remote.excerpt.raw ?? remote.excerpt.rendered,
        contentHtml: remote.content.rendered,
        modified: remote.modified_gmt,
        url: remote.link,
      },
      local: { title: ours.title, excerpt: ours.excerpt, contentHtml: ours.content },
      recordedModified: ctx.previous?.remoteModified ?? '',
      ...(lastPublisher ? { lastPublisher } : {}),
    };
  }

  /** The post's content (see wordpressPostContent), with the photos as uploaded. */
  private content(ctx: PublishContext, media: Map<string, RemoteMedia>, omitLead: boolean): string {
    return wordpressPostContent(ctx.article, this.config, {
      media: (mediaId) => {
        const remote = media.get(mediaId);
        return remote ? { id: Number(remote.remoteId), url: remote.url } : null;
      },
      omitLead: omitLead && featuredMediaId(ctx, media) > 0,
    });
  }

  /**
   * Whether the theme shows the featured image, as the target says or, on "auto", as the active
   * theme's `post-thumbnails` support says; false when the site does not tell (a photo shown twice
   * is better than none). The preview asks it too, to show the lead photo where a publish puts it.
   */
  async themeShowsFeaturedImage(signal: AbortSignal): Promise<boolean> {
    const setting = this.config.themeShowsFeaturedImage ?? 'auto';
    if (setting !== 'auto') return setting === 'yes';
    try {
      const themes = await this.client.request<unknown>('GET', 'wp/v2/themes', {
        query: { status: 'active', _fields: 'stylesheet,theme_supports' },
        purpose: { action: 'read the active theme' },
        signal,
      });
      return activeThemeShowsThumbnails(themes);
    } catch (error) {
      if (signal.aborted) throw error;
      return false;
    }
  }

  /**
   * The post an unfinished earlier job created for this article (no publish of it was recorded, so
   * nobody else's edits can be lost: no conflict check); null when none is offered or it is gone.
   */
  private async adoptedPost(ctx: PublishContext): Promise<WpPost | null> {
    const offer = pendingRemoteSchema.pick({ remoteId: true }).safeParse(ctx.checkpoint[CHECKPOINT_ADOPT]);
    // The recorded post itself goes through the conflict check below.
    if (!offer.success || offer.data.remoteId === ctx.previous?.remoteId || !/^\d+$/.test(offer.data.remoteId)) return null;
    const id = Number(offer.data.remoteId);
    let remote: WpPost;
    try {
      remote = await this.client.request<WpPost>('GET', `wp/v2/posts/${id}`, {
        query: { context: 'edit' },
        purpose: { action: 'edit this post', subject: `post ${id}` },
        signal: ctx.signal,
      });
    } catch (error) {
      if (error instanceof AppError && error.code === 'remote-not-found') return null;
      throw error;
    }
    if (remote.id !== id) throw misroutedReply(`post ${id}`, `post ${remote.id}`);
    return remote.status === 'trash' ? null : remote;
  }

  /** The previously published post's id if it is unchanged on the server (or the person chose to overwrite); null when it was deleted. */
  private async checkedPrevious(ctx: PublishContext, ours: PostFields): Promise<number | null> {
    const previous = ctx.previous;
    if (!previous) return null;
    let remote: WpPost;
    try {
      remote = await this.client.request<WpPost>('GET', `wp/v2/posts/${previous.remoteId}`, {
        query: { context: 'edit' },
        purpose: { action: 'edit this post', subject: `post ${previous.remoteId}` },
        signal: ctx.signal,
      });
    } catch (error) {
      // Deleted in WordPress since the last publish: publish it afresh.
      if (error instanceof AppError && error.code === 'remote-not-found') return null;
      throw error;
    }
    if (remote.status === 'trash') return null;
    // The clock moves in whole seconds; the fingerprint shows an edit made in the same second.
    const changed = remote.modified_gmt !== previous.remoteModified || (previous.remoteFingerprint !== undefined && postFingerprint(remote) !== previous.remoteFingerprint);
    if (changed && !ctx.overwriteConflict) throw new PublishConflict(this.conflictDetails(ctx, remote, ours));
    return remote.id;
  }

  /**
   * Drafts under a marker slug that are not the article's post: creates that committed after
   * Dateline gave up on them (for this article, and any the site still holds from earlier jobs,
   * which can land after their job ended) or a copy's create that lost the race.
   */
  private async removeStrays(ctx: PublishContext, postId: number): Promise<void> {
    const keep = [postId, ...(ctx.previous ? [Number(ctx.previous.remoteId)] : [])];
    await sweepStrayDrafts(this.client, ctx.article.id, keep, ctx.signal);
  }

  private account(signal: AbortSignal): Promise<WpUser> {
    if (!this.me) {
      this.me = this.client.request<WpUser>('GET', 'wp/v2/users/me', {
        query: { context: 'edit' },
        purpose: { action: 'read its own profile' },
        signal,
      });
      this.me.then(
        (me) => {
          this.client.role = (me.roles ?? [])[0] ?? null;
        },
        () => {
          this.me = null;
        },
      );
    }
    return this.me;
  }
}

/** Retryable: asking again (after looking up what exists) is the safe answer to a reply we cannot trust. */
function misroutedReply(expected: string, got: string): AppError {
  return new AppError('remote-bad-response', `WordPress answered about ${got} where Dateline asked about ${expected}; a proxy in between may have mixed up replies. Dateline will look again and retry`, {
    kind: 'answer-mixed-up',
    retryable: true,
    mayHaveArrived: true,
  });
}

interface PostFields {
  title: string;
  content: string;
  excerpt: string;
}

/**
 * What this job writes, hashed: the post's fields, its status, slug, scheduled time and kept date. An equal hash
 * recorded at the last publish (with the post unchanged on the site) means there is nothing to send.
 */
function publishedHash(fields: object, ctx: PublishContext): string {
  const { scheduledAt, backdateTo } = ctx.options;
  // Hashed in WordPress's words, as earlier versions recorded it: an unchanged story stays unchanged.
  const status = wordpressPostStatus(ctx.options.status);
  // The kept original date is part of what is written: choosing another one must republish. Absent
  // when not backdating, so hashes recorded before it counted stay equal.
  const backdated = status === 'publish' && backdateTo ? { backdateTo: new Date(backdateTo).toISOString() } : {};
  return createHash('sha256')
    .update(JSON.stringify({ ...fields, status, slug: effectiveSlug(ctx.article), scheduledAt: status === 'future' ? (scheduledAt ?? null) : null, ...backdated }))
    .digest('hex');
}

function featuredMediaId(ctx: PublishContext, media: Map<string, RemoteMedia>): number {
  const figures = distinctFigures(ctx.article.body);
  const lead = figures.find((f) => f.lead);
  const remote = lead ? media.get(lead.mediaId) : undefined;
  return remote ? Number(remote.remoteId) : 0;
}

/** True when the reply names an active theme that supports post thumbnails (featured images). */
export function activeThemeShowsThumbnails(reply: unknown): boolean {
  if (!Array.isArray(reply)) return false;
  const theme: unknown = reply[0];
  if (typeof theme !== 'object' || theme === null) return false;
  const supports = (theme as { theme_supports?: unknown }).theme_supports;
  if (typeof supports !== 'object' || supports === null) return false;
  const thumbnails = (supports as Record<string, unknown>)['post-thumbnails'];
  return thumbnails === true || (Array.isArray(thumbnails) && thumbnails.includes('post'));
}

/** WordPress wants GMT as "YYYY-MM-DDTHH:MM:SS". */
export function wordpressGmt(iso: string): string {
  return new Date(iso).toISOString().slice(0, 19);
}

function hostOf(siteUrl: string): string {
  try {
    return new URL(siteUrl).host;
  } catch {
    return siteUrl;
  }
}
