// Runs in: main (Electron). Starts the services entry in an Electron utilityProcess: a plain Node
// process under Chromium's process model, which dies with the app. Type-checked only here (no
// Electron runtime on the build machines); the same entry runs under Node in the restart test.
import { utilityProcess } from 'electron';
import type { ServicesChild } from '../services-process/services-child';
import { adaptServicesChild } from '../services-process/services-child-adapter';

export function forkUtilityServices(modulePath: string): ServicesChild {
  const child = utilityProcess.fork(modulePath, [], { serviceName: 'Dateline services', stdio: 'inherit' });
  return adaptServicesChild(
    {
      post: (message) => child.postMessage(message),
      on: (event, listener) => child.on(event, listener),
      off: (event, listener) => child.off(event, listener),
      get pid() {
        return child.pid;
      },
      kill: () => child.kill(),
    },
    (announce) => child.once('exit', (code) => announce(`exited with code ${code}`)),
  );
}
