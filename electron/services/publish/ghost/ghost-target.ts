// Runs in: services. Publishes an article to Ghost through its Admin API exactly once: photos once
// per content hash (the media registry), then the post, created once as a draft under the job's
// marker slug and its id persisted at once, then its final slug, status and time. Before any create
// the site is asked for the article's post (by its internal tag), so a retry after a lost reply
// finds the post instead of making a second. Updates change the same post, after a conflict check
// against the `updated_at` and the fingerprint recorded at the last publish; every update sends the
// `updated_at` it was based on, and Ghost's 409 UpdateCollisionError becomes a conflict.
import { createHash } from 'node:crypto';
import { AppError, isAppError } from '../../../../common/app-error';
import { effectiveSlug } from '../../../../common/publish/effective-slug';
import type { ConflictDetails, PublicationRecord, PublishRemark } from '../../../../common/publish/publish-job';
import type { ConnectionReport, GhostTargetConfig, PublishStatus } from '../../../../common/publish/publish-target-config';
import { CHECKPOINT_ADOPT, CHECKPOINT_REMOTE_ID, pendingRemoteSchema } from '../pending-remote-store';
import { alreadyOnTarget, PublishConflict, type Checkpoint, type PublishContext, type PublishTarget, type UnchangedOnTarget } from '../publish-target';
import { GhostAdminClient, type FetchImpl } from './ghost-admin-client';
import { articlePosts, articleTagName, isAnyMarkerDraft, isMarkerDraftOf, postMarker, type GhostPost } from './ghost-article-posts';
import { resolveGhostAuthors } from './ghost-authors';
import { uploadGhostImages } from './ghost-images';
import { ghostPostFingerprint } from './ghost-post-fingerprint';
import { ghostFeatureImage, ghostPostHtml } from './ghost-post-html';

export interface GhostTargetOptions {
  config: GhostTargetConfig;
  /** The `id:secret` Admin API key from the SecretStore; null when none is stored. */
  adminKey: string | null;
  fetchImpl?: FetchImpl;
  timeoutMs?: number;
  /** Photo uploads get longer; defaults to max(timeoutMs, 120 s). */
  uploadTimeoutMs?: number;
}

/** Ghost's limits on a post's title and custom excerpt, in characters. */
const TITLE_MAX = 255;
const EXCERPT_MAX = 300;
/** Ghost's limit on a tag's name. */
const TAG_MAX = 191;

interface GhostCheckpoint {
  postId?: string;
  [CHECKPOINT_REMOTE_ID]?: string;
  /** Set before the create request is sent: a retry must look for the post before creating another. */
  createSent?: boolean;
  /** The conflict check passed (or was overridden): our own update must not trip it on a retry. */
  conflictChecked?: boolean;
  /** Photos whose upload was sent: a retry looks for them on the site before uploading again. */
  uploadsSent?: string[];
}

/** The post's fields this job writes, as Ghost takes them. */
interface PostFields {
  title: string;
  html: string;
  custom_excerpt: string | null;
  tags: { name: string }[];
  authors?: { email: string }[];
  feature_image: string | null;
  feature_image_alt: string | null;
  feature_image_caption: string | null;
}

const GHOST_STATUS: Record<PublishStatus, string> = { published: 'published', scheduled: 'scheduled', draft: 'draft', submitted: 'draft' };

export class GhostTarget implements PublishTarget {
  readonly config: GhostTargetConfig;
  private readonly client: GhostAdminClient;
  private readonly uploadTimeoutMs: number;

  constructor(options: GhostTargetOptions) {
    this.config = options.config;
    this.client = new GhostAdminClient({
      siteUrl: options.config.siteUrl,
      adminKey: options.adminKey,
      targetLabel: `The Ghost site ${hostOf(options.config.siteUrl)}`,
      fetchImpl: options.fetchImpl,
      timeoutMs: options.timeoutMs,
    });
    this.uploadTimeoutMs = options.uploadTimeoutMs ?? Math.max(options.timeoutMs ?? 0, 120_000);
  }

