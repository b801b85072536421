// Runs in: services. The zero-configuration target: publishes an article as a static page in a
// folder (default: "Published" in the user's documents), offline. Each article owns one folder,
// <root>/<slug>/, marked with .dateline-article.json; republishing updates that folder in place.
// Photos are written first, then article.ninjs.json, then index.html last, each atomically. When the
// folder already holds exactly this version (page, ninjs apart from its time, photos) with the same
// status, nothing is written and the job ends as unchanged.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { AppError, isAppError } from '../../../../common/app-error';
import type { Article } from '../../../../common/article';
import { effectiveSlug } from '../../../../common/publish/effective-slug';
import { ninjsArticleUri, ninjsPublishStatus } from '../../../../common/publish/ninjs-publish-status';
import type { PublicationRecord } from '../../../../common/publish/publish-job';
import type { ConnectionReport, FolderTargetConfig } from '../../../../common/publish/publish-target-config';
import { isUsableSlug } from '../../../../common/text/slugify';
import { articleToHtmlPage } from '../../../../common/serialize/article-to-html-page';
import { articleToNinjs, type NinjsMediaInput } from '../../../../common/serialize/article-to-ninjs';
import { bodyToHtml } from '../../../../common/serialize/body-to-html';
import { figureMediaIds } from '../../../../common/serialize/figure-attrs';
import { atomicWriteFile } from '../../store/atomic-write';
import { isReservedFileName } from '../../store/is-reserved-file-name';
import { errnoCode, fsAppError } from '../../store/fs-app-error';
import { alreadyOnTarget, PublishConflict, type PublishContext, type PublishTarget, type UnchangedOnTarget } from '../publish-target';

export const DEFAULT_PUBLISH_FOLDER_NAME = 'Published';
export const ARTICLE_MARKER_FILE = '.dateline-article.json';
export const NINJS_FILE = 'article.ninjs.json';
const IMAGES_DIR = 'images';
const MAX_SUFFIX = 999;
// Names Windows refuses for a folder, whatever the extension.

const markerSchema = z.object({ articleId: z.string() });

export interface FolderTargetOptions {
  config: FolderTargetConfig;
  /** The user's documents folder; the default root is <documentsDir>/Published. */
  documentsDir: string;
  now?: () => Date;
}

export class FolderTarget implements PublishTarget {
  readonly config: FolderTargetConfig;
  private readonly documentsDir: string;
  private readonly now: () => Date;

  constructor(options: FolderTargetOptions) {
    this.config = options.config;
    this.documentsDir = options.documentsDir;
    this.now = options.now ?? (() => new Date());
  }

  /** The folder articles are published into. */
  get root(): string {
    const path = this.config.path.trim();
    return resolve(path.length > 0 ? path : join(this.documentsDir, DEFAULT_PUBLISH_FOLDER_NAME));
  }

  async testConnection(signal?: AbortSignal): Promise<ConnectionReport> {
    signal?.throwIfAborted();
    const root = this.root;
    await ensureRoot(root);
    const probe = join(root, `.dateline-probe-${randomBytes(6).toString('hex')}`);
    try {
      await writeFile(probe, 'Dateline checks it can write here; this file is deleted at once.\n', { flag: 'wx' });
      await unlink(probe);
    } catch (error) {
      await unlink(probe).catch(() => undefined);
      throw folderError(error, root);
    }
    return {
      ok: true,
      siteName: root,
      account: '',
      roles: [],
      allowedStatuses: ['published', 'draft', 'submitted', 'scheduled'],
      canUploadMedia: true,
      canCreateTags: true,
      canCreateCategories: true,
      notes: [`Each article is written to its own folder in ${root}; open its index.html in any browser.`],
    };
  }

