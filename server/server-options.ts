// Runs in: the newsroom server. The command line: `npm run server -- [command] [options]`.
//   (no command)          serve
//   add-user --name N --role reporter|editor|desk|admin   prints the new token once
//   list-users | remove-user --name N
// Options: --host (127.0.0.1), --port (4455), --data-dir (./newsroom-data, for the embedded
// PGlite), --database-url postgres://…, --redis-url redis://…, --tls-cert FILE --tls-key FILE,
// --max-message-bytes N, --node-name NAME. DATELINE_DATABASE_URL and DATELINE_REDIS_URL work too.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export const COMMANDS = ['serve', 'add-user', 'list-users', 'remove-user'] as const;
export type Command = (typeof COMMANDS)[number];

export interface CliOptions {
  command: Command;
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | null;
  redisUrl: string | null;
  tlsCert: string | null;
  tlsKey: string | null;
  maxMessageBytes: number | null;
  nodeName: string;
  userName: string | null;
  role: string | null;
}

export const DEFAULT_PORT = 4455;

export class UsageError extends Error {}

function whole(value: string | undefined, what: string, min: number, max: number): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${what} must be a whole number from ${min} to ${max}.`);
  return n;
}

export function parseCli(argv: string[], env: NodeJS.ProcessEnv, cwd: string): CliOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      'redis-url': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'max-message-bytes': { type: 'string' },
      'node-name': { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
    },
  });
  const command = (positionals[0] ?? 'serve') as Command;
  if (!COMMANDS.includes(command) || positionals.length > 1) throw new UsageError(`Unknown command "${positionals.join(' ')}": use ${COMMANDS.join(', ')}.`);
  const databaseUrl = values['database-url'] ?? env.DATELINE_DATABASE_URL ?? null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new UsageError('--database-url must start with postgres:// or postgresql://.');
  const redisUrl = values['redis-url'] ?? env.DATELINE_REDIS_URL ?? null;
  if (redisUrl !== null && !/^redis:\/\//.test(redisUrl)) throw new UsageError('--redis-url must start with redis://.');
  if (redisUrl !== null && databaseUrl === null) throw new UsageError('--redis-url needs --database-url: nodes that serve as one must share a PostgreSQL.');
  const tlsCert = values['tls-cert'] ?? null;
  const tlsKey = values['tls-key'] ?? null;
  if ((tlsCert === null) !== (tlsKey === null)) throw new UsageError('Give both --tls-cert and --tls-key, or neither.');
  if ((command === 'add-user' || command === 'remove-user') && !values.name) throw new UsageError(`${command} needs --name.`);
  if (command === 'add-user' && !values.role) throw new UsageError('add-user needs --role reporter, editor (desk) or admin.');
  return {
    command,
    host: values.host ?? '127.0.0.1',
    port: whole(values.port, '--port', 0, 65535) ?? DEFAULT_PORT,
    dataDir: resolve(cwd, values['data-dir'] ?? 'newsroom-data'),
    databaseUrl,
    redisUrl,
    tlsCert,
    tlsKey,
    maxMessageBytes: whole(values['max-message-bytes'], '--max-message-bytes', 1024, 256 * 1024 * 1024),
    nodeName: values['node-name'] ?? `node-${process.pid}`,
    userName: values.name ?? null,
    role: values.role ?? null,
  };
}
