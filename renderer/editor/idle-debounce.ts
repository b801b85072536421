// Runs in: renderer. Runs a task once input has been quiet for a while, then when the browser is idle.
export interface IdleDebounce {
  schedule(): void;
  cancel(): void;
}

const IDLE_TIMEOUT_MS = 1000;

export function createIdleDebounce(task: () => void, delayMs: number): IdleDebounce {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let idleHandle: number | null = null;

  const cancelIdle = () => {
    if (idleHandle !== null && typeof cancelIdleCallback === 'function') cancelIdleCallback(idleHandle);
    idleHandle = null;
  };

  return {
    schedule() {
      if (timer !== null) clearTimeout(timer);
      cancelIdle();
      timer = setTimeout(() => {
        timer = null;
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
      }, delayMs);
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      cancelIdle();
    },
  };
}
