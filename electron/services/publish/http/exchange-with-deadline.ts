// Runs in: services. One HTTP exchange with a publishing backend under a deadline, and what its
// failure means, the same for every client: the caller's own cancellation passes through as it
// came, the deadline becomes the failure table's timeout row, anything else is classified as a
// network failure (an AppError thrown by the exchange itself passes through the classifier).
import { classifyNetworkError } from './classify-http-failure';
import { remoteFailure } from './remote-failure-table';
import { withDeadline } from './with-deadline';

export interface ExchangeContext {
  url: string;
  /** Names the backend in messages, e.g. "The WordPress site news.example.com". */
  targetLabel: string;
  timeoutMs: number;
  /** The caller's cancellation. */
  signal?: AbortSignal | undefined;
  /** What the timeout's log message says comes next, e.g. "Dateline will try again". */
  afterTimeout: string;
}

/** `run`'s result; `run` gets the signal to hand to fetch (aborted by the deadline or the caller). */
export async function exchangeWithDeadline<T>(context: ExchangeContext, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const { url, targetLabel, timeoutMs, signal } = context;
  let timedOut = () => false;
  try {
    return await withDeadline(timeoutMs, signal, (deadline) => {
      timedOut = deadline.timedOut;
      return run(deadline.signal);
    });
  } catch (error) {
    if (signal?.aborted) throw signal.reason ?? error;
    if (timedOut()) throw remoteFailure('timeout', `${targetLabel} did not answer within ${Math.round(timeoutMs / 1000)} s (${url}); ${context.afterTimeout}`, { url, timeoutMs });
    throw classifyNetworkError(error, { url, targetLabel });
  }
}
