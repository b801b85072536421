// Runs in: main, host and the services process (plain Node, no electron import). The control
// messages between the process that supervises the services and the services process itself;
// operation calls travel beside them as RPC messages (common/rpc).
import { z } from 'zod';
import type { AppErrorCode } from '../../common/app-error';
import type { LogLevel } from '../services/log/logger';

/** What the services process needs to open the library; sent once after each (re)start. */
export const servicesStartOptionsSchema = z
  .object({
    dataDir: z.string().min(1).max(4096),
    transport: z.enum(['ipc', 'http']),
    version: z.string().max(100),
    systemLocale: z.string().max(100),
    documentsDir: z.string().min(1).max(4096).optional(),
    reviewSyncMs: z.number().int().positive().optional(),
    /**
     * Electron: the OS keychain backend main encrypts secrets with ("basic_text", "keychain", ...);
     * the services ask main for every secret. null: the services keep their own 0600 file (browser mode).
     */
    secretsBackend: z.string().max(100).nullable(),
  })
  .strict();
export type ServicesStartOptions = z.infer<typeof servicesStartOptionsSchema>;

export type ServicesControlMessage =
  | { kind: 'services-start'; options: ServicesStartOptions }
  | { kind: 'services-ready' }
  | { kind: 'services-failed'; error: { code: AppErrorCode; message: string; details?: unknown } }
  | { kind: 'services-close' }
  /** A log line from the services process; the parent writes it to the app's one log file. */
  | { kind: 'services-log'; level: LogLevel; message: string; detail?: string };

/** The RPC ops the services process calls on its parent (Electron main): secrets go through safeStorage there. */
export const SECRET_OPS = ['secrets.get', 'secrets.set', 'secrets.delete'] as const;
export type SecretOp = (typeof SECRET_OPS)[number];

const CONTROL_KINDS = new Set(['services-start', 'services-ready', 'services-failed', 'services-close', 'services-log']);

/** Only the kind is checked here; each side validates the fields it reads. */
export function controlMessageOf(message: unknown): ServicesControlMessage | null {
  if (typeof message !== 'object' || message === null) return null;
  const kind = (message as { kind?: unknown }).kind;
  return typeof kind === 'string' && CONTROL_KINDS.has(kind) ? (message as ServicesControlMessage) : null;
}
