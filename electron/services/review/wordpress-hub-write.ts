// Runs in: services. Writes an article under review to its post. Every write names the hub
// revision it started from: with the companion plugin the check is atomic on the server (409 →
// 'conflict'); without it the hub waits out the base's second, looks again, writes, and then looks
// whether another write landed on top (see wordpress-hub.ts). A live post keeps its content: only
// the package changes (and spiking takes a scheduled story off the schedule).
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../common/app-error';
import type { Article, ArticleStatus } from '../../../common/article';
import { hasPendingSuggestions } from '../../../common/editor/pending-suggestions';
import { bodyToGutenberg, bylineBlock } from '../../../common/serialize/body-to-gutenberg';
import { articleIdInContent, articleMarkerBlock, deleteDraft, modifiedToken, olderTwin, postIdOfDerived, postsMentioning, wordpressErrorDetails, writeNonceInContent } from '../wordpress';
import { contentHash } from './canonical-json';
import { articleTitle } from './hub-input';
import { REVIEW_PACKAGE_FORMAT, REVIEW_PACKAGE_VERSION, type HubWriteResult } from './review-package';
import { holds, markVerified } from './wordpress-hub-attachments';
import { getPost, type HubContext } from './wordpress-hub-context';
import type { WpReviewPost } from './wordpress-hub-fallback';
import { checkBase, locate, type Located } from './wordpress-hub-locate';
import { encodePackage, MAX_ENCODED_PACKAGE, type RemotePhoto, type WordPressPackage } from './wordpress-hub-package';
import { uploadReviewPhotos } from './wordpress-hub-photos';

/** Everything of a package except what a write computes. */
export type PackageDraft = Pick<WordPressPackage, 'article' | 'history' | 'comments' | 'submittedBy' | 'submittedTo' | 'submittedAt' | 'updatedBy' | 'previousSubmission'> & {
  media: Record<string, RemotePhoto>;
};

// Posts in these statuses are live (or about to be): review writes keep to the package and leave the post alone.
const LIVE_STATUSES = new Set(['publish', 'future', 'private']);

