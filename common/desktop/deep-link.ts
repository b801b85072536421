// Runs in: every process (pure). The app's deep links, `dateline://article/<id>` and
// `dateline://review/<hub>/<id>`: a strict parser for what the OS hands us, and their builders.
import { articleIdSchema } from '../article';
import { hubKindSchema, type HubKindName } from '../workflow/review-contract';

export type DeepLink = { kind: 'article'; articleId: string } | { kind: 'review'; hub: HubKindName; articleId: string };

/** The URL scheme the OS routes to the app (electron-builder.yml `protocols`, setAsDefaultProtocolClient). */
export const DEEP_LINK_SCHEME = 'dateline';

/** Longer than any valid link; anything longer is refused before it is looked at. */
export const MAX_DEEP_LINK_LENGTH = 200;

const ARTICLE_LINK = new RegExp(`^${DEEP_LINK_SCHEME}://article/([^/?#]+)/?$`);
const REVIEW_LINK = new RegExp(`^${DEEP_LINK_SCHEME}://review/([^/?#]+)/([^/?#]+)/?$`);

/** The link if it is exactly one of ours, null for anything else (other schemes, hosts, queries, bad ids). */
export function parseDeepLink(raw: unknown): DeepLink | null {
  if (typeof raw !== 'string' || raw.length > MAX_DEEP_LINK_LENGTH) return null;
  // No percent-escapes, whitespace, credentials or ports: a valid link is plain ASCII in a fixed shape.
  if (!/^[a-z0-9:/]+$/.test(raw)) return null;
  const article = ARTICLE_LINK.exec(raw);
  if (article !== null) {
    const id = articleIdSchema.safeParse(article[1]);
    return id.success ? { kind: 'article', articleId: id.data } : null;
  }
  const review = REVIEW_LINK.exec(raw);
  if (review !== null) {
    const hub = hubKindSchema.safeParse(review[1]);
    const id = articleIdSchema.safeParse(review[2]);
    return hub.success && id.success ? { kind: 'review', hub: hub.data, articleId: id.data } : null;
  }
  return null;
}

/** The first of our links among a second instance's command-line arguments (Windows, Linux). */
export function deepLinkFromArgv(argv: readonly unknown[]): DeepLink | null {
  for (const arg of argv.slice(0, 50)) {
    if (typeof arg === 'string' && arg.startsWith(`${DEEP_LINK_SCHEME}://`)) return parseDeepLink(arg);
  }
  return null;
}

export function articleDeepLink(articleId: string): string {
  return `${DEEP_LINK_SCHEME}://article/${articleIdSchema.parse(articleId)}`;
}

export function reviewDeepLink(hub: HubKindName, articleId: string): string {
  return `${DEEP_LINK_SCHEME}://review/${hubKindSchema.parse(hub)}/${articleIdSchema.parse(articleId)}`;
}

export function deepLinkToString(link: DeepLink): string {
  return link.kind === 'article' ? articleDeepLink(link.articleId) : reviewDeepLink(link.hub, link.articleId);
}
