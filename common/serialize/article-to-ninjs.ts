// Runs in: services and renderer. An article as IPTC ninjs 2.2 (News in JSON), what the webhook and
// folder targets emit. Mapping, where ninjs 2.x has no field of the same name:
// - headline / subheadline -> headlines[] role "main" / "sub"; summary -> descriptions[] role "summary";
// - body -> bodies[] role "main" text/html (plus role "plaintext" text/plain with counts);
// - section -> subjects[] rel "section"; tags -> subjects[] rel "tag" (2.x has no keywords);
// - bylines -> by; dateline -> located; slug -> slugline; source / publisher -> infosources[];
// - photos -> associations[] of type "picture": the lead named "featureimage", the others "picture1"...,
//   each with a rendition "original" (href when the photo is reachable by URL), the caption as
//   descriptions role "caption", the alt text as role "alttext", and the credit as `by`.
// ninjs 2.x has nowhere to put photo bytes: a transport that sends photos inline carries them
// beside the document (see the webhook payload), matched by association name and file name.
// The editor's note is internal and never leaves the app.
import type { Article } from '../article';
import { docText } from '../doc-text';
import { rejectPendingSuggestions } from '../editor/pending-suggestions';
import { articleFigures } from '../publish/article-figures';
import { effectiveSlug } from '../publish/effective-slug';
import { textStats } from '../text/text-stats';
import { bodyToHtml } from './body-to-html';
import { pageLabelsFor } from './page-labels';

export const NINJS_SCHEMA_URI = 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json';

export interface NinjsText {
  role?: string;
  contenttype?: string;
  value: string;
}

export interface NinjsBody extends NinjsText {
  charcount?: number;
  wordcount?: number;
}

export interface NinjsRendition {
  name: string;
  href?: string;
  contenttype?: string;
  width?: number;
  height?: number;
  sizeinbytes?: number;
}

export interface NinjsConcept {
  name: string;
  rel?: string;
}

export interface NinjsInfoSource {
  name: string;
  role?: string;
}

export interface NinjsObject {
  uri: string;
  type?: 'text' | 'picture';
  representationtype?: 'full' | 'partial';
  profile?: string;
  version?: string;
  firstcreated?: string;
  versioncreated?: string;
  embargoed?: string;
  pubstatus?: 'usable' | 'withheld' | 'canceled';
  language?: string;
  headlines?: NinjsText[];
  descriptions?: NinjsText[];
  bodies?: NinjsBody[];
  subjects?: NinjsConcept[];
  infosources?: NinjsInfoSource[];
  by?: string;
  slugline?: string;
  located?: string;
  renditions?: NinjsRendition[];
  standard?: { name: string; version: string; schema: string };
}

export interface NinjsAssociation extends NinjsObject {
  name: string;
}

export interface NinjsDocument extends NinjsObject {
  associations?: NinjsAssociation[];
}

/** What the serializer needs to know about a library photo; caption, credit and alt come from the article. */
export interface NinjsMediaInput {
  mediaId: string;
  /** Absolute URL of the photo (ninjs requires a URI); absent when the photo travels beside the document. */
  href?: string;
  mimeType: string;
  width: number | null;
  height: number | null;
  bytes?: number;
}

export interface ArticleToNinjsOptions {
  /** A stable URI for the article across versions, e.g. urn:dateline:article:<id>. */
  uri: string;
  versionCreated: string;
  media: readonly NinjsMediaInput[];
  firstCreated?: string;
  pubStatus?: 'usable' | 'withheld' | 'canceled';
  /** ISO date-time before which the receiver must not publish (a scheduled publish). */
  embargoed?: string;
  /** The <img src> in the HTML body; defaults to the photo's `href`, else its media id (a file name beside the document). */
  bodySrc?: (mediaId: string) => string;
}

/** The association name of each photo: "featureimage" for the lead, then "picture1", "picture2"... in reading order. */
export function pictureAssociationNames(article: Pick<Article, 'body'>): Map<string, string> {
  const figures = articleFigures(article);
  const names = new Map<string, string>();
  const lead = figures.find((f) => f.lead);
  if (lead) names.set(lead.mediaId, 'featureimage');
  let next = 1;
  for (const figure of figures) {
    if (!names.has(figure.mediaId)) names.set(figure.mediaId, `picture${next++}`);
  }
  return names;
}

/** The URI of a library photo as a ninjs object: content-addressed, so the same photo has one URI everywhere. */
export function mediaUri(mediaId: string): string {
  return `urn:dateline:media:${mediaId}`;
}

