// Runs in: test processes. `startWordPress()`: a real WordPress (Debian's packages) on 127.0.0.1
// with a private MariaDB, one account per newsroom role with an Application Password, and the
// Dateline companion plugin; `site.stop()` removes every trace. Throws (never skips) when the
// machine lacks what it needs. See /work/shared/notes/wordpress-on-loopback.md.
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from './free-port';
import { installWordPress, type WordPressRole, type WordPressUsers } from './install-wordpress';
import { startOrphanReaper } from './orphan-reaper';
import { spawnPhpServer, waitForWordPress } from './php-built-in-server';
import { startPrivateMariaDb, type PrivateMariaDb } from './private-mariadb';
import { groupRssBytes, stopGroup, type GroupProcess } from './process-group';
import { runWordPressPhp } from './run-wordpress-php';
import { copyWordPress, installCompanionPlugin, writeRouter, writeWordPressConfig } from './wordpress-docroot';
import { WordPressFixtureError } from './wordpress-fixture-error';
import { findWordPressTools } from './wordpress-prerequisites';
import { basicAuth, parseRestLink, restRequest, type RestRequest, type RestResponse } from './wordpress-rest';

export type { WordPressRole, WordPressUser, WordPressUsers } from './install-wordpress';

export interface StartWordPressOptions {
  /** `/%postname%/` permalinks, so the REST root is /wp-json/; off means `/?rest_route=/`. @default true */
  prettyPermalinks?: boolean;
  /** Install resources/wordpress/dateline-companion.php as a must-use plugin. @default true */
  companionPlugin?: boolean;
  /** PHP built-in server workers. @default 4 */
  workers?: number;
  /** How long to wait for each server to answer. @default 90_000 */
  readyTimeoutMs?: number;
  /** The first port to try (another is taken if it is busy). @default a free port */
  port?: number;
  /** php.ini settings for the web server, e.g. { upload_max_filesize: '1M', post_max_size: '2M' }. */
  phpIni?: Record<string, string>;
}

/** A post as the REST API returns it with context=edit (only the fields tests look at are typed). */
export interface WpPost {
  id: number;
  status: string;
  slug: string;
  link: string;
  date_gmt: string;
  modified_gmt: string;
  title: { raw: string; rendered: string };
  content: { raw: string; rendered: string };
  excerpt: { raw: string; rendered: string };
  author: number;
  featured_media: number;
  categories: number[];
  tags: number[];
  meta: Record<string, unknown>;
  [field: string]: unknown;
}

export interface WpMedia {
  id: number;
  status: string;
  source_url: string;
  post: number | null;
  title: { raw: string; rendered: string };
  caption: { raw: string; rendered: string };
  alt_text: string;
  media_details: { sizes?: Record<string, unknown>; [field: string]: unknown };
  [field: string]: unknown;
}

export interface CountPostsArgs {
  /** @default 'post' */
  type?: string;
  /** Only these statuses; by default every status except auto-draft. */
  statuses?: string[];
  title?: string;
  metaKey?: string;
  /** With metaKey: only posts whose meta has this value. */
  metaValue?: string;
}

export interface SiteRequest extends Omit<RestRequest, 'authorization'> {
  /** Whose Application Password to send; null for an anonymous request. @default 'admin' */
  as?: WordPressRole | null;
}

export interface WordPressSite {
  /** http://127.0.0.1:PORT, as WordPress knows itself (WP_HOME). */
  url: string;
  /** Discovered from the home page's `Link: <...>; rel="https://api.w.org/"` header. */
  restRoot: string;
  /** The raw Link header of the home page, for discovery tests. */
  linkHeader: string;
  port: number;
  prettyPermalinks: boolean;
  companionPlugin: boolean;
  users: WordPressUsers;
  docroot: string;
  phpErrorLog: string;
  /** Runs PHP with WordPress loaded; `input` is available as `$input`; returns what it printed. */
  php(code: string, input?: unknown): Promise<string>;
  /** Counts rows in wp_posts straight from the database (drafts and pending included). */
  countPosts(args?: CountPostsArgs): Promise<number>;
  /** A REST request to this site as one of its users. */
  request<T = unknown>(route: string, request?: SiteRequest): Promise<RestResponse<T>>;
  getPost(postId: number): Promise<WpPost>;
  /** Every post in any status (trash included), as the admin sees it with context=edit. */
  listAllPosts(): Promise<WpPost[]>;
  listAllMedia(): Promise<WpMedia[]>;
  /** The editor changes a post's title through REST (a newsroom colleague), so its modified time moves on. */
  editPostAsOtherUser(postId: number, newTitle: string): Promise<WpPost>;
  /** Deletes every post, page and attachment (with files) and every tag and non-default category. */
  resetContent(): Promise<void>;
  memoryUsage(): { phpRssBytes: number; mariadbRssBytes: number };
  stop(): Promise<void>;
}

