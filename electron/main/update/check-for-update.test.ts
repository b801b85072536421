// Runs in: tests (node). A newsroom hosts its own update feed on 127.0.0.1: Dateline finds a newer
// version, ignores one that is not newer, and says why when the feed refuses, is gone or is not a feed;
// a downloaded installer whose sha512 does not match the feed is refused.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelFileFor, checkForUpdate, feedFileUrl } from './check-for-update';
import { fetchCapped } from './fetch-capped';
import { isNewerVersion } from './is-newer-version';
import { UpdateError } from './update-error';
import { parseUpdateFeed } from './update-feed';
import { verifyUpdateFile } from './verify-update-file';

const INSTALLER = Buffer.from('MZ'.padEnd(200_000, 'dateline installer bytes '));
const INSTALLER_SHA512 = createHash('sha512').update(INSTALLER).digest('base64');

function latestYml(version: string, sha512 = INSTALLER_SHA512, size = INSTALLER.byteLength): string {
  return [
    `version: ${version}`,
    'files:',
    `  - url: Dateline-Setup-${version}.exe`,
    `    sha512: ${sha512}`,
    `    size: ${size}`,
    `path: Dateline-Setup-${version}.exe`,
    `sha512: ${sha512}`,
    "releaseDate: '2026-12-01T10:00:00.000Z'",
    '',
  ].join('\n');
}

/** What each feed path answers; set per test. */
const routes = new Map<string, (res: import('node:http').ServerResponse) => void>();
const requests: string[] = [];
let server: Server;
let feedUrl: string;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dateline-update-'));
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const route = routes.get(req.url ?? '');
    if (route) route(res);
    else res.writeHead(404).end('Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feeds/stable`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

function serveFeed(text: string, path = '/feeds/stable/latest.yml'): void {
  routes.set(path, (res) => res.writeHead(200, { 'Content-Type': 'text/yaml' }).end(text));
}

async function updateError(promise: Promise<unknown>): Promise<UpdateError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UpdateError);
  return error as UpdateError;
}

const check = (currentVersion: string, timeoutMs?: number) =>
  checkForUpdate({ feedUrl, currentVersion, channelFile: 'latest.yml', ...(timeoutMs === undefined ? {} : { timeoutMs }) });

