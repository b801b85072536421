// Runs in: services. Whether a review hub failed only because it cannot be reached right now
// (offline, share not mounted, site down), so the work waits and is sent later. For a remote hub
// the one failure table decides (publish/http/remote-failure-table.ts), as it does for the outbox;
// a folder hub says so itself (`details.unreachable`).
import { isAppError } from '../../../common/app-error';
import { isRetryableRemoteError } from '../publish/http/classify-http-failure';

export function isHubUnreachable(error: unknown): boolean {
  if (!isAppError(error)) return false;
  if (isRetryableRemoteError(error)) return true;
  return (error.details as { unreachable?: unknown } | undefined)?.unreachable === true;
}
