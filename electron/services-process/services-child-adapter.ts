// Runs in: main and host (plain Node, no electron import). What both ways of starting the services
// process share: a ServicesChild over a started process that says once how it ended. Electron's
// utilityProcess (main/utility-services-child.ts) and Node's fork (fork-services-child.ts) only say
// how to post, listen, kill and learn of the exit.
import type { ServicesChild } from './services-child';

export interface StartedProcess {
  /** Posts a message; called only before the exit was announced. */
  post(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): void;
  off(event: 'message', listener: (message: unknown) => void): void;
  readonly pid: number | undefined;
  /** Ends the process at once; called only before the exit was announced. */
  kill(): void;
}

/** `watchExit` calls its argument when the process is gone (more than once is harmless). */
export function adaptServicesChild(process: StartedProcess, watchExit: (announce: (description: string) => void) => void): ServicesChild {
  let exited = false;
  const exitListeners: ((description: string) => void)[] = [];
  watchExit((description) => {
    if (exited) return;
    exited = true;
    for (const listener of exitListeners) listener(description);
  });
  return {
    endpoint: {
      // A message to a process that just died is dropped: its exit fails the waiting call.
      send: (message) => {
        if (!exited) process.post(message);
      },
      onMessage: (listener) => {
        process.on('message', listener);
        return () => process.off('message', listener);
      },
    },
    get pid() {
      return process.pid;
    },
    onExit: (listener) => {
      exitListeners.push(listener);
    },
    kill: () => {
      if (!exited) process.kill();
    },
  };
}
