// Runs in: services and renderer. The lines a CMS post gets for fields its themes have no place
// for: the source (稿源) and the responsible editor (责任编辑), worded in the article's language
// from templates a newsroom may change per target ({source}, {editor} are filled in).
import { z } from 'zod';
import type { Article } from '../article';

/** A template's longest length, in UTF-16 units. */
export const ATTRIBUTION_TEMPLATE_MAX = 200;

export type AttributionLine = 'source' | 'editor';
export type AttributionTemplateProblem = 'too-long' | 'unknown-placeholder' | 'missing-placeholder';

/**
 * What is wrong with a template for this line, or null: it may name only its own placeholder
 * ({source} or {editor}), must name it (else every story would print the same words), and may be
 * empty (no line).
 */
export function attributionTemplateProblem(template: string, line: AttributionLine): AttributionTemplateProblem | null {
  if (template.length > ATTRIBUTION_TEMPLATE_MAX) return 'too-long';
  if (template.trim().length === 0) return null;
  const rest = template.split(`{${line}}`);
  if (rest.some((part) => /[{}]/.test(part))) return 'unknown-placeholder';
  return rest.length > 1 ? null : 'missing-placeholder';
}

const templateFor = (line: AttributionLine) =>
  z
    .string()
    .refine((template) => attributionTemplateProblem(template, line) === null, `a template that names {${line}} and no other placeholder`)
    .optional();

export const attributionTemplatesSchema = z.object({
  /** e.g. "来源：{source}"; empty: no line. */
  source: templateFor('source'),
  /** e.g. "责任编辑：{editor}"; empty: no line. */
  editor: templateFor('editor'),
});
export type AttributionTemplates = z.infer<typeof attributionTemplatesSchema>;

/** Templates per language family ("zh", "en"); other languages use English. */
export const attributionSettingsSchema = z.object({
  zh: attributionTemplatesSchema.optional(),
  en: attributionTemplatesSchema.optional(),
});
export type AttributionSettings = z.infer<typeof attributionSettingsSchema>;

export const DEFAULT_ATTRIBUTION_TEMPLATES: Record<'zh' | 'en', Required<AttributionTemplates>> = {
  zh: { source: '来源：{source}', editor: '责任编辑：{editor}' },
  en: { source: 'Source: {source}', editor: 'Editor: {editor}' },
};

/** Names a preview fills in, per language family: what a story in that language might carry. */
export const ATTRIBUTION_SAMPLES: Record<'zh' | 'en', Record<AttributionLine, string>> = {
  zh: { source: '成都日报', editor: '王敏' },
  en: { source: 'Chengdu Daily', editor: 'Wang Min' },
};

/** The line a template gives for this value; null when the template switches the line off. */
export function fillAttributionTemplate(template: string, line: AttributionLine, value: string): string | null {
  return value.trim().length === 0 || template.trim().length === 0 ? null : template.split(`{${line}}`).join(value.trim());
}

export interface AttributionLines {
  source: string | null;
  editor: string | null;
}

/** The source and editor lines for this article (null where the field or the template is empty). */
export function attributionLines(article: Pick<Article, 'meta'>, settings: AttributionSettings | undefined): AttributionLines {
  const templates = attributionTemplatesFor(article.meta.language, settings);
  return {
    source: fillAttributionTemplate(templates.source, 'source', article.meta.source),
    editor: fillAttributionTemplate(templates.editor, 'editor', article.meta.publisher),
  };
}

/** The language family whose templates an article of this language uses. */
export function attributionFamily(language: string): 'zh' | 'en' {
  return language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The templates in force for an article of this language: the target's, else the defaults. */
export function attributionTemplatesFor(language: string, settings: AttributionSettings | undefined): Required<AttributionTemplates> {
  const family = attributionFamily(language);
  return { ...DEFAULT_ATTRIBUTION_TEMPLATES[family], ...definedOnly(settings?.[family]) };
}

function definedOnly(templates: AttributionTemplates | undefined): AttributionTemplates {
  const out: AttributionTemplates = {};
  if (templates?.source !== undefined) out.source = templates.source;
  if (templates?.editor !== undefined) out.editor = templates.editor;
  return out;
}
