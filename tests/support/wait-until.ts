// Runs in: test processes and the server benchmark. Waits for a condition that no event announces
// (a row in another process's database): checks it on a timer until it holds or time runs out.
export function waitUntil(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000, everyMs = 50): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      Promise.resolve(condition())
        .then((ok) => {
          busy = false;
          if (ok) {
            clearInterval(timer);
            resolve();
          } else if (Date.now() - started > timeoutMs) {
            clearInterval(timer);
            reject(new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`));
          }
        })
        .catch((error: unknown) => {
          clearInterval(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    }, everyMs);
  });
}
