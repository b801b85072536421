// Runs in: services and renderer. The lines a CMS post gets for fields its themes have no place
// for: the source (稿源) and the responsible editor (责任编辑), worded in the article's language
// from templates a newsroom may change per target ({source}, {editor} are filled in).
import { z } from 'zod';
import type { Article } from '../article';

export const attributionTemplatesSchema = z.object({
  /** e.g. "来源：{source}"; empty: no line. */
  source: z.string().max(200).optional(),
  /** e.g. "责任编辑：{editor}"; empty: no line. */
  editor: z.string().max(200).optional(),
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

export interface AttributionLines {
  source: string | null;
  editor: string | null;
}

/** The source and editor lines for this article (null where the field or the template is empty). */
export function attributionLines(article: Pick<Article, 'meta'>, settings: AttributionSettings | undefined): AttributionLines {
  const templates = attributionTemplatesFor(article.meta.language, settings);
  const fill = (template: string, name: string, value: string): string | null =>
    value.trim().length === 0 || template.trim().length === 0 ? null : template.split(`{${name}}`).join(value.trim());
  return {
    source: fill(templates.source, 'source', article.meta.source),
    editor: fill(templates.editor, 'editor', article.meta.publisher),
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