const PORT_ATTEMPTS = 6;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function startWordPress(options: StartWordPressOptions = {}): Promise<WordPressSite> {
  const prettyPermalinks = options.prettyPermalinks ?? true;
  const companionPlugin = options.companionPlugin ?? true;
  const readyTimeoutMs = options.readyTimeoutMs ?? 90_000;
  const tools = findWordPressTools();

  const tempRoot = await mkdtemp(join(tmpdir(), 'dateline-wp-'));
  // MariaDB runs as the mysql user and must reach its folders inside.
  await chmod(tempRoot, 0o755);
  const reaper = startOrphanReaper(tempRoot);
  const docroot = join(tempRoot, 'docroot');
  const scratch = join(tempRoot, 'scratch');
  const router = join(tempRoot, 'router.php');
  const phpErrorLog = join(tempRoot, 'php-errors.log');
  let db: PrivateMariaDb | null = null;
  let server: GroupProcess | null = null;

  const cleanUp = async () => {
    if (server) await stopGroup(server.pid, 5_000);
    if (db) await db.stop();
    reaper.dismiss();
    await rm(tempRoot, { recursive: true, force: true });
  };

  try {
    db = await startPrivateMariaDb(tools, join(tempRoot, 'db'), { readyTimeoutMs });
    reaper.watchGroups([db.pid]);
    await copyWordPress(tools.wordpressDir, docroot);
    if (companionPlugin) await installCompanionPlugin(docroot);
    await writeRouter(router);

    const tagline = `dateline-test-${randomBytes(8).toString('hex')}`;
    const php = (code: string, input?: unknown, installing = false) => runWordPressPhp(tools.php, docroot, scratch, code, { input, installing });
    const configFor = (port: number) => ({
      docroot,
      siteUrl: `http://127.0.0.1:${port}`,
      dbSocket: db!.socket,
      dbName: db!.database,
      dbUser: db!.user,
      dbPassword: db!.password,
    });

    let port = options.port ?? (await findFreePort());
    await writeWordPressConfig(configFor(port));
    const users = await installWordPress((code, run) => php(code, run.input, run.installing), { title: 'Dateline Test Newsroom', tagline, prettyPermalinks });

    let linkHeader = '';
    const failures: string[] = [];
    for (let attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
      server = spawnPhpServer({ php: tools.php, docroot, router, port, workers: options.workers ?? 4, errorLog: phpErrorLog, ini: options.phpIni });
      reaper.watchGroups([db.pid, server.pid]);
      const ready = await waitForWordPress(server, `http://127.0.0.1:${port}`, tagline, readyTimeoutMs);
      if (ready.ok) {
        linkHeader = ready.linkHeader;
        break;
      }
      failures.push(`port ${port}: ${ready.reason}`);
      await stopGroup(server.pid, 5_000);
      server = null;
      if (!ready.portTaken) break;
      // Lost the race for the port to another process: take another and tell WordPress.
      port = await findFreePort();
      await writeWordPressConfig(configFor(port));
    }
    if (!server) throw new WordPressFixtureError('Cannot start the test WordPress: the PHP built-in server never answered.', failures.join('\n'));

    const restRoot = parseRestLink(linkHeader);
    if (!restRoot) throw new WordPressFixtureError(`Cannot start the test WordPress: its home page sent no REST discovery Link header (got "${linkHeader}").`);

    const runningServer = server;
    const runningDb = db;
    return createSite({
      url: `http://127.0.0.1:${port}`,
      restRoot,
      linkHeader,
      port,
      prettyPermalinks,
      companionPlugin,
      users,
      docroot,
      phpErrorLog,
      php: (code, input) => php(code, input),
      memoryUsage: () => ({ phpRssBytes: groupRssBytes(runningServer.pid), mariadbRssBytes: runningDb.rssBytes() }),
      stop: cleanUp,
    });
  } catch (error) {
    await cleanUp();
    if (error instanceof WordPressFixtureError) throw error;
    throw new WordPressFixtureError(`Cannot start the test WordPress: ${errorText(error)}`);
  }
}

type SiteBasics = Pick<
  WordPressSite,
  'url' | 'restRoot' | 'linkHeader' | 'port' | 'prettyPermalinks' | 'companionPlugin' | 'users' | 'docroot' | 'phpErrorLog' | 'php' | 'memoryUsage' | 'stop'
>;

