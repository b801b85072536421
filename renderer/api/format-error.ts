// Runs in: renderer. Turns any failure into a translated headline plus the service's specific detail.
import type { AppErrorCode } from '../../common/app-error';
import { t } from '../i18n/i18n-store';
import type { MessageKey } from '../i18n/messages/catalogues';
import { isApiError } from './api-error';

const CODE_KEYS: Record<AppErrorCode, MessageKey> = {
  'invalid-input': 'app.error.invalid-input',
  'not-found': 'app.error.not-found',
  conflict: 'app.error.conflict',
  'corrupt-file': 'app.error.corrupt-file',
  'disk-full': 'app.error.disk-full',
  'permission-denied': 'app.error.permission-denied',
  'io-error': 'app.error.io-error',
  'media-not-image': 'app.error.media-not-image',
  'media-too-large': 'app.error.media-too-large',
  'media-corrupt': 'app.error.media-corrupt',
  'forbidden-sender': 'app.error.forbidden-sender',
  unauthorized: 'app.error.unauthorized',
  internal: 'app.error.internal',
  'remote-unreachable': 'publish.error.remote-unreachable',
  'remote-timeout': 'publish.error.remote-timeout',
  'remote-tls': 'publish.error.remote-tls',
  'remote-auth': 'publish.error.remote-auth',
  'remote-forbidden': 'publish.error.remote-forbidden',
  'remote-not-found': 'publish.error.remote-not-found',
  'remote-too-large': 'publish.error.remote-too-large',
  'remote-server-error': 'publish.error.remote-server-error',
  'remote-bad-response': 'publish.error.remote-bad-response',
  'remote-not-wordpress': 'publish.error.remote-not-wordpress',
  'remote-not-ghost': 'publish.error.remote-not-ghost',
  'remote-conflict': 'publish.error.remote-conflict',
  'checklist-blocked': 'publish.error.checklist-blocked',
  'secrets-unavailable': 'publish.error.secrets-unavailable',
  'services-restarting': 'app.error.services-restarting',
};

export interface FormattedError {
  /** Translated, specific to the error code. */
  message: string;
  /** What the service said, kept for the expert (file names, limits). */
  detail: string;
}

/** What a newsroom server failure was (details.newsroom, set by the services' newsroom API). */
const NEWSROOM_KEYS: Record<string, MessageKey> = {
  unreachable: 'newsroom.error.unreachable',
  auth: 'newsroom.error.auth',
  forbidden: 'newsroom.error.forbidden',
  conflict: 'newsroom.error.conflict',
  'not-found': 'newsroom.error.not-found',
  'bad-response': 'newsroom.error.bad-response',
};

export function formatError(error: unknown): FormattedError {
  if (isApiError(error)) {
    const newsroom = (error.details as { newsroom?: unknown } | null | undefined)?.newsroom;
    const key = typeof newsroom === 'string' && Object.hasOwn(NEWSROOM_KEYS, newsroom) ? NEWSROOM_KEYS[newsroom] : undefined;
    return { message: t(key ?? CODE_KEYS[error.code]), detail: error.message };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { message: t('app.error.internal'), detail };
}