  async testConnection(signal?: AbortSignal): Promise<ConnectionReport> {
    const site = await this.client.siteInfo(signal);
    // Any signed read proves the key; the integration's rights are the same for every key.
    await this.client.request<unknown>('GET', 'posts/', { query: { limit: 1, fields: 'id' }, action: 'read its posts', signal });
    return {
      ok: true,
      siteName: site.title || hostOf(this.config.siteUrl),
      account: 'Admin API integration',
      roles: ['integration'],
      allowedStatuses: ['published', 'scheduled', 'draft'],
      canUploadMedia: true,
      canCreateTags: true,
      canCreateCategories: true,
      notes: [
        `Ghost ${site.version} accepted the Admin API key.`,
        'The section becomes the post’s primary tag; bylines become authors when a staff user of the site has that name or email.',
        'Ghost has no review status: "Submit for review" leaves the story there as a draft.',
      ],
    };
  }

  async publish(ctx: PublishContext): Promise<PublicationRecord | UnchangedOnTarget> {
    let checkpoint = { ...(ctx.checkpoint as GhostCheckpoint) };
    const save = async (next: GhostCheckpoint): Promise<void> => {
      checkpoint = { ...checkpoint, ...next };
      await ctx.saveCheckpoint(checkpoint as Checkpoint);
    };

    // a. Photos, once per content hash.
    const uploads = {
      sent: checkpoint.uploadsSent ?? [],
      markSent: (mediaId: string) => save({ uploadsSent: [...new Set([...(checkpoint.uploadsSent ?? []), mediaId])] }),
    };
    const media = await uploadGhostImages(this.client, ctx, uploads, this.uploadTimeoutMs);
    const progress = (step: string) => ctx.reportProgress({ step, mediaDone: media.size, mediaTotal: media.size });

    // b. Authors, tags and the fields.
    progress('terms');
    const remarks: PublishRemark[] = [];
    const { authors, unmatched } = await resolveGhostAuthors(this.client, ctx.article.meta.bylines, ctx.signal);
    for (const name of unmatched) remarks.push({ kind: 'author-not-on-site', name });
    const summary = ctx.article.summary.trim();
    if ([...summary].length > EXCERPT_MAX) remarks.push({ kind: 'excerpt-shortened', maxChars: EXCERPT_MAX });
    if (ctx.options.status === 'submitted') remarks.push({ kind: 'pending-as-draft' });
    const fields: PostFields = {
      title: [...ctx.article.headline].slice(0, TITLE_MAX).join(''),
      html: ghostPostHtml(ctx.article, media, this.config.attributionLines),
      custom_excerpt: summary.length > 0 ? [...summary].slice(0, EXCERPT_MAX).join('') : null,
      tags: postTags(ctx),
      ...(authors.length > 0 ? { authors } : {}),
      ...ghostFeatureImage(ctx.article, media),
    };
    const contentHash = publishedHash(fields, ctx);

    // c. The post: the one from an earlier publish (after a conflict check), or one created once.
    progress('create-post');
    let postId = checkpoint.postId ?? null;
    let current: GhostPost | null = null;
    if (postId === null) {
      const adopted = await this.adoptedPost(ctx);
      if (adopted) {
        postId = adopted.id;
        current = adopted;
        await save({ postId, remoteId: postId });
      }
    }
    if (postId === null && ctx.previous) {
      const checked = await this.checkedPrevious(ctx, fields);
      if (checked) {
        // The post is as Dateline left it and this job would write the same: send nothing.
        if (alreadyOnTarget(ctx, contentHash)) return { unchanged: ctx.previous };
        postId = checked.id;
        current = checked;
        await save({ postId, remoteId: postId, conflictChecked: true });
      }
    }
    if (postId === null) {
      const found = await this.foundOrCreated(ctx, fields, () => save({ createSent: true }));
      postId = found.id;
      current = found;
      await save({ postId, remoteId: postId });
    }

    // d. The final slug, status and time, based on the post as just read.
    progress('set-status');
    current ??= await this.readPost(postId, ctx.signal);
    if (current === null) throw new AppError('remote-not-found', `The post Dateline was publishing to (${postId}) is gone from ${this.client.targetLabel}; publish again to make a new one`, { kind: 'post-gone', site: this.config.siteUrl });
    const status = GHOST_STATUS[ctx.options.status];
    const final: Record<string, unknown> = { ...fields, status, slug: effectiveSlug(ctx.article), updated_at: current.updated_at };
    if (ctx.options.status === 'scheduled' && ctx.options.scheduledAt) final.published_at = new Date(ctx.options.scheduledAt).toISOString();
    // A post scheduled earlier and now published at once must not keep waiting for its old time.
    if (ctx.options.status === 'published' && current.status === 'scheduled') final.published_at = new Date().toISOString();
    if (ctx.options.status === 'published' && ctx.options.backdateTo) final.published_at = new Date(ctx.options.backdateTo).toISOString();
    let live: GhostPost;
    try {
      live = await this.writePost(postId, final, ctx.signal);
    } catch (error) {
      // Someone saved the post in Ghost between our read and this write: even an overwrite the
      // person chose was a choice about the version they saw, not this newer one.
      if (isAppError(error) && error.code === 'remote-conflict') {
        const remote = await this.readPost(postId, ctx.signal);
        if (remote) throw new PublishConflict(this.conflictDetails(ctx, remote, fields));
      }
      throw error;
    }

    // e. Clear any twin a lost create reply left behind.
    progress('verify');
    await this.removeStrays(ctx, postId);
    return {
      targetId: this.config.id,
      targetKind: 'ghost',
      remoteId: postId,
      url: live.url,
      status: recordStatus(live.status, ctx.options.status),
      contentHash,
      remoteModified: live.updated_at,
      publishedAt: new Date().toISOString(),
      articleRevision: ctx.article.revision,
      remoteFingerprint: ghostPostFingerprint(live),
      jobId: ctx.jobId,
      ...(remarks.length > 0 ? { remarks } : {}),
    };
  }

