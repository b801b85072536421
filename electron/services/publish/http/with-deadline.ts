// Runs in: services. Runs one network exchange (request and body) under a deadline that holds even
// when fetch loses track of its abort signal. Node 20's fetch follows a caller's signal through a
// weak reference that garbage collection can cut (nodejs/node#55428, undici#4984): a request whose
// deadline fired could then hang for ever. Here the deadline also rejects the caller's promise
// itself, and every signal involved is held strongly until the exchange settles.

export interface Deadline {
  /** Aborted when the deadline passes or the parent signal aborts. */
  signal: AbortSignal;
  /** True once the deadline (not the parent) stopped the exchange. */
  timedOut(): boolean;
}

/** `run`'s result, or a rejection with the parent's reason / a TimeoutError once `ms` passed. */
export async function withDeadline<T>(ms: number, parent: AbortSignal | undefined, run: (deadline: Deadline) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`The operation timed out after ${ms} ms`, 'TimeoutError'));
  }, ms);
  const onParentAbort = () => controller.abort(parent?.reason);
  if (parent?.aborted) onParentAbort();
  else parent?.addEventListener('abort', onParentAbort, { once: true });
  let onAbort: (() => void) | null = null;
  const stopped = new Promise<never>((_, reject) => {
    onAbort = () => reject(controller.signal.reason);
    if (controller.signal.aborted) onAbort();
    else controller.signal.addEventListener('abort', onAbort, { once: true });
  });
  stopped.catch(() => undefined);
  try {
    return await Promise.race([run({ signal: controller.signal, timedOut: () => timedOut }), stopped]);
  } finally {
    clearTimeout(timer);
    parent?.removeEventListener('abort', onParentAbort);
    if (onAbort) controller.signal.removeEventListener('abort', onAbort);
  }
}
