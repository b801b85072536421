// Runs in: test processes. Resolves when a started server prints a line matching `pattern` (its
// "ready" line), rejects when it exits first or the time runs out.
import type { GroupProcess } from '../../integration/support/process-group';

export function waitForOutput(server: GroupProcess, pattern: RegExp, timeoutMs: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-16_000);
      if (pattern.test(seen)) finish(null);
    };
    const timer = setTimeout(() => finish(new Error(`${what} was not ready within ${timeoutMs / 1000} s:\n${server.output()}`)), timeoutMs);
    let done = false;
    const finish = (error: Error | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      server.child.stdout?.off('data', onData);
      server.child.stderr?.off('data', onData);
      if (error) reject(error);
      else resolve();
    };
    server.child.stdout?.on('data', onData);
    server.child.stderr?.on('data', onData);
    void server.exited.then((how) => finish(new Error(`${what} exited (${how}) before it was ready:\n${server.output()}`)));
    if (pattern.test(server.output())) finish(null);
  });
}