  /**
   * The article's post on the site, looked up by its tag before any create: our own earlier create
   * (a lost reply) is finished here; a post someone else finished is updated only after a person
   * chose to. Without one, a draft is created under the job's marker.
   */
  private async foundOrCreated(ctx: PublishContext, fields: PostFields, beforeCreate: () => Promise<void>): Promise<GhostPost> {
    const existing = await articlePosts(this.client, ctx.article.id, ctx.signal);
    const ours = existing.find((post) => isMarkerDraftOf(post, ctx.jobId));
    if (ours) return ours;
    const other = existing.find((post) => !isAnyMarkerDraft(post)) ?? existing[0];
    if (other) {
      if (isAnyMarkerDraft(other) || ctx.overwriteConflict) return other;
      throw new PublishConflict(this.conflictDetails(ctx, other, fields));
    }
    await beforeCreate();
    const reply = await this.client.request<{ posts?: GhostPost[] }>('POST', 'posts/', {
      query: { source: 'html', formats: 'html' },
      json: { posts: [{ ...fields, status: 'draft', slug: postMarker(ctx.jobId) }] },
      action: 'create the post',
      signal: ctx.signal,
    });
    const created = reply?.posts?.[0];
    if (!created || typeof created.id !== 'string') throw new AppError('remote-bad-response', 'Ghost created the post but did not say which it is; Dateline will look it up and retry', { kind: 'created-without-id', retryable: true, mayHaveArrived: true });
    // A reply that is not about our draft (a confused proxy or cache) must not be adopted.
    if (!isMarkerDraftOf(created, ctx.jobId)) throw misroutedReply(`the new draft "${postMarker(ctx.jobId)}"`, created.slug);
    return created;
  }

  private async writePost(postId: string, post: Record<string, unknown>, signal: AbortSignal): Promise<GhostPost> {
    const reply = await this.client.request<{ posts?: GhostPost[] }>('PUT', `posts/${postId}/`, {
      query: { source: 'html', formats: 'html' },
      json: { posts: [post] },
      action: `set the post’s status to ${String(post.status)}`,
      signal,
    });
    const live = reply?.posts?.[0];
    if (!live || live.id !== postId) throw misroutedReply(`post ${postId}`, `post ${live?.id ?? 'none'}`);
    return live;
  }

  /** The post with its HTML; null when it was deleted in Ghost. */
  private async readPost(postId: string, signal: AbortSignal): Promise<GhostPost | null> {
    try {
      const reply = await this.client.request<{ posts?: GhostPost[] }>('GET', `posts/${postId}/`, { query: { formats: 'html' }, action: `read post ${postId}`, signal });
      const post = reply?.posts?.[0];
      if (!post || post.id !== postId) throw misroutedReply(`post ${postId}`, `post ${post?.id ?? 'none'}`);
      return post;
    } catch (error) {
      if (isAppError(error) && error.code === 'remote-not-found') return null;
      throw error;
    }
  }

  /** The post an unfinished earlier job created for this article (offered by the outbox); null when none or gone. */
  private async adoptedPost(ctx: PublishContext): Promise<GhostPost | null> {
    const offer = pendingRemoteSchema.pick({ remoteId: true }).safeParse(ctx.checkpoint[CHECKPOINT_ADOPT]);
    if (!offer.success || offer.data.remoteId === ctx.previous?.remoteId || !/^[0-9a-f]{24}$/.test(offer.data.remoteId)) return null;
    return this.readPost(offer.data.remoteId, ctx.signal);
  }

