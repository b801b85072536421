// Runs in: Node (the test preflight). Looks for every external part the tests need on this machine.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { findChromium } from '../../tests/support/chromium-executable';
import { lookForWordPressTools, WORDPRESS_DEBIAN_PACKAGES } from '../../tests/integration/support/wordpress-prerequisites';
import { POSTGRES_DEBIAN_PACKAGES, postgresTools, REDIS_DEBIAN_PACKAGES, redisServerPath } from '../../tests/support/newsroom/server-parts';
import type { PreflightMachine } from './plan-preflight';
import type { PreflightPart } from './preflight-part';

const CJK_FONT_FILES = ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc'];

function onPath(name: string): string | null {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return dirs.map((dir) => join(dir, name)).find((candidate) => existsSync(candidate)) ?? null;
}

function chromiumPart(): PreflightPart {
  const choice = findChromium();
  const base = { id: 'chromium', label: 'Chromium', neededBy: 'the end-to-end tests', debianPackages: ['chromium'] };
  if (choice.found) return { ...base, present: true, reason: '', elsewhere: '' };
  if (choice.explicit !== null) {
    return { ...base, present: false, reason: `DATELINE_CHROMIUM is ${choice.explicit}, which does not exist`, debianPackages: [], elsewhere: 'point DATELINE_CHROMIUM at a Chromium or Chrome binary, or unset it' };
  }
  return { ...base, present: false, reason: `looked for ${choice.tried.join(' and ')}`, elsewhere: 'npx playwright install chromium (on a machine with internet), or set DATELINE_CHROMIUM' };
}

function cjkFontsPart(): PreflightPart {
  const base = { id: 'cjk-fonts', label: 'Chinese fonts', neededBy: 'the Chinese end-to-end tests', debianPackages: ['fonts-noto-cjk'], elsewhere: 'macOS and Windows ship Chinese fonts; elsewhere install Noto Sans CJK' };
  if (process.platform !== 'linux') return { ...base, present: true, reason: '' };
  const listed = onPath('fc-list') ? spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8', timeout: 30_000 }).stdout?.trim() : '';
  const present = Boolean(listed) || CJK_FONT_FILES.some((file) => existsSync(file));
  return { ...base, present, reason: present ? '' : 'no font for Chinese (fc-list :lang=zh lists none)' };
}

function xvfbPart(): PreflightPart {
  const base = { id: 'xvfb', label: 'xvfb-run', neededBy: 'the Electron smoke test on a machine without a display', debianPackages: ['xvfb', 'xauth'], elsewhere: 'not needed off Linux' };
  if (process.platform !== 'linux') return { ...base, present: true, reason: '' };
  const present = onPath('xvfb-run') !== null && onPath('xauth') !== null;
  return { ...base, present, reason: present ? '' : 'xvfb-run or xauth is not on the PATH' };
}

function opensslPart(): PreflightPart {
  const present = onPath(process.platform === 'win32' ? 'openssl.exe' : 'openssl') !== null;
  return {
    id: 'openssl',
    label: 'openssl',
    neededBy: 'the TLS failure tests (they make a self-signed certificate)',
    present,
    reason: present ? '' : 'openssl is not on the PATH',
    debianPackages: ['openssl'],
    elsewhere: 'install OpenSSL and put it on the PATH',
  };
}

function wordpressPart(): PreflightPart {
  const { missing } = lookForWordPressTools();
  return {
    id: 'wordpress',
    label: 'WordPress, PHP and MariaDB',
    neededBy: 'the publishing and review-hub integration tests',
    present: missing.length === 0,
    reason: missing.length === 0 ? '' : `missing ${missing.join('; ')}`,
    debianPackages: WORDPRESS_DEBIAN_PACKAGES,
    elsewhere: 'these tests use Debian’s WordPress packages: run them on Debian 12 (a container will do)',
  };
}

export function postgresPart(env: NodeJS.ProcessEnv = process.env): PreflightPart {
  const { missing } = postgresTools(env);
  return {
    id: 'postgresql',
    label: 'PostgreSQL 15',
    neededBy: 'the newsroom server tests and benchmark',
    present: missing.length === 0,
    reason: missing.length === 0 ? '' : `looked for ${missing.join(' and ')}`,
    debianPackages: [...POSTGRES_DEBIAN_PACKAGES],
    elsewhere: 'install PostgreSQL 15 and set DATELINE_POSTGRES_BIN to the folder holding initdb and postgres',
  };
}

export function redisPart(env: NodeJS.ProcessEnv = process.env): PreflightPart {
  const found = redisServerPath(env);
  return {
    id: 'redis-server',
    label: 'Redis 7',
    neededBy: 'the newsroom server tests and benchmark (two nodes as one)',
    present: found !== null,
    reason: found === null ? 'redis-server is not in /usr/bin or /usr/local/bin' : '',
    debianPackages: [...REDIS_DEBIAN_PACKAGES],
    elsewhere: 'install Redis 7 and set DATELINE_REDIS_SERVER to its redis-server',
  };
}

/** What Ghost's install compiles from source (better-sqlite3, re2): prebuilt downloads are not assumed. */
export const GHOST_BUILD_DEBIAN_PACKAGES = ['g++', 'make', 'python3'] as const;

function ghostBuildPart(): PreflightPart {
  const tools = ['g++', 'make', 'python3'];
  const missing = tools.filter((tool) => onPath(tool) === null);
  return {
    id: 'ghost-build-tools',
    label: 'g++, make and python3',
    neededBy: 'the Ghost integration tests (installing Ghost compiles better-sqlite3 and re2)',
    present: missing.length === 0,
    reason: missing.length === 0 ? '' : `${missing.join(', ')} not on the PATH`,
    debianPackages: GHOST_BUILD_DEBIAN_PACKAGES,
    elsewhere: 'install a C++ compiler, make and Python 3 (Xcode command line tools on macOS, Visual Studio Build Tools on Windows)',
  };
}

export function probeParts(): PreflightPart[] {
  return [
    chromiumPart(),
    cjkFontsPart(),
    xvfbPart(),
    opensslPart(),
    wordpressPart(),
    postgresPart(),
    redisPart(),
    ghostBuildPart(),
  ];
}

export function probeMachine(env: NodeJS.ProcessEnv, checkOnly: boolean): PreflightMachine {
  return {
    debian: process.platform === 'linux' && existsSync('/etc/debian_version') && onPath('apt-get') !== null,
    root: process.getuid?.() === 0,
    noInstall: checkOnly || env.DATELINE_NO_INSTALL === '1',
  };
}
