// Runs in: renderer. The target form's text fields ↔ a TargetConfig checked by the shared zod schemas; the secret stays apart.
import {
  ghostAdminKeySchema,
  ghostTargetSchema,
  wordpressTargetSchema,
  targetConfigSchema,
  type TargetConfig,
  type TargetKind,
  type TargetView,
} from '../../../common/publish/publish-target-config';
import { attributionTemplateProblem, attributionTemplatesFor, DEFAULT_ATTRIBUTION_TEMPLATES, type AttributionLine, type AttributionSettings } from '../../../common/publish/attribution-lines';
import type { MessageKey } from '../../i18n/messages/catalogues';
import { newTargetId } from './new-target-id';

export interface TargetFormValues {
  kind: TargetKind;
  id: string;
  name: string;
  siteUrl: string;
  username: string;
  defaultCategory: string;
  /** Other origins the site's photos come from (a CDN), separated by spaces, commas or new lines. */
  mediaOrigins: string;
  /** Whether the theme shows the featured image (then the lead photo is not repeated in the body). */
  featuredImage: 'auto' | 'yes' | 'no';
  url: string;
  mediaMode: 'inline' | 'urls';
  mediaBaseUrl: string;
  timeoutSeconds: string;
  path: string;
  /** The source and responsible-editor line templates (WordPress and Ghost), per language family. */
  lineSourceZh: string;
  lineEditorZh: string;
  lineSourceEn: string;
  lineEditorEn: string;
  /** Application password or signing key; empty when editing means "keep the stored one". */
  secret: string;
}

export type TargetField = Exclude<keyof TargetFormValues, 'kind' | 'id' | 'mediaMode' | 'featuredImage'>;
export type TargetFormErrors = Partial<Record<TargetField, MessageKey>>;

export type ParsedTargetForm = { ok: true; config: TargetConfig; secret?: string } | { ok: false; errors: TargetFormErrors };


export function emptyFormValues(kind: TargetKind, id: string = newTargetId()): TargetFormValues {
  return {
    kind,
    id,
    name: '',
    siteUrl: '',
    username: '',
    defaultCategory: '',
    mediaOrigins: '',
    featuredImage: 'auto',
    url: '',
    mediaMode: 'inline',
    mediaBaseUrl: '',
    timeoutSeconds: '30',
    path: '',
    lineSourceZh: DEFAULT_ATTRIBUTION_TEMPLATES.zh.source,
    lineEditorZh: DEFAULT_ATTRIBUTION_TEMPLATES.zh.editor,
    lineSourceEn: DEFAULT_ATTRIBUTION_TEMPLATES.en.source,
    lineEditorEn: DEFAULT_ATTRIBUTION_TEMPLATES.en.editor,
    secret: '',
  };
}

/** The form's template fields: which line, for which language family. */
export const LINE_FIELDS = [
  { field: 'lineSourceZh', family: 'zh', line: 'source' },
  { field: 'lineEditorZh', family: 'zh', line: 'editor' },
  { field: 'lineSourceEn', family: 'en', line: 'source' },
  { field: 'lineEditorEn', family: 'en', line: 'editor' },
] as const satisfies readonly { field: TargetField; family: 'zh' | 'en'; line: AttributionLine }[];

function lineValuesFrom(values: TargetFormValues, settings: AttributionSettings | undefined): void {
  for (const { field, family, line } of LINE_FIELDS) values[field] = attributionTemplatesFor(family, settings)[line];
}

/** The templates as the target keeps them: absent where they are the defaults, so older targets stay as they were. */
function attributionSettingsFrom(values: TargetFormValues): AttributionSettings | undefined {
  const settings: AttributionSettings = {};
  for (const family of ['zh', 'en'] as const) {
    const [source, editor] = LINE_FIELDS.filter((f) => f.family === family).map((f) => values[f.field]);
    const defaults = DEFAULT_ATTRIBUTION_TEMPLATES[family];
    if (source !== defaults.source || editor !== defaults.editor) settings[family] = { source: source ?? '', editor: editor ?? '' };
  }
  return Object.keys(settings).length > 0 ? settings : undefined;
}

const LINE_ERRORS: Record<AttributionLine, Record<'too-long' | 'unknown-placeholder' | 'missing-placeholder', MessageKey>> = {
  source: { 'too-long': 'targets.error.tooLong', 'unknown-placeholder': 'targets.error.line.unknown.source', 'missing-placeholder': 'targets.error.line.missing.source' },
  editor: { 'too-long': 'targets.error.tooLong', 'unknown-placeholder': 'targets.error.line.unknown.editor', 'missing-placeholder': 'targets.error.line.missing.editor' },
};

/** Each template's problem, worded for the form. */
function lineErrors(values: TargetFormValues, errors: TargetFormErrors): void {
  for (const { field, line } of LINE_FIELDS) {
    const problem = attributionTemplateProblem(values[field], line);
    if (problem) errors[field] = LINE_ERRORS[line][problem];
  }
}

