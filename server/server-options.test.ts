// Runs in: vitest (node). The newsroom server's command line.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseCli, UsageError } from './server-options';

describe('npm run server options', () => {
  it('serves on 127.0.0.1 with the embedded database by default', () => {
    const options = parseCli([], {}, '/srv');
    expect(options).toMatchObject({ command: 'serve', host: '127.0.0.1', port: DEFAULT_PORT, dataDir: '/srv/newsroom-data', databaseUrl: null, redisUrl: null });
  });

  it('takes PostgreSQL and Redis URLs from flags or the environment', () => {
    const options = parseCli(['--redis-url', 'redis://127.0.0.1:6379'], { DATELINE_DATABASE_URL: 'postgres://u@h/db' }, '/srv');
    expect(options).toMatchObject({ databaseUrl: 'postgres://u@h/db', redisUrl: 'redis://127.0.0.1:6379' });
  });

  it('refuses what cannot work', () => {
    expect(() => parseCli(['--redis-url', 'redis://h'], {}, '/')).toThrow(UsageError);
    expect(() => parseCli(['--database-url', 'mysql://h'], {}, '/')).toThrow(UsageError);
    expect(() => parseCli(['--tls-cert', 'c.pem'], {}, '/')).toThrow(UsageError);
    expect(() => parseCli(['add-user', '--name', 'A'], {}, '/')).toThrow(/--role/);
    expect(() => parseCli(['drop-everything'], {}, '/')).toThrow(UsageError);
    expect(() => parseCli(['--port', '70000'], {}, '/')).toThrow(UsageError);
  });

  it('reads account commands', () => {
    expect(parseCli(['add-user', '--name', 'Li Wei', '--role', 'reporter'], {}, '/')).toMatchObject({ command: 'add-user', userName: 'Li Wei', role: 'reporter' });
  });
});
