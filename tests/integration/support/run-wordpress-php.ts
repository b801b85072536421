// Runs in: test processes. Runs a PHP snippet inside a test WordPress (wp-load.php already
// required) with the PHP CLI, passing input as JSON in `$input`; returns what it printed.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WordPressFixtureError } from './wordpress-fixture-error';
import { phpString } from './wordpress-docroot';

export interface PhpRunOptions {
  /** Available to the snippet as `$input` (decoded JSON). */
  input?: unknown;
  /** Defines WP_INSTALLING and loads wp-admin/includes/upgrade.php (for wp_install). */
  installing?: boolean;
  timeoutMs?: number;
}

export const PHP_INI_ARGS = ['-d', 'sendmail_path=/bin/true', '-d', 'memory_limit=512M', '-d', 'display_errors=stderr', '-d', 'error_reporting=E_ALL & ~E_DEPRECATED'];

export async function runWordPressPhp(php: string, docroot: string, scratchDir: string, code: string, options: PhpRunOptions = {}): Promise<string> {
  await mkdir(scratchDir, { recursive: true });
  const file = join(scratchDir, `snippet-${randomBytes(6).toString('hex')}.php`);
  const prelude = [
    '<?php',
    options.installing ? "define('WP_INSTALLING', true);" : '',
    `require ${phpString(join(docroot, 'wp-load.php'))};`,
    options.installing ? "require_once ABSPATH . 'wp-admin/includes/upgrade.php';" : '',
    "$input = json_decode(getenv('DATELINE_PHP_INPUT') ?: 'null', true);",
  ].join('\n');
  await writeFile(file, `${prelude}\n${code}\n`);
  try {
    return await new Promise<string>((resolve, reject) => {
      execFile(
        php,
        [...PHP_INI_ARGS, file],
        {
          cwd: docroot,
          timeout: options.timeoutMs ?? 120_000,
          maxBuffer: 64 * 1024 * 1024,
          env: { ...process.env, DATELINE_PHP_INPUT: JSON.stringify(options.input ?? null) },
        },
        (error, stdout, stderr) => {
          if (error) {
            reject(new WordPressFixtureError(`A PHP snippet failed in the test WordPress at ${docroot}.`, `${stderr}\n${stdout}`.trim().slice(-4000)));
          } else {
            resolve(stdout);
          }
        },
      );
    });
  } finally {
    await rm(file, { force: true });
  }
}
