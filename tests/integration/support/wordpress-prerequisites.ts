// Runs in: test processes. Finds the Debian packages the WordPress fixture needs and, when any is
// missing, throws one message naming all of them and the command that installs them.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { WordPressFixtureError } from './wordpress-fixture-error';

export const WORDPRESS_DEBIAN_PACKAGES = [
  'wordpress',
  'wordpress-theme-twentytwentythree',
  'php-cli',
  'php-mysql',
  'php-gd',
  'php-xml',
  'php-mbstring',
  'php-curl',
  'php-imagick',
  'php-intl',
  'php-zip',
  'mariadb-server',
] as const;

export interface WordPressTools {
  php: string;
  mariadbd: string;
  mariadbInstallDb: string;
  mariadb: string;
  wordpressDir: string;
}

const SEARCH_PATH = ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin', '/sbin', '/bin'];

function findExecutable(name: string): string | null {
  const dirs = [...(process.env.PATH ?? '').split(':').filter(Boolean), ...SEARCH_PATH];
  return dirs.map((dir) => `${dir}/${name}`).find((candidate) => existsSync(candidate)) ?? null;
}

function phpModules(php: string): string[] {
  try {
    return execFileSync(php, ['-m'], { encoding: 'utf8', timeout: 30_000 })
      .split('\n')
      .map((line) => line.trim().toLowerCase());
  } catch {
    return [];
  }
}

interface FoundWordPressTools {
  tools: WordPressTools | null;
  /** Each missing piece with the Debian package that brings it; empty when tools is set. */
  missing: string[];
}

/** Looks for everything the fixture needs without throwing (the test preflight reports the list). */
export function lookForWordPressTools(wordpressDir = '/usr/share/wordpress'): FoundWordPressTools {
  const missing: string[] = [];
  const php = findExecutable('php');
  const mariadbd = findExecutable('mariadbd');
  const mariadbInstallDb = findExecutable('mariadb-install-db');
  const mariadb = findExecutable('mariadb');
  if (!php) missing.push('php (package php-cli)');
  if (!mariadbd) missing.push('mariadbd (package mariadb-server)');
  if (!mariadbInstallDb) missing.push('mariadb-install-db (package mariadb-server)');
  if (!mariadb) missing.push('mariadb client (package mariadb-client, pulled in by mariadb-server)');
  if (!existsSync(`${wordpressDir}/wp-load.php`)) missing.push(`${wordpressDir}/wp-load.php (package wordpress)`);
  if (!existsSync(`${wordpressDir}/wp-content/themes/twentytwentythree/style.css`)) {
    missing.push(`${wordpressDir}/wp-content/themes/twentytwentythree (package wordpress-theme-twentytwentythree)`);
  }
  if (php) {
    const modules = phpModules(php);
    for (const [module, pkg] of [
      ['mysqli', 'php-mysql'],
      ['mbstring', 'php-mbstring'],
      ['imagick', 'php-imagick'],
      ['xml', 'php-xml'],
    ] as const) {
      if (!modules.includes(module)) missing.push(`PHP extension ${module} (package ${pkg})`);
    }
  }
  if (missing.length > 0 || !php || !mariadbd || !mariadbInstallDb || !mariadb) return { tools: null, missing };
  return { tools: { php, mariadbd, mariadbInstallDb, mariadb, wordpressDir }, missing: [] };
}

/** The command that installs every package the fixture needs (as root on Debian). */
export const WORDPRESS_INSTALL_COMMAND = `apt-get update && apt-get install -y --no-install-recommends ${WORDPRESS_DEBIAN_PACKAGES.join(' ')}`;

/** Returns the tools, or throws WordPressFixtureError listing everything that is missing. */
export function findWordPressTools(wordpressDir = '/usr/share/wordpress'): WordPressTools {
  const { tools, missing } = lookForWordPressTools(wordpressDir);
  if (!tools) {
    throw new WordPressFixtureError(
      `Cannot start the test WordPress: missing ${missing.join('; ')}. Install the Debian packages (as root): ${WORDPRESS_INSTALL_COMMAND}`,
    );
  }
  return tools;
}
