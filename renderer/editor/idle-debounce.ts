// Runs in: renderer. Runs a task once input has been quiet for a while, then when the browser is idle;
// with a longest wait, also every so often while input goes on (a count that never moves while a
// reporter types looks broken).
export interface IdleDebounce {
  schedule(): void;
  cancel(): void;
}

const IDLE_TIMEOUT_MS = 1000;

export function createIdleDebounce(task: () => void, delayMs: number, maxWaitMs?: number): IdleDebounce {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let maxTimer: ReturnType<typeof setTimeout> | null = null;
  let idleHandle: number | null = null;

  const cancelIdle = () => {
    if (idleHandle !== null && typeof cancelIdleCallback === 'function') cancelIdleCallback(idleHandle);
    idleHandle = null;
  };
  const runWhenIdle = () => {
    if (idleHandle !== null) return;
    if (typeof requestIdleCallback === 'function') {
      idleHandle = requestIdleCallback(
        () => {
          idleHandle = null;
          task();
        },
        { timeout: IDLE_TIMEOUT_MS },
      );
    } else {
      task();
    }
  };

  return {
    schedule() {
      if (timer !== null) clearTimeout(timer);
      // Without a longest wait a run still waiting for idle time is dropped: the quiet one comes later.
      if (maxWaitMs === undefined) cancelIdle();
      timer = setTimeout(() => {
        timer = null;
        if (maxTimer !== null) clearTimeout(maxTimer);
        maxTimer = null;
        runWhenIdle();
      }, delayMs);
      if (maxWaitMs !== undefined && maxTimer === null) {
        maxTimer = setTimeout(() => {
          maxTimer = null;
          runWhenIdle();
        }, maxWaitMs);
      }
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      if (maxTimer !== null) clearTimeout(maxTimer);
      timer = null;
      maxTimer = null;
      cancelIdle();
    },
  };
}