describe('checking the newsroom feed', () => {
  it('finds a newer version and where its installer is, with its sha512', async () => {
    serveFeed(latestYml('1.2.0'));
    const result = await check('1.1.9');
    expect(result).toEqual({
      kind: 'available',
      current: '1.1.9',
      version: '1.2.0',
      file: { url: `${feedUrl}/Dateline-Setup-1.2.0.exe`, sha512: INSTALLER_SHA512, size: INSTALLER.byteLength },
    });
  });

  it('offers nothing when the feed holds the same or an older version', async () => {
    serveFeed(latestYml('1.1.9'));
    expect(await check('1.1.9')).toEqual({ kind: 'up-to-date', current: '1.1.9', offered: '1.1.9' });
    expect((await check('1.10.0')).kind).toBe('up-to-date');
    serveFeed(latestYml('2.0.0-beta.1'));
    expect((await check('2.0.0')).kind).toBe('up-to-date');
  });

  it('compares versions by semantic-version precedence, not as text', () => {
    expect(isNewerVersion('1.10.0', '1.9.0')).toBe(true);
    expect(isNewerVersion('1.9.0', '1.10.0')).toBe(false);
    expect(isNewerVersion('2.0.0', '2.0.0-beta.3')).toBe(true);
    expect(isNewerVersion('2.0.0-beta.10', '2.0.0-beta.9')).toBe(true);
    expect(isNewerVersion('not-a-version', '1.0.0')).toBe(false);
  });

  it.each([404, 403, 500, 503])('says the server refused when latest.yml answers HTTP %i', async (status) => {
    routes.set('/feeds/stable/latest.yml', (res) => res.writeHead(status).end('<html>error page</html>'));
    const error = await updateError(check('1.0.0'));
    expect(error.kind).toBe('refused');
    expect(error.status).toBe(status);
    expect(error.message).toBe(`The update server answered HTTP ${status} for /feeds/stable/latest.yml`);
  });

  it('says the server could not be reached when nothing listens there', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await updateError(checkForUpdate({ feedUrl: `http://127.0.0.1:${port}/feed`, currentVersion: '1.0.0', channelFile: 'latest.yml' }));
    expect(error.kind).toBe('unreachable');
  });

  it('gives up on a feed that never answers', async () => {
    let held: import('node:http').ServerResponse | null = null;
    routes.set('/feeds/stable/latest.yml', (res) => {
      held = res;
    });
    const error = await updateError(check('1.0.0', 300));
    expect(error.kind).toBe('unreachable');
    (held as import('node:http').ServerResponse | null)?.destroy();
  });

  it('refuses a feed larger than a latest.yml can be, while reading it', async () => {
    routes.set('/feeds/stable/latest.yml', (res) => {
      res.writeHead(200, { 'Content-Type': 'text/yaml' });
      // Chunked, no Content-Length: the cap must hold while streaming.
      for (let i = 0; i < 100; i += 1) res.write(`# ${'x'.repeat(1000)}\n`);
      res.end();
    });
    expect((await updateError(check('1.0.0'))).kind).toBe('too-large');
  });

  it.each([
    ['not YAML', 'version: [1.2.0\nfiles: {'],
    ['a web page', '<html><body>Welcome to nginx</body></html>'],
    ['no version', latestYml('1.2.0').replace(/^version: .*$/m, '')],
    ['a version that is not semantic', latestYml('latest')],
    ['a sha512 that is not base64 of 64 bytes', latestYml('1.2.0', 'deadbeef')],
    ['no files', 'version: 1.2.0\nfiles: []\n'],
  ])('refuses a feed that is %s', async (_what, text) => {
    serveFeed(text);
    expect((await updateError(check('1.0.0'))).kind).toBe('bad-feed');
  });

  it('refuses a feed that points its installer at something other than the web', () => {
    const text = latestYml('1.2.0').replace('url: Dateline-Setup-1.2.0.exe', 'url: file:///etc/passwd');
    expect(() => parseUpdateFeed(text, `${feedUrl}/latest.yml`)).toThrow(expect.objectContaining({ kind: 'bad-feed' }));
  });

  it('reads the file electron-updater reads on each platform', () => {
    expect([channelFileFor('win32'), channelFileFor('darwin'), channelFileFor('linux')]).toEqual(['latest.yml', 'latest-mac.yml', 'latest-linux.yml']);
    expect(feedFileUrl('https://updates.example.news/dateline', 'latest.yml')).toBe('https://updates.example.news/dateline/latest.yml');
    expect(feedFileUrl('https://updates.example.news/dateline/', 'latest.yml')).toBe('https://updates.example.news/dateline/latest.yml');
  });
});

describe('the downloaded installer', () => {
  async function download(name: string, bytes: Buffer, maxBytes = 10 * 1024 * 1024): Promise<string> {
    routes.set(`/feeds/stable/${name}`, (res) => res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(bytes));
    serveFeed(latestYml('1.2.0').replaceAll('Dateline-Setup-1.2.0.exe', name));
    const offer = await check('1.0.0');
    if (offer.kind !== 'available') throw new Error('expected an update');
    const path = join(dir, name);
    await writeFile(path, await fetchCapped(offer.file.url, { maxBytes, timeoutMs: 10_000 }));
    return path;
  }

  it('is accepted when its sha512 matches the feed', async () => {
    const path = await download('good.exe', INSTALLER);
    await expect(verifyUpdateFile(path, { sha512: INSTALLER_SHA512, size: INSTALLER.byteLength })).resolves.toBeUndefined();
  });

  it('is refused when its bytes were changed on the way (sha512 mismatch)', async () => {
    const tampered = Buffer.from(INSTALLER);
    tampered[1000] = tampered[1000]! ^ 0xff;
    const path = await download('tampered.exe', tampered);
    const error = await updateError(verifyUpdateFile(path, { sha512: INSTALLER_SHA512, size: INSTALLER.byteLength }));
    expect(error.kind).toBe('bad-checksum');
    expect(error.message).toBe('The downloaded update does not match the sha512 in the update feed');
  });

  it('is refused when it is cut short or padded (size mismatch)', async () => {
    const path = await download('short.exe', INSTALLER.subarray(0, 1000));
    expect((await updateError(verifyUpdateFile(path, { sha512: INSTALLER_SHA512, size: INSTALLER.byteLength }))).kind).toBe('bad-checksum');
  });

  it('is not downloaded past the cap', async () => {
    expect((await updateError(download('huge.exe', INSTALLER, 50_000))).kind).toBe('too-large');
  });
});