export function articleToNinjs(article: Article, opts: ArticleToNinjsOptions): NinjsDocument {
  const meta = article.meta;
  const mediaById = new Map(opts.media.map((m) => [m.mediaId, m]));
  const srcOf = opts.bodySrc ?? ((mediaId: string): string => mediaById.get(mediaId)?.href ?? mediaId);
  const html = bodyToHtml(article.body, { mediaSrc: srcOf, language: article.meta.language });
  const plain = docText(rejectPendingSuggestions(article.body));
  const stats = textStats(plain);
  const associations = pictures(article, mediaById, opts);

  const doc: NinjsDocument = {
    uri: opts.uri,
    standard: { name: 'ninjs', version: '2.2', schema: NINJS_SCHEMA_URI },
    type: 'text',
    representationtype: 'full',
    profile: associations.length > 0 ? 'text-photo' : 'text-only',
    version: String(article.revision),
    firstcreated: opts.firstCreated ?? article.createdAt,
    versioncreated: opts.versionCreated,
    pubstatus: opts.pubStatus ?? 'usable',
    language: meta.language,
    headlines: nonEmpty([
      { role: 'main', contenttype: 'text/plain', value: article.headline.trim() },
      { role: 'sub', contenttype: 'text/plain', value: article.subheadline.trim() },
    ]),
    descriptions: nonEmpty([{ role: 'summary', contenttype: 'text/plain', value: article.summary.trim() }]),
    bodies: nonEmpty([
      { role: 'main', contenttype: 'text/html', value: html },
      { role: 'plaintext', contenttype: 'text/plain', value: plain, charcount: [...plain].length, wordcount: stats.words + stats.cjkChars },
    ]),
    subjects: [
      ...(meta.section.trim() ? [{ name: meta.section.trim(), rel: 'section' }] : []),
      ...meta.tags.map((t) => t.trim()).filter((t) => t.length > 0).map((name) => ({ name, rel: 'tag' })),
    ],
    infosources: [
      ...(meta.source.trim() ? [{ name: meta.source.trim(), role: 'source' }] : []),
      ...(meta.publisher.trim() ? [{ name: meta.publisher.trim(), role: 'publisher' }] : []),
    ],
    by: bylineText(article),
    slugline: effectiveSlug(article),
    located: meta.dateline.trim(),
    associations,
  };
  if (opts.embargoed) doc.embargoed = opts.embargoed;
  return dropEmpty(doc);
}

function pictures(article: Article, mediaById: Map<string, NinjsMediaInput>, opts: ArticleToNinjsOptions): NinjsAssociation[] {
  const names = pictureAssociationNames(article);
  const seen = new Set<string>();
  const out: NinjsAssociation[] = [];
  // The lead first, so receivers that read only the first picture get the right one.
  const figures = articleFigures(article).sort((a, b) => Number(b.lead) - Number(a.lead));
  for (const figure of figures) {
    if (seen.has(figure.mediaId)) continue;
    seen.add(figure.mediaId);
    const media = mediaById.get(figure.mediaId);
    const rendition: NinjsRendition = { name: 'original' };
    if (media?.href) rendition.href = media.href;
    if (media?.mimeType) rendition.contenttype = media.mimeType;
    if (media?.width) rendition.width = media.width;
    if (media?.height) rendition.height = media.height;
    if (media?.bytes) rendition.sizeinbytes = media.bytes;
    out.push(
      dropEmpty({
        name: names.get(figure.mediaId) ?? 'picture',
        uri: mediaUri(figure.mediaId),
        type: 'picture',
        versioncreated: opts.versionCreated,
        language: article.meta.language,
        by: figure.credit.trim(),
        descriptions: nonEmpty([
          { role: 'caption', contenttype: 'text/plain', value: figure.captionText },
          { role: 'alttext', contenttype: 'text/plain', value: figure.alt.trim() },
        ]),
        renditions: [rendition],
      }),
    );
  }
  return out;
}

/** "张三（记者）、Jane Doe" or "Jane Doe (Photos), John Roe": names with roles, in the article's language. */
function bylineText(article: Article): string {
  const labels = pageLabelsFor(article.meta.language);
  return article.meta.bylines
    .filter((b) => b.name.trim().length > 0)
    .map((b) => (b.role.trim() ? `${b.name.trim()}${labels.roleOpen}${b.role.trim()}${labels.roleClose}` : b.name.trim()))
    .join(labels.listSeparator);
}

function nonEmpty<T extends { value: string }>(items: T[]): T[] {
  return items.filter((item) => item.value.length > 0);
}

/** ninjs leaves out what is unknown rather than sending empty strings or arrays. */
function dropEmpty<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === '' || field === undefined || (Array.isArray(field) && field.length === 0)) continue;
    out[key] = field;
  }
  return out as T;
}