const COUNT_POSTS_PHP = `
global $wpdb;
$where = ['p.post_type = %s'];
$params = [$input['type']];
if (!empty($input['statuses'])) {
  $where[] = 'p.post_status IN (' . implode(',', array_fill(0, count($input['statuses']), '%s')) . ')';
  array_push($params, ...$input['statuses']);
} else {
  $where[] = "p.post_status <> 'auto-draft'";
}
if (isset($input['title'])) { $where[] = 'p.post_title = %s'; $params[] = $input['title']; }
if (isset($input['metaKey'])) {
  $meta = "EXISTS (SELECT 1 FROM {$wpdb->postmeta} m WHERE m.post_id = p.ID AND m.meta_key = %s";
  $params[] = $input['metaKey'];
  if (isset($input['metaValue'])) { $meta .= ' AND m.meta_value = %s'; $params[] = $input['metaValue']; }
  $where[] = $meta . ')';
}
echo (int) $wpdb->get_var($wpdb->prepare("SELECT COUNT(*) FROM {$wpdb->posts} p WHERE " . implode(' AND ', $where), ...$params));
`;

const RESET_CONTENT_PHP = `
foreach (get_posts(['post_type' => 'any', 'post_status' => 'any', 'numberposts' => -1, 'fields' => 'ids']) as $id) {
  wp_delete_post($id, true);
}
foreach (get_posts(['post_type' => ['post', 'page'], 'post_status' => ['trash', 'auto-draft', 'inherit'], 'numberposts' => -1, 'fields' => 'ids']) as $id) {
  wp_delete_post($id, true);
}
foreach (get_posts(['post_type' => 'attachment', 'post_status' => 'any', 'numberposts' => -1, 'fields' => 'ids']) as $id) {
  wp_delete_attachment($id, true);
}
$default_category = (int) get_option('default_category');
foreach (get_terms(['taxonomy' => ['post_tag', 'category'], 'hide_empty' => false]) as $term) {
  if ($term->term_id !== $default_category) wp_delete_term($term->term_id, $term->taxonomy);
}
echo 'ok';
`;

const ALL_POST_STATUSES = 'publish,future,draft,pending,private,trash';

function createSite(basics: SiteBasics): WordPressSite {
  let stopped: Promise<void> | null = null;
  const request = <T>(route: string, req: SiteRequest = {}): Promise<RestResponse<T>> => {
    const as = req.as === undefined ? 'admin' : req.as;
    return restRequest<T>(basics.restRoot, route, { ...req, authorization: as ? basicAuth(basics.users[as]) : null });
  };

  const expectOk = <T>(response: RestResponse<T>, what: string): T => {
    if (response.status < 200 || response.status > 299) {
      throw new WordPressFixtureError(`The test WordPress refused to ${what}: HTTP ${response.status}.`, response.text.slice(0, 2000));
    }
    return response.body;
  };

  const listAll = async <T>(route: string, query: Record<string, string>): Promise<T[]> => {
    const items: T[] = [];
    for (let page = 1; ; page++) {
      const response = await request<T[]>(route, { query: { ...query, context: 'edit', per_page: 100, page } });
      items.push(...expectOk(response, `list ${route}`));
      const totalPages = Number(response.headers.get('x-wp-totalpages') ?? '1');
      if (page >= totalPages) return items;
    }
  };

  const getPost = async (postId: number) => expectOk(await request<WpPost>(`/wp/v2/posts/${postId}`, { query: { context: 'edit' } }), `show post ${postId}`);

  return {
    ...basics,
    request,
    getPost,
    countPosts: async (args = {}) => Number((await basics.php(COUNT_POSTS_PHP, { type: 'post', ...args })).trim()),
    listAllPosts: () => listAll<WpPost>('/wp/v2/posts', { status: ALL_POST_STATUSES }),
    listAllMedia: () => listAll<WpMedia>('/wp/v2/media', { status: 'inherit,private' }),
    async editPostAsOtherUser(postId, newTitle) {
      const before = await getPost(postId);
      const edit = async () => expectOk(await request<WpPost>(`/wp/v2/posts/${postId}`, { as: 'editor', json: { title: newTitle } }), `let the editor change post ${postId}`);
      let after = await edit();
      // modified_gmt has one-second resolution: make sure the change is visible in it.
      while (after.modified_gmt === before.modified_gmt) {
        await new Promise((resolve) => setTimeout(resolve, 1_050));
        after = await edit();
      }
      return after;
    },
    async resetContent() {
      await basics.php(RESET_CONTENT_PHP);
    },
    stop() {
      stopped ??= basics.stop();
      return stopped;
    },
  };
}