export async function writePost(ctx: HubContext, current: Located | null, companion: boolean, baseHubRevision: number | null, draft: PackageDraft): Promise<HubWriteResult> {
  const article = draft.article;
  const label = `“${articleTitle(article)}”`;
  if (!companion && draft.comments.length > 0) {
    throw new AppError(
      'invalid-input',
      `${ctx.options.targetLabel} cannot keep review comments: the Dateline Companion plugin is not installed there. Ask the site's administrator to install resources/wordpress/dateline-companion.php, or send ${label} without comments`,
      { kind: 'hub-comments-need-plugin', target: ctx.options.siteUrl },
    );
  }
  // Without the plugin the article comes back from the post's HTML, which never holds suggestions: refuse rather than lose them.
  if (!companion && hasPendingSuggestions(article.body)) {
    throw new AppError(
      'invalid-input',
      `${ctx.options.targetLabel} cannot keep the suggestions in ${label}: the Dateline Companion plugin is not installed there. Accept or reject them first, or ask the site's administrator to install resources/wordpress/dateline-companion.php`,
      { kind: 'hub-suggestions-need-plugin', target: ctx.options.siteUrl, headline: articleTitle(article) },
    );
  }
  let target = current;
  if (!companion && current !== null) {
    // Let the clock leave the base's second (so this write moves the token), then look again right before writing.
    await waitPastSecond(ctx, current.token);
    target = await locate(ctx, current.articleId, companion);
    if (target === null) {
      throw new AppError('conflict', `${label} was removed from WordPress while you were saving it`, { kind: 'hub-removed', headline: articleTitle(article), hubRevision: null });
    }
    checkBase(target, baseHubRevision, article);
  }
  const live = target !== null && LIVE_STATUSES.has(target.post.status);
  // Nothing of a live post changes for review without the plugin: the publishing job sends the article.
  if (!companion && live) return { hubRevision: target?.token ?? 0, contentHash: contentHash(article), updatedAt: ctx.now().toISOString(), keepsComments: false };
  const media = await uploadReviewPhotos(article, {
    client: ctx.client,
    media: ctx.options.media,
    companion,
    known: draft.media,
    uploadTimeoutMs: ctx.uploadTimeoutMs,
    holds: (mediaId, photo, what) => holds(ctx, mediaId, photo, what),
  });
  markVerified(ctx, media);
  const updatedAt = ctx.now().toISOString();
  const nextRevision = (target?.storedRevision ?? 0) + 1;
  const pkg: WordPressPackage = {
    format: REVIEW_PACKAGE_FORMAT,
    version: REVIEW_PACKAGE_VERSION,
    hubRevision: nextRevision,
    contentHash: contentHash(article),
    article,
    history: draft.history,
    comments: draft.comments,
    submittedBy: draft.submittedBy,
    submittedTo: draft.submittedTo,
    submittedAt: draft.submittedAt,
    updatedAt,
    updatedBy: draft.updatedBy,
    previousSubmission: draft.previousSubmission,
    media,
  };
  const fields: Record<string, unknown> = {};
  const nonce = randomBytes(8).toString('hex');
  if (!live) {
    fields.title = article.headline;
    fields.content = companion ? content(article, media) : `${articleMarkerBlock(article.id, nonce)}\n\n${content(article, media)}`;
    fields.excerpt = article.summary;
    const status = wordpressStatusFor(article.status);
    if (status) fields.status = status;
  } else if (article.status === 'spiked' && target?.post.status === 'future') {
    // Spiking a scheduled story takes it off the schedule: it must never go live by itself.
    fields.status = 'draft';
  }
  if (companion) {
    const encoded = encodePackage(pkg);
    if (encoded.length > MAX_ENCODED_PACKAGE) {
      throw new AppError(
        'invalid-input',
        `${label} with its history and comments is too large to keep in WordPress (${Math.ceil(encoded.length / 1_048_576)} MB; at most ${MAX_ENCODED_PACKAGE / 1_048_576} MB): resolve and remove old comments, or shorten the article`,
        { kind: 'hub-package-too-large', headline: articleTitle(article), megabytes: Math.ceil(encoded.length / 1_048_576), maxMegabytes: MAX_ENCODED_PACKAGE / 1_048_576 },
      );
    }
    fields.meta = { dateline_document: article.id, dateline_review: encoded };
    fields.dateline_base_revision = target?.storedRevision ?? 0;
  }
  const route = target ? `wp/v2/posts/${target.post.id}` : 'wp/v2/posts';
  let saved: WpReviewPost;
  try {
    saved = await ctx.client.request<WpReviewPost>('POST', route, {
      json: fields,
      query: { context: 'edit' },
      purpose: { action: target ? `send ${label} for review (the post belongs to someone else or is already published)` : 'write posts' },
    });
  } catch (error) {
    throw asConflict(error, label);
  }
  if (target && saved.id !== target.post.id) {
    throw new AppError('remote-bad-response', `WordPress answered about post ${saved.id} where Dateline saved post ${target.post.id}; a proxy in between may have mixed up replies. Open the article again`, {
      kind: 'answer-mixed-up',
      retryable: false,
      mayHaveArrived: true,
    });
  }
  ctx.postOf.set(article.id, saved.id);
  if (companion) {
    const stored = Number(saved.meta?.dateline_hub_revision);
    if (stored !== nextRevision) {
      throw new AppError(
        'remote-bad-response',
        `WordPress saved ${label} but not its review revision (it holds ${Number.isFinite(stored) ? stored : 'none'}, Dateline expected ${nextRevision}): the Dateline Companion plugin on ${ctx.options.siteUrl} may be out of date`,
        { kind: 'hub-revision-not-kept', headline: articleTitle(article) },
      );
    }
    return { hubRevision: stored, contentHash: pkg.contentHash, updatedAt, keepsComments: true };
  }
  if (target === null) await removeIfTwin(ctx, saved, article.id, label);
  else await checkNotOverwritten(ctx, saved, nonce, label);
  return { hubRevision: modifiedToken(saved.modified_gmt), contentHash: pkg.contentHash, updatedAt, keepsComments: companion };
}

