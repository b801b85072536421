// Runs in: renderer. The message a reporter sees when one photo is refused, naming the file.
import { MAX_MEDIA_BYTES } from '../../common/contract';
import { formatError } from '../api/format-error';
import { t } from '../i18n/i18n-store';

function errorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  return typeof error.code === 'string' ? error.code : null;
}

/** What went wrong, in the user's language (the error's English message is for the log). */
function errorText(error: unknown): string {
  const { message, detail } = formatError(error);
  return detail ? `${message} ${detail}` : message;
}

export function photoErrorMessage(fileName: string, error: unknown): string {
  const name = fileName || '?';
  switch (errorCode(error)) {
    case 'media-not-image':
      return t('editor.photos.not-image', { name });
    case 'media-too-large':
      return t('editor.photos.too-large', { name, max: Math.round(MAX_MEDIA_BYTES / (1024 * 1024)) });
    case 'media-corrupt':
      return t('editor.photos.corrupt', { name });
    default:
      return t('editor.photos.failed', { name, message: errorText(error) });
  }
}
