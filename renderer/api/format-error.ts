// Runs in: renderer. Turns any failure into a translated headline (from its code) and a translated
// detail line (from its kind and parameters). The English message is for the log only.
import type { AppErrorCode } from '../../common/app-error';
import type { AppErrorDetails, AppErrorKind } from '../../common/errors/app-error-details';
import { ARTICLE_STATUSES, type ArticleStatus } from '../../common/article';
import { readableUrl } from '../../common/text/readable-url';
import { WORKFLOW_ACTIONS, type WorkflowAction } from '../../common/workflow/workflow-event';
import { t, type TranslateVars } from '../i18n/i18n-store';
import type { MessageKey } from '../i18n/messages/catalogues';
import type { RecordedError } from '../../common/errors/recorded-error';
import { ApiError, isApiError } from './api-error';

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
  /** Translated, specific to the situation (the details' kind), with its names and numbers; may be empty. */
  detail: string;
}

export interface FormatErrorOptions {
  /**
   * The failure of a one-off check the person ran (Test connection), not of work Dateline keeps
   * trying (a publish in the outbox): its detail must not promise another try.
   */
  oneOff?: boolean;
}

/** The details of kinds that say Dateline will try again, worded for a one-off check. */
const ONE_OFF_KEYS: Partial<Record<AppErrorKind, MessageKey>> = {
  timeout: 'targets.testError.timeout',
  'not-sent': 'targets.testError.not-sent',
  'connection-broken': 'targets.testError.connection-broken',
  'network-other': 'targets.testError.network-other',
  'http-408': 'targets.testError.http-408',
  'http-429': 'targets.testError.http-429',
  'http-5xx': 'targets.testError.http-5xx',
  'wp-server-error': 'targets.testError.wp-server-error',
};

export function formatError(error: unknown, options: FormatErrorOptions = {}): FormattedError {
  if (isApiError(error)) return { message: t(CODE_KEYS[error.code]), detail: error.details ? formatDetails(error.details, options) : '' };
  return { message: t('app.error.internal'), detail: t('error.unexpected') };
}

/** A failure kept in a record (a review sync's last try), worded like one that just happened. */
export function formatRecordedError(error: RecordedError): FormattedError {
  return formatError(new ApiError(error.code, error.message, error.details));
}

/** The detail line of one kind: its message, then what a server said, quoted. */
export function formatDetails(details: AppErrorDetails, options: FormatErrorOptions = {}): string {
  const vars: TranslateVars = {};
  for (const [name, value] of Object.entries(details)) {
    if (typeof value === 'string' || typeof value === 'number') vars[name] = translatedParam(name, value);
  }
  const parts = [t((options.oneOff ? ONE_OFF_KEYS[details.kind] : undefined) ?? `error.${details.kind}`, vars)];
  if ('serverSaid' in details && details.serverSaid) parts.push(t('error.serverSaid', { text: details.serverSaid }));
  if ('pageTitle' in details && details.pageTitle) parts.push(t('error.pageTitle', { text: details.pageTitle }));
  return parts.join(' ');
}

/** Workflow words in the user's language; everything else (names, places, numbers) as it is. */
function translatedParam(name: string, value: string | number): string | number {
  if (typeof value !== 'string') return value;
  if (name === 'action' && isAction(value)) return t(ACTION_KEYS[value]).replace(/…$/, '');
  if ((name === 'status' || name === 'expected' || name === 'actual') && isStatus(value)) return t(STATUS_KEYS[value]);
  // Addresses and hosts as a person reads them: 成都日报.中国/蓄水, not xn--…/%E8%93%84….
  if (ADDRESS_PARAMS.has(name)) return readableUrl(value);
  return value;
}

const ADDRESS_PARAMS = new Set(['host', 'site', 'url']);

const ACTION_KEYS: Record<WorkflowAction, MessageKey> = {
  submit: 'review.action.submit',
  'request-changes': 'review.action.request-changes',
  approve: 'review.action.approve',
  schedule: 'review.action.schedule',
  publish: 'review.action.publish',
  spike: 'review.action.spike',
  correct: 'review.action.correct',
  reopen: 'review.action.reopen',
};

const STATUS_KEYS: Record<ArticleStatus, MessageKey> = {
  draft: 'article.status.draft',
  submitted: 'article.status.submitted',
  changes_requested: 'article.status.changes_requested',
  approved: 'article.status.approved',
  scheduled: 'article.status.scheduled',
  published: 'article.status.published',
  spiked: 'article.status.spiked',
  corrected: 'article.status.corrected',
};

function isAction(value: string): value is WorkflowAction {
  return (WORKFLOW_ACTIONS as readonly string[]).includes(value);
}

function isStatus(value: string): value is ArticleStatus {
  return (ARTICLE_STATUSES as readonly string[]).includes(value);
}
