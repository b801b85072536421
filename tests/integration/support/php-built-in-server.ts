// Runs in: test processes. PHP's built-in web server with several workers serving one test
// WordPress, in its own process group; ready once the REST index answers as *this* site.
import { spawnGroup, stopGroup, type GroupProcess } from './process-group';
import { PHP_INI_ARGS } from './run-wordpress-php';

export interface PhpServerOptions {
  php: string;
  docroot: string;
  router: string;
  port: number;
  workers: number;
  errorLog: string;
  /** php.ini settings that replace the defaults below, e.g. { upload_max_filesize: '1M' }. */
  ini?: Record<string, string>;
}

export function spawnPhpServer(options: PhpServerOptions): GroupProcess {
  return spawnGroup(
    options.php,
    [
      ...PHP_INI_ARGS,
      '-d',
      'display_errors=0',
      '-d',
      'log_errors=1',
      '-d',
      `error_log=${options.errorLog}`,
      '-d',
      'upload_max_filesize=64M',
      '-d',
      'post_max_size=64M',
      '-d',
      'max_execution_time=120',
      // Later -d settings win: a test can shrink the upload limits.
      ...Object.entries(options.ini ?? {}).flatMap(([key, value]) => ['-d', `${key}=${value}`]),
      // OPcache is shared by the forked workers; WordPress loads hundreds of files per request.
      '-d',
      'opcache.enable_cli=1',
      '-d',
      'opcache.revalidate_freq=0',
      '-S',
      `127.0.0.1:${options.port}`,
      '-t',
      options.docroot,
      options.router,
    ],
    { cwd: options.docroot, env: { ...process.env, PHP_CLI_SERVER_WORKERS: String(options.workers) } },
  );
}

export type ReadyResult = { ok: true; linkHeader: string } | { ok: false; portTaken: boolean; reason: string };

/** Polls `/?rest_route=/` until it answers 200 with this site's tagline, the server exits, or time runs out. */
export async function waitForWordPress(server: GroupProcess, siteUrl: string, tagline: string, timeoutMs: number): Promise<ReadyResult> {
  let exited: string | null = null;
  void server.exited.then((how) => {
    exited = how;
  });
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (exited !== null) {
      const output = server.output();
      return { ok: false, portTaken: /address already in use|failed to listen/i.test(output), reason: `the PHP server exited (${exited}): ${output.slice(-2000)}` };
    }
    try {
      const response = await fetch(`${siteUrl}/?rest_route=/`, { signal: AbortSignal.timeout(15_000), redirect: 'manual' });
      const text = await response.text();
      if (response.status === 200) {
        const index = JSON.parse(text) as { description?: string };
        // Another process that won the race for this port would not know our random tagline.
        if (index.description !== tagline) return { ok: false, portTaken: true, reason: `another server answers on ${siteUrl}` };
        const home = await fetch(`${siteUrl}/`, { method: 'HEAD', signal: AbortSignal.timeout(15_000), redirect: 'manual' });
        return { ok: true, linkHeader: home.headers.get('link') ?? '' };
      }
      last = `HTTP ${response.status}: ${text.slice(0, 500)}`;
    } catch (error) {
      last = error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  await stopGroup(server.pid, 5_000);
  return { ok: false, portTaken: false, reason: `no answer within ${timeoutMs / 1000} s; last: ${last}` };
}