  /** The previously published post if it is unchanged on the server (or the person chose to overwrite); null when it was deleted. */
  private async checkedPrevious(ctx: PublishContext, ours: PostFields): Promise<GhostPost | null> {
    const previous = ctx.previous;
    if (!previous || !/^[0-9a-f]{24}$/.test(previous.remoteId)) return null;
    const remote = await this.readPost(previous.remoteId, ctx.signal);
    if (!remote) return null;
    // A scheduled post that went live changed its time stamp by Ghost's own doing.
    const wentLive = previous.status === 'scheduled' && remote.status === 'published';
    const fingerprintChanged = previous.remoteFingerprint !== undefined && ghostPostFingerprint(remote) !== previous.remoteFingerprint;
    const changed = fingerprintChanged || (remote.updated_at !== previous.remoteModified && !wentLive);
    if (changed && !ctx.overwriteConflict) throw new PublishConflict(this.conflictDetails(ctx, remote, ours));
    return remote;
  }

  private conflictDetails(ctx: PublishContext, remote: GhostPost, ours: PostFields): ConflictDetails {
    return {
      remote: { title: remote.title ?? '', excerpt: remote.custom_excerpt ?? '', contentHtml: remote.html ?? '', modified: remote.updated_at, url: remote.url },
      local: { title: ours.title, excerpt: ours.custom_excerpt ?? '', contentHtml: ours.html },
      recordedModified: ctx.previous?.remoteModified ?? '',
    };
  }

  /** Marker drafts of this article that are not its post: creates that committed after Dateline gave up on them. */
  private async removeStrays(ctx: PublishContext, postId: string): Promise<void> {
    const keep = new Set([postId, ctx.previous?.remoteId ?? '']);
    for (const post of await articlePosts(this.client, ctx.article.id, ctx.signal)) {
      if (keep.has(post.id) || !isAnyMarkerDraft(post)) continue;
      try {
        await this.client.request<unknown>('DELETE', `posts/${post.id}/`, { action: `delete its own unfinished draft ${post.id}`, signal: ctx.signal });
      } catch (error) {
        if (!(isAppError(error) && error.code === 'remote-not-found')) throw error;
      }
    }
  }
}

/** The section first (Ghost's primary tag), then the tags, then the article's internal marker tag. */
function postTags(ctx: PublishContext): { name: string }[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const raw of [ctx.article.meta.section, ...ctx.article.meta.tags]) {
    const name = [...raw.trim()].slice(0, TAG_MAX).join('');
    const key = name.toLowerCase();
    if (name.length === 0 || seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return [...names, articleTagName(ctx.article.id)].map((name) => ({ name }));
}

/**
 * What this job writes, hashed with its status, slug, scheduled time and the original date it keeps
 * (choosing another one must republish; absent when not backdating, so older hashes stay equal).
 */
function publishedHash(fields: PostFields, ctx: PublishContext): string {
  const { status, scheduledAt, backdateTo } = ctx.options;
  const backdated = status === 'published' && backdateTo ? { backdateTo: new Date(backdateTo).toISOString() } : {};
  return createHash('sha256')
    .update(JSON.stringify({ ...fields, status, slug: effectiveSlug(ctx.article), scheduledAt: status === 'scheduled' ? (scheduledAt ?? null) : null, ...backdated }))
    .digest('hex');
}

/** The status to record: Ghost's, in Dateline's words (a story submitted for review waits as a draft). */
function recordStatus(ghostStatus: string, asked: PublishStatus): PublishStatus {
  if (ghostStatus === 'published') return 'published';
  if (ghostStatus === 'scheduled') return 'scheduled';
  return asked === 'submitted' ? 'submitted' : 'draft';
}

/** Retryable: asking again (after looking up what exists) is the safe answer to a reply we cannot trust. */
function misroutedReply(expected: string, got: string): AppError {
  return new AppError('remote-bad-response', `Ghost answered about ${got} where Dateline asked about ${expected}; a proxy in between may have mixed up replies. Dateline will look again and retry`, {
    kind: 'answer-mixed-up',
    retryable: true,
    mayHaveArrived: true,
  });
}

function hostOf(siteUrl: string): string {
  try {
    return new URL(siteUrl).host;
  } catch {
    return siteUrl;
  }
}
