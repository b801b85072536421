// Runs in: test processes. A tiny detached watchdog: if the test process dies without stopping
// its WordPress (a crash, a killed worker), it kills the servers' process groups and removes the
// temp folder, so nothing keeps serving or filling the disk on the shared machine.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { killGroupNow } from './process-group';

export interface OrphanReaper {
  /** Records the process groups to kill (rewritten whenever a server is (re)started). */
  watchGroups(pgids: number[]): void;
  /** The test process stops things itself: end the watchdog. */
  dismiss(): void;
}

export function startOrphanReaper(tempRoot: string): OrphanReaper {
  const groupsFile = join(tempRoot, 'process-groups');
  writeFileSync(groupsFile, '');
  const script = `
while kill -0 ${process.pid} 2>/dev/null; do sleep 2; done
for g in $(cat '${groupsFile}' 2>/dev/null); do kill -9 -$g 2>/dev/null; done
sleep 1
rm -rf '${tempRoot}'
`;
  const watchdog = spawn('/bin/sh', ['-c', script], { detached: true, stdio: 'ignore' });
  watchdog.unref();
  let groups: number[] = [];
  // Also on a normal exit of the test process that skipped stop() (an uncaught error in a hook).
  const onExit = () => groups.forEach(killGroupNow);
  process.once('exit', onExit);
  return {
    watchGroups(pgids) {
      groups = pgids;
      writeFileSync(groupsFile, pgids.join('\n'));
    },
    dismiss() {
      process.removeListener('exit', onExit);
      if (watchdog.pid !== undefined) killGroupNow(watchdog.pid);
    },
  };
}
