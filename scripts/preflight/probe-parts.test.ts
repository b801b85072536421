// Runs in: vitest (node). The preflight lists PostgreSQL and Redis, the newsroom server's parts,
// with the Debian packages that bring them.
import { describe, expect, it } from 'vitest';
import { aptInstallCommand, planPreflight } from './plan-preflight';
import { postgresPart, redisPart } from './probe-parts';

describe('the newsroom server parts in the preflight', () => {
  it('finds Debian’s PostgreSQL 15 and Redis 7 where they are installed', () => {
    expect(postgresPart().present).toBe(true);
    expect(redisPart().present).toBe(true);
  });

  it('names the install command when they are missing', () => {
    const missing = [postgresPart({ DATELINE_POSTGRES_BIN: '/nowhere/bin' }), redisPart({ DATELINE_REDIS_SERVER: '/nowhere/redis-server' })];
    // Redis is still found in /usr/bin here, so only the explicit PostgreSQL folder can be missing.
    expect(missing[0]).toMatchObject({ id: 'postgresql', present: false, debianPackages: ['postgresql'] });
    expect(missing[0]!.reason).toContain('/nowhere/bin/initdb');
    const plan = planPreflight([missing[0]!, { ...redisPart(), present: false }], { debian: true, root: true, noInstall: true });
    expect(plan.installCommand).toBe(aptInstallCommand(['postgresql', 'redis-server'], true));
    expect(plan.installCommand).toBe('apt-get update && apt-get install -y --no-install-recommends postgresql redis-server');
  });
});
