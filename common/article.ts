// Runs in: main, services, host and renderer. The article model: one zod schema per shape.
import { z } from 'zod';
import { docBoundsProblem } from './doc-bounds';

/** Statuses an article moves through (the transitions live in common/workflow, later). */
export const ARTICLE_STATUSES = [
  'draft',
  'submitted',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'spiked',
  'corrected',
] as const;
export const articleStatusSchema = z.enum(ARTICLE_STATUSES);
export type ArticleStatus = z.infer<typeof articleStatusSchema>;

/** Languages the app knows how to count and slug; articles may carry any BCP 47 tag. */
export const articleLanguageSchema = z
  .string()
  .min(2)
  .max(35)
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as en or zh-CN');

/** Article ids are lowercase ULID-like strings: safe as folder names on every OS. */
export const articleIdSchema = z.string().regex(/^[0-9a-z]{10,40}$/, 'an article id');
export type ArticleId = z.infer<typeof articleIdSchema>;

/** Media ids are the sha256 of the bytes plus the canonical extension: `<64 hex>.<ext>`. */
export const mediaIdSchema = z.string().regex(/^[0-9a-f]{64}\.(jpg|png|gif|webp|avif)$/, 'a media id');
export type MediaId = z.infer<typeof mediaIdSchema>;

const shortText = (max: number) => z.string().max(max);

export const bylineSchema = z.object({
  name: shortText(200),
  role: shortText(200).default(''),
});
export type Byline = z.infer<typeof bylineSchema>;

/** ProseMirror JSON, checked structurally; the editor schema gives it meaning. */
export interface DocNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}
export const docNodeSchema: z.ZodType<DocNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1).max(64),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(docNodeSchema).optional(),
    marks: z
      .array(z.object({ type: z.string().min(1).max(64), attrs: z.record(z.string(), z.unknown()).optional() }))
      .optional(),
    text: z.string().optional(),
  }),
);

/**
 * A body as stored and exchanged: bounded first (node count, depth, text; see doc-bounds.ts), then
 * checked node by node, so an oversized body is refused before the costly recursive check runs.
 */
export const boundedDocSchema = z
  .unknown()
  .superRefine((value, ctx) => {
    const problem = docBoundsProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `the body is too large to be an article: ${problem}` });
  })
  .pipe(docNodeSchema);

export const EMPTY_DOC: DocNode = { type: 'doc', content: [{ type: 'paragraph' }] };

export const articleMetaSchema = z.object({
  section: shortText(200).default(''),
  tags: z.array(shortText(100)).max(100).default([]),
  bylines: z.array(bylineSchema).max(20).default([]),
  /** The paper or agency the story comes from. */
  source: shortText(200).default(''),
  /** Publisher / responsible editor. */
  publisher: shortText(200).default(''),
  /** Dateline / location, e.g. "BEIJING" or "北京". */
  dateline: shortText(200).default(''),
  slug: shortText(200).default(''),
  /** True once a person edited the slug; until then it follows the headline. */
  slugEdited: z.boolean().default(false),
  /** Planned publish time, ISO 8601 with offset, or null. */
  plannedAt: z.iso.datetime({ offset: true }).nullable().default(null),
  /** The IANA zone the planned time was set in and is shown in; null (articles saved before zones): the newsroom's. */
  plannedTimeZone: z.string().max(64).nullable().default(null),
  language: articleLanguageSchema.default('en'),
  editorsNote: shortText(5000).default(''),
});
export type ArticleMeta = z.infer<typeof articleMetaSchema>;

export const articleSchema = z.object({
  schemaVersion: z.literal(1),
  id: articleIdSchema,
  headline: shortText(1000),
  subheadline: shortText(1000),
  summary: shortText(5000),
  body: boundedDocSchema,
  meta: articleMetaSchema,
  status: articleStatusSchema,
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  /** Increments on every successful save; a save names the revision it started from. */
  revision: z.number().int().nonnegative(),
});
export type Article = z.infer<typeof articleSchema>;

/** What the library list needs: small enough to hold 10,000 of them in memory. */
export const articleSummarySchema = z.object({
  id: articleIdSchema,
  headline: z.string(),
  status: articleStatusSchema,
  section: z.string(),
  tags: z.array(z.string()),
  bylines: z.array(z.string()),
  language: z.string(),
  updatedAt: z.string(),
  createdAt: z.string(),
  /** Trashed articles are listed only in the trash. */
  trashedAt: z.string().nullable(),
});
export type ArticleSummary = z.infer<typeof articleSummarySchema>;

export function summarize(article: Article, trashedAt: string | null = null): ArticleSummary {
  return {
    id: article.id,
    headline: article.headline,
    status: article.status,
    section: article.meta.section,
    tags: [...article.meta.tags],
    bylines: article.meta.bylines.map((b) => b.name).filter((n) => n.length > 0),
    language: article.meta.language,
    updatedAt: article.updatedAt,
    createdAt: article.createdAt,
    trashedAt,
  };
}

/** A fresh, empty article; the store assigns id and times. */
export function newArticle(id: ArticleId, now: string, language = 'en'): Article {
  return {
    schemaVersion: 1,
    id,
    headline: '',
    subheadline: '',
    summary: '',
    body: EMPTY_DOC,
    meta: articleMetaSchema.parse({ language }),
    status: 'draft',
    createdAt: now,
    updatedAt: now,
    revision: 0,
  };
}
