// Runs in: renderer. A job's recorded error as the translated, specific message the error code calls for.
import type { JobError } from '../../../common/publish/publish-job';
import { ApiError } from '../../api/api-error';
import { formatError, type FormattedError } from '../../api/format-error';

export function formatJobError(error: JobError): FormattedError {
  return formatError(new ApiError(error.code, error.message, error.details));
}
