// Runs in: a worker thread of the services (node:worker_threads), started by hub-package-reader.ts.
// Reads and validates untrusted review packages away from the services' event loop, one at a time.
import { parentPort } from 'node:worker_threads';
import { runHubPackageTask, type HubPackageResult, type HubPackageTask } from './hub-package-task';

export interface HubPackageRequest {
  id: number;
  task: HubPackageTask;
}

export interface HubPackageReply {
  id: number;
  result: HubPackageResult;
}

const port = parentPort;
if (port) {
  port.on('message', (request: HubPackageRequest) => {
    void runHubPackageTask(request.task)
      .catch((error: unknown): HubPackageResult => ({ kind: 'unreadable', reason: `it could not be checked (${error instanceof Error ? error.message : String(error)})` }))
      .then((result) => port.postMessage({ id: request.id, result } satisfies HubPackageReply));
  });
}