  async publish(ctx: PublishContext): Promise<PublicationRecord | UnchangedOnTarget> {
    const { article } = ctx;
    const root = this.root;
    const mediaIds = figureMediaIds(article.body);
    ctx.reportProgress({ step: 'prepare', mediaDone: 0, mediaTotal: mediaIds.length });
    await ensureRoot(root);
    ctx.signal.throwIfAborted();

    const folder = await this.folderFor(ctx, root);
    const indexPath = join(folder, 'index.html');
    if (ctx.previous && samePath(ctx.previous.remoteId, folder) && !ctx.overwriteConflict) {
      await checkUnchangedSinceLastPublish(article, indexPath, ctx.previous);
    }

    try {
      const media: NinjsMediaInput[] = [];
      for (const mediaId of mediaIds) {
        ctx.signal.throwIfAborted();
        const info = await ctx.mediaInfo(mediaId);
        const path = join(folder, IMAGES_DIR, mediaId);
        media.push({ mediaId, href: pathToFileURL(path).href, mimeType: info.mimeType, width: info.width, height: info.height, bytes: info.bytes });
      }
      const localSrc = (mediaId: string) => `${IMAGES_DIR}/${mediaId}`;
      const status = ninjsPublishStatus(ctx.options);
      // ninjs requires absolute URIs for renditions (file:// here); its HTML body uses the relative paths.
      const ninjsText = (versionCreated: string) =>
        `${JSON.stringify(
          articleToNinjs(article, {
            uri: ninjsArticleUri(article.id),
            versionCreated,
            firstCreated: article.createdAt,
            media,
            bodySrc: localSrc,
            pubStatus: status.pubStatus,
            ...(status.embargoed ? { embargoed: status.embargoed } : {}),
          }),
          null,
          2,
        )}\n`;
      const page = articleToHtmlPage(article, { mediaSrc: localSrc });
      if (ctx.previous && samePath(ctx.previous.remoteId, folder) && alreadyOnTarget(ctx, sha256(page)) && (await holdsExactly(folder, page, ninjsText, media))) {
        ctx.reportProgress({ step: 'done', mediaDone: mediaIds.length, mediaTotal: mediaIds.length });
        return { unchanged: ctx.previous };
      }

      // Photos first: the page never points at a photo that is not there yet.
      if (mediaIds.length > 0) await mkdir(join(folder, IMAGES_DIR), { recursive: true });
      for (const [index, item] of media.entries()) {
        ctx.signal.throwIfAborted();
        const path = join(folder, IMAGES_DIR, item.mediaId);
        // Media ids are content hashes: a file of the same name and size is already this photo.
        const existing = await stat(path).catch(() => null);
        if (existing?.size !== item.bytes) await atomicWriteFile(path, await ctx.readMedia(item.mediaId));
        ctx.reportProgress({ step: 'upload-media', mediaDone: index + 1, mediaTotal: mediaIds.length });
      }
      ctx.signal.throwIfAborted();
      ctx.reportProgress({ step: 'create-post', mediaDone: mediaIds.length, mediaTotal: mediaIds.length });

      const now = this.now().toISOString();
      await atomicWriteFile(join(folder, NINJS_FILE), ninjsText(now));
      await atomicWriteFile(indexPath, page);
      await removeUnusedImages(folder, new Set(mediaIds));
      const written = await stat(indexPath);
      ctx.reportProgress({ step: 'done', mediaDone: mediaIds.length, mediaTotal: mediaIds.length });
      return {
        targetId: this.config.id,
        targetKind: 'folder',
        remoteId: folder,
        url: pathToFileURL(indexPath).href,
        status: ctx.options.status,
        contentHash: sha256(page),
        remoteModified: written.mtime.toISOString(),
        publishedAt: now,
        articleRevision: article.revision,
      };
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') throw error;
      throw folderError(error, folder);
    }
  }

  /** This article's folder: the one recorded by an earlier attempt or publish, else a fresh claim. */
  private async folderFor(ctx: PublishContext, root: string): Promise<string> {
    const candidates = [ctx.checkpoint.folder, ctx.previous?.remoteId].filter((p): p is string => typeof p === 'string');
    for (const candidate of candidates) {
      if (!isInside(root, candidate)) continue;
      const owner = await markerOwner(candidate);
      // A recorded folder someone deleted is recreated in place; one another article took is not ours.
      if (owner === ctx.article.id || owner === 'missing') {
        await claimExact(candidate, ctx.article.id);
        if (ctx.checkpoint.folder !== candidate) await ctx.saveCheckpoint({ ...ctx.checkpoint, folder: candidate });
        return candidate;
      }
    }
    const folder = await claimFolder(root, folderBaseName(ctx.article), ctx.article.id);
    await ctx.saveCheckpoint({ ...ctx.checkpoint, folder });
    return folder;
  }
}

/** The slug when usable as a folder name on every OS; otherwise the article id. */
export function folderBaseName(article: Pick<Article, 'id' | 'headline' | 'meta'>): string {
  const slug = effectiveSlug(article);
  if (!isUsableSlug(slug)) return article.id;
  return isReservedFileName(slug) ? `${slug}-article` : slug;
}

async function ensureRoot(root: string): Promise<void> {
  try {
    await mkdir(root, { recursive: true });
  } catch (error) {
    throw folderError(error, root);
  }
}

/** `<root>/<base>`, or `-2`, `-3`... when another article (or a folder Dateline did not make) has it. */
async function claimFolder(root: string, base: string, articleId: string): Promise<string> {
  for (let n = 1; n <= MAX_SUFFIX; n++) {
    const folder = join(root, n === 1 ? base : `${base}-${n}`);
    const owner = await markerOwner(folder);
    if (owner === articleId) return folder;
    if (owner !== 'missing') continue;
    try {
      await mkdir(folder);
    } catch (error) {
      // Taken between our look and our mkdir: look again at the next name.
      if (errnoCode(error) === 'EEXIST') continue;
      throw folderError(error, folder);
    }
    await writeMarker(folder, articleId);
    return folder;
  }
  throw new AppError('conflict', `Could not find a free folder name for "${base}" in ${root}: ${MAX_SUFFIX} are taken. Tidy up the folder, or choose another slug.`, { kind: 'name-taken', name: base, max: MAX_SUFFIX });
}

