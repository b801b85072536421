// Runs in: test processes. A private copy of Debian's WordPress for one test site: hard links to
// the package's files (symlinks dereferenced), our own wp-config.php, the companion must-use
// plugin, and a router for PHP's built-in server. Never edits a hard-linked core file in place.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rm, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { WordPressFixtureError } from './wordpress-fixture-error';

const run = promisify(execFile);

export const COMPANION_PLUGIN_SOURCE = resolve(import.meta.dirname, '..', '..', '..', 'resources', 'wordpress', 'dateline-companion.php');

export interface WordPressConfig {
  docroot: string;
  siteUrl: string;
  dbSocket: string;
  dbName: string;
  dbUser: string;
  dbPassword: string;
}

/** A PHP single-quoted string literal. */
export function phpString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Copies /usr/share/wordpress as hard links (a real copy where hard links are not allowed). */
export async function copyWordPress(wordpressDir: string, docroot: string): Promise<void> {
  try {
    await run('cp', ['-alL', wordpressDir, docroot], { timeout: 120_000 });
  } catch {
    // Hard links fail across filesystems, or for non-root users under fs.protected_hardlinks.
    await rm(docroot, { recursive: true, force: true });
    try {
      await run('cp', ['-RL', wordpressDir, docroot], { timeout: 300_000 });
    } catch (error) {
      throw new WordPressFixtureError(`Cannot start the test WordPress: copying ${wordpressDir} to ${docroot} failed.`, String(error));
    }
  }
  // The copied wp-config.php is Debian's (a hard link): remove the link, never write through it.
  await unlink(join(docroot, 'wp-config.php'));
}

/** Writes (or rewrites) our own wp-config.php; safe to call again when the port changes. */
export async function writeWordPressConfig(config: WordPressConfig): Promise<void> {
  const salt = () => phpString(randomBytes(48).toString('base64'));
  const keys = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'];
  const text = `<?php
// Written by Dateline's test fixture for one throwaway site; not Debian's config.
define('DB_NAME', ${phpString(config.dbName)});
define('DB_USER', ${phpString(config.dbUser)});
define('DB_PASSWORD', ${phpString(config.dbPassword)});
define('DB_HOST', ${phpString(`localhost:${config.dbSocket}`)});
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
${keys.map((key) => `define('${key}', ${salt()});`).join('\n')}
$table_prefix = 'wp_';
define('WP_HOME', ${phpString(config.siteUrl)});
define('WP_SITEURL', ${phpString(config.siteUrl)});
// Application Passwords need https unless the environment is 'local'.
define('WP_ENVIRONMENT_TYPE', 'local');
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('DISALLOW_FILE_MODS', true);
define('FS_METHOD', 'direct');
define('WP_DEBUG', false);
if (!defined('ABSPATH')) {
  define('ABSPATH', __DIR__ . '/');
}
require_once ABSPATH . 'wp-settings.php';
`;
  const file = join(config.docroot, 'wp-config.php');
  // Our own file (never a hard link): replace it whole.
  await rm(file, { force: true });
  await writeFile(file, text, { flag: 'wx' });
}

/** Installs the companion must-use plugin as a fresh file (not a link into the repository). */
export async function installCompanionPlugin(docroot: string): Promise<void> {
  const dir = join(docroot, 'wp-content', 'mu-plugins');
  await mkdir(dir, { recursive: true });
  await copyFile(COMPANION_PLUGIN_SOURCE, join(dir, 'dateline-companion.php'));
}

/** The built-in server's router: existing files as they are, everything else through index.php. */
export async function writeRouter(file: string): Promise<void> {
  await writeFile(
    file,
    `<?php
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
$target = $_SERVER['DOCUMENT_ROOT'] . $path;
if ($path !== '/' && (is_file($target) || is_dir($target))) {
  return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
chdir($_SERVER['DOCUMENT_ROOT']);
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
`,
  );
}
