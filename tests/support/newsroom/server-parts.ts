// Runs in: test processes and the preflight. Where PostgreSQL 15 and Redis 7 live on this machine
// (Debian's postgresql and redis-server packages), and which packages bring them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Debian's PostgreSQL 15; DATELINE_POSTGRES_BIN points elsewhere. */
export function postgresBinDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATELINE_POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';
}
export const POSTGRES_DEBIAN_PACKAGES = ['postgresql'] as const;
export const REDIS_DEBIAN_PACKAGES = ['redis-server'] as const;

export function postgresTools(env: NodeJS.ProcessEnv = process.env): { initdb: string; postgres: string; missing: string[] } {
  const initdb = join(postgresBinDir(env), 'initdb');
  const postgres = join(postgresBinDir(env), 'postgres');
  return { initdb, postgres, missing: [initdb, postgres].filter((file) => !existsSync(file)) };
}

export function redisServerPath(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [env.DATELINE_REDIS_SERVER, '/usr/bin/redis-server', '/usr/local/bin/redis-server'].filter((c): c is string => Boolean(c));
  return candidates.find((candidate) => existsSync(candidate)) ?? null;
}
