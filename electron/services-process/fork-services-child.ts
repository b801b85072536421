// Runs in: host (plain Node). Starts the services entry as a Node child process with an IPC
// channel; structured-clone serialisation keeps photo bytes (Uint8Array) intact.
import { fork } from 'node:child_process';
import type { ServicesChild } from './services-child';

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
  let exited = false;
  const exitListeners: ((description: string) => void)[] = [];
  const announceExit = (description: string): void => {
    if (exited) return;
    exited = true;
    for (const listener of exitListeners) listener(description);
  };
  child.once('exit', (code, signal) => announceExit(signal === null ? `exited with code ${code}` : `was killed by ${signal}`));
  child.once('error', (error) => {
    // A child that could not be started never emits exit.
    if (child.pid === undefined) announceExit(`could not be started: ${error.message}`);
  });
  return {
    endpoint: {
      // A message lost because the process just died needs no handling here: its exit fails the waiting call.
      send: (message) => {
        if (child.connected) child.send(message as object, () => undefined);
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
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
