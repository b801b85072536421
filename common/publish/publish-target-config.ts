// Runs in: services and renderer. Where an article can go live: the targets a newsroom configures
// in settings. Secrets (application passwords, webhook keys) are never part of these objects:
// they live in the OS keychain under `secretKeyFor(target)`.
import { z } from 'zod';
import { attributionSettingsSchema } from './attribution-lines';
import type { PublishStatus } from './publish-status';

export const TARGET_KINDS = ['wordpress', 'ghost', 'webhook', 'folder'] as const;
export const targetKindSchema = z.enum(TARGET_KINDS);
export type TargetKind = z.infer<typeof targetKindSchema>;

export const targetIdSchema = z.string().regex(/^[0-9a-z-]{4,40}$/, 'a target id');

const httpUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'an http:// or https:// address');

/** Basic auth over plain http would send the application password in clear text: only this computer may use http. */
function isHttpsOrLoopback(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
  } catch {
    return false;
  }
}

/** A web origin and nothing more: scheme, host and port, as in https://cdn.example.com. */
export const webOriginSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0 && url.origin === value.replace(/\/$/, '').toLowerCase();
    } catch {
      return false;
    }
  }, 'an http:// or https:// origin such as https://cdn.example.com (no path)');

export const wordpressTargetSchema = z.object({
  kind: z.literal('wordpress'),
  id: targetIdSchema,
  name: z.string().trim().min(1).max(200),
  /** The site address as a person types it, e.g. https://news.example.com; the REST root is discovered. */
  siteUrl: httpUrlSchema.refine(isHttpsOrLoopback, 'an https:// address: over http:// the application password would travel unencrypted (http:// is allowed only for this computer)'),
  username: z.string().trim().min(1).max(200),
  /** WordPress category (section) used when the article names none. */
  defaultCategory: z.string().max(200).default(''),
  /**
   * Where else the site serves its photos (a CDN), e.g. https://cdn.example.com. Photos are
   * downloaded only from the site's origin and these; never from an address the REST API names elsewhere.
   * Absent in targets saved before it existed: none.
   */
  mediaOrigins: z.array(webOriginSchema).max(20).optional(),
  /**
   * Whether the site's theme shows a post's featured image above it: when it does, the lead photo
   * is not repeated as the first block. "auto" asks the site (the active theme's `post-thumbnails`
   * support) and keeps the photo in the body when it cannot tell. Absent in older targets: auto.
   */
  themeShowsFeaturedImage: z.enum(['auto', 'yes', 'no']).optional(),
  /** The wording of the source and responsible-editor lines added to the content; absent: the defaults. */
  attributionLines: attributionSettingsSchema.optional(),
});

/** A Ghost Admin API key as Ghost shows it under Settings → Integrations: `<24 hex id>:<64 hex secret>`. */
export const ghostAdminKeySchema = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{24}:[0-9a-f]{64}$/, 'an Admin API key: the id, a colon and the secret, as Ghost shows it under Integrations');

export const ghostTargetSchema = z.object({
  kind: z.literal('ghost'),
  id: targetIdSchema,
  name: z.string().trim().min(1).max(200),
  /** The site address, e.g. https://news.example.com; the Admin API is at /ghost/api/admin/ below it. */
  siteUrl: httpUrlSchema.refine(isHttpsOrLoopback, 'an https:// address: over http:// the Admin API key would travel unencrypted (http:// is allowed only for this computer)'),
  /** The wording of the source and responsible-editor lines added to the post; absent: the defaults. */
  attributionLines: attributionSettingsSchema.optional(),
});

export const webhookTargetSchema = z.object({
  kind: z.literal('webhook'),
  id: targetIdSchema,
  name: z.string().trim().min(1).max(200),
  url: httpUrlSchema,
  /** Photos as URLs the receiver can fetch (served from `mediaBaseUrl`) or inline as base64. */
  mediaMode: z.enum(['inline', 'urls']).default('inline'),
  /** Where the receiver can fetch photos when mediaMode is "urls", e.g. a CDN the newsroom syncs to. */
  mediaBaseUrl: z.string().max(2048).default(''),
  timeoutMs: z.number().int().min(1_000).max(300_000).default(30_000),
});

export const folderTargetSchema = z.object({
  kind: z.literal('folder'),
  id: targetIdSchema,
  name: z.string().trim().min(1).max(200),
  /** Absolute folder; empty means the default "Published" folder in the user's documents. */
  path: z.string().max(4096).default(''),
});

export const targetConfigSchema = z.discriminatedUnion('kind', [wordpressTargetSchema, ghostTargetSchema, webhookTargetSchema, folderTargetSchema]);
export type TargetConfig = z.infer<typeof targetConfigSchema>;
export type WordpressTargetConfig = z.infer<typeof wordpressTargetSchema>;
export type GhostTargetConfig = z.infer<typeof ghostTargetSchema>;
export type WebhookTargetConfig = z.infer<typeof webhookTargetSchema>;
export type FolderTargetConfig = z.infer<typeof folderTargetSchema>;

/** The keychain entry that holds a target's secret. */
export function secretKeyFor(target: Pick<TargetConfig, 'id'>): string {
  return `target:${target.id}`;
}

/** How well secrets are protected on this machine; the UI warns unless `secure`. */
export interface SecretsBackendInfo {
  /** e.g. "keychain", "dpapi", "gnome_libsecret", "kwallet5", "basic_text", "file" */
  backend: string;
  secure: boolean;
}

/** A target as the renderer sees it: its config plus whether a secret is stored (never the secret). */
export interface TargetView {
  config: TargetConfig;
  hasSecret: boolean;
  isDefault: boolean;
}

/** What "Test connection" found out about the account. */
export interface ConnectionReport {
  ok: boolean;
  /** e.g. the WordPress site's name, or the folder path. */
  siteName: string;
  /** e.g. the WordPress user's display name and role. */
  account: string;
  roles: string[];
  /** Publish statuses this account may set: a WordPress contributor gets only draft and submitted. */
  allowedStatuses: PublishStatus[];
  canUploadMedia: boolean;
  canCreateTags: boolean;
  canCreateCategories: boolean;
  /** Human-readable notes, already specific (e.g. "This account can only submit for review"). */
  notes: string[];
}

export { PUBLISH_STATUSES, publishStatusSchema, type PublishStatus } from './publish-status';