/** Without the plugin: of two first submissions at once the older post stays; the newer one deletes itself. */
async function removeIfTwin(ctx: HubContext, saved: WpReviewPost, articleId: string, label: string): Promise<void> {
  if (postIdOfDerived(ctx.options.siteUrl, articleId) !== null) return;
  const found = await postsMentioning<WpReviewPost>(ctx.client, articleId, { purpose: 'look up posts sent for review' });
  const older = olderTwin(found, saved.id, (p) => articleIdInContent(p.content?.raw) === articleId);
  if (!older) return;
  await deleteDraft(ctx.client, saved.id, undefined, { action: 'delete its own duplicate post', missingIsFine: false });
  throw new AppError('conflict', `${label} was sent to WordPress from another machine at the same moment (post ${older.id}); open it there to continue`, {
    kind: 'hub-twin',
    headline: label.slice(1, -1),
    hubRevision: modifiedToken(older.modified_gmt),
    postId: older.id,
  });
}

/** Without the plugin: a write that landed on top of ours (its nonce replaced ours) means ours is lost — say so. */
async function checkNotOverwritten(ctx: HubContext, saved: WpReviewPost, nonce: string, label: string): Promise<void> {
  let now: WpReviewPost | null = saved;
  // WordPress answers with the post as it is after the write: another write may already show.
  if (writeNonceInContent(now.content?.raw) === nonce) {
    // A writer whose check passed just before our write lands its write within a request's time: wait that out.
    await ctx.sleep(ctx.settleMs);
    now = await getPost(ctx, saved.id);
  }
  if (now === null || writeNonceInContent(now.content?.raw) !== nonce) {
    throw new AppError('conflict', `Someone else saved ${label} in WordPress at the same moment as you, over your change; reopen it to see theirs and make your change again`, {
      kind: 'hub-race-lost',
      headline: label.slice(1, -1),
      hubRevision: now ? modifiedToken(now.modified_gmt) : null,
    });
  }
}

function asConflict(error: unknown, label: string): unknown {
  const details = wordpressErrorDetails(error);
  if (!details || details.status !== 409 || !details.wpCode?.startsWith('dateline_review')) return error;
  if (details.wpCode === 'dateline_review_busy') {
    return new AppError('conflict', `${label} is being saved to WordPress by someone else right now; try again in a moment`, {
      kind: 'hub-busy',
      headline: label.slice(1, -1),
      hubRevision: null,
    });
  }
  const revision = typeof details.wpData?.hubRevision === 'number' ? details.wpData.hubRevision : null;
  return new AppError(
    'conflict',
    `Someone else changed ${label} in WordPress since you opened it${revision !== null ? ` (revision ${revision})` : ''}; reopen it to see their changes`,
    { kind: 'hub-changed', headline: label.slice(1, -1), hubRevision: revision, postId: typeof details.wpData?.postId === 'number' ? details.wpData.postId : null },
  );
}

function content(article: Article, media: Record<string, RemotePhoto>): string {
  const body = bodyToGutenberg(article.body, {
    media: (mediaId) => {
      const remote = media[mediaId];
      return remote ? { id: remote.id, url: remote.url } : null;
    },
  });
  const byline = bylineBlock(article);
  return byline ? `${byline}\n\n${body}` : body;
}

async function waitPastSecond(ctx: HubContext, token: number): Promise<void> {
  const wait = (token + 1) * 1000 + 50 - ctx.now().getTime();
  if (wait > 0 && wait <= 2_000) await ctx.sleep(wait);
}

/** The WordPress status a review state puts the post in; null leaves it as it is (the publishing job decides). */
export function wordpressStatusFor(status: ArticleStatus): 'pending' | 'draft' | null {
  switch (status) {
    case 'submitted':
    case 'approved':
      return 'pending';
    case 'draft':
    case 'changes_requested':
    case 'spiked':
      return 'draft';
    default:
      return null;
  }
}
