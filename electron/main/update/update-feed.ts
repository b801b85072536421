// Runs in: main (pure, no electron import). Reads electron-builder's latest.yml (the generic feed a
// newsroom hosts): the version on offer and its files with their sha512 (base64), like electron-updater.
import { CORE_SCHEMA, load } from 'js-yaml';
import { valid } from 'semver';
import { z } from 'zod';
import { UpdateError } from './update-error';

/** A latest.yml is a few hundred bytes; anything near this is not one. */
export const MAX_FEED_BYTES = 64 * 1024;

/** sha512 digests in base64: 64 bytes, 88 characters. */
const sha512Schema = z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'a base64 sha512');

const feedSchema = z.object({
  version: z.string().refine((v) => valid(v) !== null, 'a semantic version'),
  files: z
    .array(z.object({ url: z.string().min(1).max(2048), sha512: sha512Schema, size: z.number().int().positive().optional() }))
    .min(1)
    .max(32),
  releaseDate: z.string().max(64).optional(),
});

export interface UpdateFile {
  /** Absolute URL, resolved against the feed's. */
  url: string;
  sha512: string;
  size: number | null;
}

export interface UpdateFeed {
  version: string;
  files: UpdateFile[];
  releaseDate: string | null;
}

export function parseUpdateFeed(text: string, feedUrl: string): UpdateFeed {
  if (text.length > MAX_FEED_BYTES) throw new UpdateError('too-large', `The update feed is larger than ${MAX_FEED_BYTES} bytes`);
  let raw: unknown;
  try {
    raw = load(text, { schema: CORE_SCHEMA, json: true });
  } catch {
    throw new UpdateError('bad-feed', 'The update feed is not valid YAML');
  }
  const parsed = feedSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UpdateError('bad-feed', `The update feed is not a latest.yml (${issue ? `${issue.path.join('.') || 'root'}: ${issue.message}` : 'invalid'})`);
  }
  const base = new URL(feedUrl);
  const files = parsed.data.files.map((file) => {
    const url = new URL(file.url, base);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UpdateError('bad-feed', `The update feed names a file that is not on the web: ${file.url}`);
    return { url: url.href, sha512: file.sha512, size: file.size ?? null };
  });
  return { version: parsed.data.version, files, releaseDate: parsed.data.releaseDate ?? null };
}
