// Runs in: renderer. Ends the current task so keys the user typed meanwhile are handled first; the
// rest of the work goes on in a task of its own. scheduler.yield() where Chromium has it.
interface YieldingScheduler {
  yield(): Promise<void>;
}

export function yieldToInput(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