async function claimExact(folder: string, articleId: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw folderError(error, folder);
  }
  if ((await markerOwner(folder)) !== articleId) await writeMarker(folder, articleId);
}

/** Who owns `folder`: an article id, "missing" (no such folder) or "foreign" (made by someone else). */
async function markerOwner(folder: string): Promise<string> {
  const info = await stat(folder).catch((error: unknown) => {
    if (errnoCode(error) === 'ENOENT') return null;
    throw folderError(error, folder);
  });
  if (!info) return 'missing';
  if (!info.isDirectory()) return 'foreign';
  try {
    const parsed = markerSchema.safeParse(JSON.parse(await readFile(join(folder, ARTICLE_MARKER_FILE), 'utf8')));
    return parsed.success ? parsed.data.articleId : 'foreign';
  } catch {
    return 'foreign';
  }
}

async function writeMarker(folder: string, articleId: string): Promise<void> {
  await atomicWriteFile(join(folder, ARTICLE_MARKER_FILE), `${JSON.stringify({ articleId, note: 'Dateline publishes this article here; do not delete this file.' }, null, 2)}\n`);
}

/** A hand edit of the published page since our last publish is a conflict: never overwrite it silently. */
async function checkUnchangedSinceLastPublish(article: Article, indexPath: string, previous: PublicationRecord): Promise<void> {
  let onDisk: string;
  try {
    onDisk = await readFile(indexPath, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return;
    throw folderError(error, indexPath);
  }
  if (sha256(onDisk) === previous.contentHash) return;
  const modified = (await stat(indexPath)).mtime.toISOString();
  const title = /<title>([\s\S]*?)<\/title>/.exec(onDisk)?.[1] ?? '';
  throw new PublishConflict({
    remote: { title, excerpt: '', contentHtml: onDisk, modified, url: pathToFileURL(indexPath).href },
    local: { title: article.headline, excerpt: article.summary, contentHtml: bodyToHtml(article.body, { mediaSrc: (id) => `${IMAGES_DIR}/${id}` }) },
    recordedModified: previous.remoteModified,
  });
}

/** True when the folder holds this page, this ninjs apart from its time, and every photo. */
async function holdsExactly(folder: string, page: string, ninjsText: (versionCreated: string) => string, media: NinjsMediaInput[]): Promise<boolean> {
  const read = (name: string) => readFile(join(folder, name), 'utf8').catch(() => null);
  if ((await read('index.html')) !== page) return false;
  const ninjsOnDisk = await read(NINJS_FILE);
  let versionCreated: unknown;
  try {
    versionCreated = ninjsOnDisk === null ? null : (JSON.parse(ninjsOnDisk) as { versioncreated?: unknown }).versioncreated;
  } catch {
    return false;
  }
  if (typeof versionCreated !== 'string' || ninjsText(versionCreated) !== ninjsOnDisk) return false;
  for (const item of media) {
    const onDisk = await stat(join(folder, IMAGES_DIR, item.mediaId)).catch(() => null);
    if (onDisk?.size !== item.bytes) return false;
  }
  return true;
}

/** Photos an earlier version used and this one does not are removed once the new page is in place. */
async function removeUnusedImages(folder: string, keep: Set<string>): Promise<void> {
  const names = await readdir(join(folder, IMAGES_DIR)).catch(() => [] as string[]);
  for (const name of names) {
    if (!keep.has(name)) await unlink(join(folder, IMAGES_DIR, name)).catch(() => undefined);
  }
}

function folderError(error: unknown, path: string): AppError {
  if (isAppError(error)) return error;
  const code = errnoCode(error);
  if (code === 'ENOTDIR' || code === 'EEXIST') {
    return new AppError('io-error', `Cannot publish into ${path}: part of that path is a file, not a folder. Choose another publish folder in Settings.`, { kind: 'folder-is-file', path, errno: code });
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError('permission-denied', `Dateline may not write to the publish folder ${path} (${code}). Choose a folder you can write to in Settings.`, { kind: 'file-access', path, errno: code });
  }
  if (code === 'ENOENT') {
    return new AppError('io-error', `Cannot publish into ${path}: the drive or a parent folder is not there. Connect the drive, or choose another folder in Settings.`, { kind: 'folder-gone', path, errno: code });
  }
  return fsAppError(error, path, 'publish into');
}

/** True for a folder directly inside `root`: a recorded folder elsewhere (the root was changed) is not reused. */
function isInside(root: string, path: string): boolean {
  return dirname(resolve(path)) === root;
}

function samePath(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