export function formValuesFor(view: TargetView): TargetFormValues {
  const values = emptyFormValues(view.config.kind, view.config.id);
  const config = view.config;
  values.name = config.name;
  if (config.kind === 'wordpress') {
    values.siteUrl = config.siteUrl;
    values.username = config.username;
    values.defaultCategory = config.defaultCategory;
    values.mediaOrigins = (config.mediaOrigins ?? []).join(' ');
    values.featuredImage = config.themeShowsFeaturedImage ?? 'auto';
    lineValuesFrom(values, config.attributionLines);
  } else if (config.kind === 'ghost') {
    values.siteUrl = config.siteUrl;
    lineValuesFrom(values, config.attributionLines);
  } else if (config.kind === 'webhook') {
    values.url = config.url;
    values.mediaMode = config.mediaMode;
    values.mediaBaseUrl = config.mediaBaseUrl;
    values.timeoutSeconds = String(Math.round(config.timeoutMs / 1000));
  } else {
    values.path = config.path;
  }
  return values;
}

const SCHEMA_FIELDS: Record<string, TargetField> = { siteUrl: 'siteUrl', url: 'url', timeoutMs: 'timeoutSeconds', name: 'name', username: 'username', path: 'path', defaultCategory: 'defaultCategory', mediaBaseUrl: 'mediaBaseUrl', mediaOrigins: 'mediaOrigins' };

const ERROR_KEYS: Record<TargetField, MessageKey> = {
  name: 'targets.error.name',
  siteUrl: 'targets.error.url',
  url: 'targets.error.url',
  username: 'targets.error.username',
  defaultCategory: 'targets.error.tooLong',
  mediaOrigins: 'targets.error.mediaOrigins',
  mediaBaseUrl: 'targets.error.mediaBaseUrl',
  timeoutSeconds: 'targets.error.timeout',
  path: 'targets.error.tooLong',
  lineSourceZh: 'targets.error.line.unknown.source',
  lineEditorZh: 'targets.error.line.unknown.editor',
  lineSourceEn: 'targets.error.line.unknown.source',
  lineEditorEn: 'targets.error.line.unknown.editor',
  secret: 'targets.error.secret',
};

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

function attributionOf(values: TargetFormValues): { attributionLines?: AttributionSettings } {
  const settings = attributionSettingsFrom(values);
  return settings ? { attributionLines: settings } : {};
}

/** Checks the form; `hasSecret` says whether a secret is already stored (then an empty field keeps it). */
export function parseTargetForm(values: TargetFormValues, hasSecret: boolean): ParsedTargetForm {
  const errors: TargetFormErrors = {};
  const base = { id: values.id, name: values.name };
  let candidate: unknown;
  if (values.kind === 'wordpress') {
    const mediaOrigins = values.mediaOrigins.split(/[\s,]+/).filter((origin) => origin.length > 0);
    candidate = {
      ...base,
      kind: 'wordpress',
      siteUrl: values.siteUrl,
      username: values.username,
      defaultCategory: values.defaultCategory.trim(),
      ...(mediaOrigins.length > 0 ? { mediaOrigins } : {}),
      ...(values.featuredImage !== 'auto' ? { themeShowsFeaturedImage: values.featuredImage } : {}),
      ...attributionOf(values),
    };
    lineErrors(values, errors);
    if (isHttpUrl(values.siteUrl.trim()) && new URL(values.siteUrl.trim()).protocol === 'http:' && !wordpressTargetSchema.shape.siteUrl.safeParse(values.siteUrl).success) {
      errors.siteUrl = 'targets.error.insecureUrl';
    }
  } else if (values.kind === 'ghost') {
    candidate = { ...base, kind: 'ghost', siteUrl: values.siteUrl, ...attributionOf(values) };
    lineErrors(values, errors);
    if (isHttpUrl(values.siteUrl.trim()) && new URL(values.siteUrl.trim()).protocol === 'http:' && !ghostTargetSchema.shape.siteUrl.safeParse(values.siteUrl).success) {
      errors.siteUrl = 'targets.error.insecureUrl';
    }
    // A key pasted without its id, or only in part, is refused here rather than by Ghost.
    if (values.secret.trim() !== '' && !ghostAdminKeySchema.safeParse(values.secret).success) errors.secret = 'targets.error.ghostAdminKey';
  } else if (values.kind === 'webhook') {
    const seconds = Number(values.timeoutSeconds.trim());
    candidate = {
      ...base,
      kind: 'webhook',
      url: values.url,
      mediaMode: values.mediaMode,
      mediaBaseUrl: values.mediaMode === 'urls' ? values.mediaBaseUrl.trim() : '',
      timeoutMs: values.timeoutSeconds.trim() === '' || !Number.isFinite(seconds) ? Number.NaN : Math.round(seconds * 1000),
    };
    if (values.mediaMode === 'urls' && !isHttpUrl(values.mediaBaseUrl.trim())) errors.mediaBaseUrl = ERROR_KEYS.mediaBaseUrl;
  } else {
    candidate = { ...base, kind: 'folder', path: values.path.trim() };
  }

  // WordPress, Ghost and the webhook cannot work without their secret.
  const secret = values.secret.trim();
  if (values.kind !== 'folder' && secret === '' && !hasSecret) errors.secret = ERROR_KEYS.secret;

  const parsed = targetConfigSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = SCHEMA_FIELDS[String(issue.path[0] ?? '')];
      if (field && !errors[field]) errors[field] = ERROR_KEYS[field];
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) {
    // An issue on a field the form does not show would otherwise leave the person stuck.
    return { ok: false, errors: Object.keys(errors).length > 0 ? errors : { name: 'targets.error.invalid' } };
  }
  return values.kind !== 'folder' && secret !== '' ? { ok: true, config: parsed.data, secret } : { ok: true, config: parsed.data };
}
