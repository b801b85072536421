// Runs in: tests (node). Counts the file-system requests (promise or callback) this thread sends to
// libuv's thread pool while `run` runs: what a scan costs the services' event loop in trips.
import { createHook } from 'node:async_hooks';

export async function fsRequestsDuring(run: () => Promise<void>): Promise<number> {
  let count = 0;
  const hook = createHook({
    init(_id, type) {
      if (type === 'FSREQPROMISE' || type === 'FSREQCALLBACK') count++;
    },
  });
  hook.enable();
  try {
    await run();
  } finally {
    hook.disable();
  }
  return count;
}
