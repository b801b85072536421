// Runs in: host (plain Node). Starts the services entry as a Node child process with an IPC
// channel; structured-clone serialisation keeps photo bytes (Uint8Array) intact.
import { fork } from 'node:child_process';
import type { ServicesChild } from './services-child';
import { adaptServicesChild } from './services-child-adapter';

export interface ServicesEntry {
  /** The services entry: the built services.cjs, or services-entry.ts under tsx in development. */
  path: string;
  /** Extra Node flags (`--import tsx` for the TypeScript source). */
  execArgv: string[];
  cwd: string;
}

export function forkServicesChild(entry: ServicesEntry): ServicesChild {
  const child = fork(entry.path, [], {
    cwd: entry.cwd,
    execArgv: entry.execArgv,
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return adaptServicesChild(
    {
      post: (message) => {
        if (child.connected) child.send(message as object, () => undefined);
      },
      on: (event, listener) => child.on(event, listener),
      off: (event, listener) => child.off(event, listener),
      get pid() {
        return child.pid;
      },
      kill: () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      },
    },
    (announce) => {
      child.once('exit', (code, signal) => announce(signal === null ? `exited with code ${code}` : `was killed by ${signal}`));
      child.once('error', (error) => {
        // A child that could not be started never emits exit.
        if (child.pid === undefined) announce(`could not be started: ${error.message}`);
      });
    },
  );
}
