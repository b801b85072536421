// Runs in: main (Electron). Starts the services entry in an Electron utilityProcess: a plain Node
// process under Chromium's process model, which dies with the app. Type-checked only here (no
// Electron runtime on the build machines); the same entry runs under Node in the restart test.
import { utilityProcess } from 'electron';
import type { ServicesChild } from '../services-process/services-child';

export function forkUtilityServices(modulePath: string): ServicesChild {
  const child = utilityProcess.fork(modulePath, [], { serviceName: 'Dateline services', stdio: 'inherit' });
  let exited = false;
  const exitListeners: ((description: string) => void)[] = [];
  child.once('exit', (code) => {
    exited = true;
    for (const listener of exitListeners) listener(`exited with code ${code}`);
  });
  return {
    endpoint: {
      // A message to a process that just died is dropped: its exit fails the waiting call.
      send: (message) => {
        if (!exited) child.postMessage(message);
      },
      onMessage: (listener) => {
        child.on('message', listener);
        return () => child.off('message', listener);
      },
    },
    get pid() {
      return child.pid;
    },
    onExit: (listener) => {
      exitListeners.push(listener);
    },
    kill: () => {
      if (!exited) child.kill();
    },
  };
}
