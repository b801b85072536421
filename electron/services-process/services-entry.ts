// Runs in: the services process (plain Node, no electron import): Electron's utilityProcess in the
// desktop app, a Node child_process.fork under the loopback host. Opens the services when the
// parent says so and answers contract operations over the parent channel; a crash here costs
// the app a restart of this process, never main's window or the loopback host.
import { AppError, isAppError } from '../../common/app-error';
import type { Envelope } from '../../common/contract';
import { createRpcClient } from '../../common/rpc/rpc-client';
import type { RpcEndpoint } from '../../common/rpc/rpc-message';
import { sendRpcEvent } from '../../common/rpc/rpc-events';
import { serveRpc } from '../../common/rpc/rpc-server';
import { dispatchOperation } from '../transport/dispatch-operation';
import { createServices, type Services } from '../services/create-services';
import { createEventBus } from '../services/events/event-bus';
import { createParentLogger } from './parent-logger';
import { createSecretStoreProxy } from './secret-store-proxy';
import { controlMessageOf, servicesStartOptionsSchema, type ServicesControlMessage, type ServicesStartOptions } from './services-process-protocol';

/** Electron's process.parentPort, as far as this file uses it. */
interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  off(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function parentEndpoint(): RpcEndpoint {
  const parentPort = (process as { parentPort?: ParentPortLike }).parentPort;
  if (parentPort !== undefined) {
    return {
      send: (message) => parentPort.postMessage(message),
      onMessage: (listener) => {
        const handle = (event: { data: unknown }): void => listener(event.data);
        parentPort.on('message', handle);
        return () => parentPort.off('message', handle);
      },
    };
  }
  const send = process.send?.bind(process);
  if (send === undefined) throw new Error('The services process must be started by Dateline (Electron main or the loopback host).');
  return {
    send: (message) => {
      send(message as object);
    },
    onMessage: (listener) => {
      process.on('message', listener);
      return () => process.off('message', listener);
    },
  };
}

const NOT_READY: Envelope<never> = { ok: false, error: { code: 'services-restarting', message: 'The services are still starting; try again in a moment.', details: { kind: 'services-restarting' } } };

function failureOf(error: unknown): Extract<ServicesControlMessage, { kind: 'services-failed' }>['error'] {
  if (isAppError(error)) return { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error), details: { kind: 'unexpected' } };
}

function main(): void {
  const parent = parentEndpoint();
  const secrets = createRpcClient(parent);
  const logger = createParentLogger((message) => parent.send(message));
  let services: Services | null = null;
  let opening: Promise<void> | null = null;
  // The services' events go to the parent (main or the host), which passes them to the window.
  const events = createEventBus((error) => logger.error('An event listener failed:', error));
  events.subscribe((event) => sendRpcEvent(parent, event));

  serveRpc(parent, (op, input) => (services === null ? Promise.resolve(NOT_READY) : dispatchOperation(services.handlers, op, input, (message, error) => logger.error(message, error))));

  const open = (options: ServicesStartOptions): Promise<void> =>
    createServices({
      dataDir: options.dataDir,
      transport: options.transport,
      version: options.version,
      systemLocale: options.systemLocale,
      ...(options.documentsDir === undefined ? {} : { documentsDir: options.documentsDir }),
      ...(options.reviewSyncMs === undefined ? {} : { reviewSyncMs: options.reviewSyncMs }),
      ...(options.secretsBackend === null ? {} : { secrets: createSecretStoreProxy((op, input) => secrets.call(op, input), options.secretsBackend) }),
      lockParentPid: process.ppid,
      logger,
      events,
    }).then(
      (opened) => {
        services = opened;
        parent.send({ kind: 'services-ready' } satisfies ServicesControlMessage);
      },
      (error: unknown) => {
        parent.send({ kind: 'services-failed', error: failureOf(error) } satisfies ServicesControlMessage);
      },
    );

  const close = async (): Promise<void> => {
    await opening?.catch(() => undefined);
    try {
      await services?.close();
    } catch (error) {
      logger.error('The services did not close cleanly:', error);
    }
    process.exit(0);
  };

  parent.onMessage((message) => {
    const control = controlMessageOf(message);
    if (control?.kind === 'services-start' && opening === null) {
      const options = servicesStartOptionsSchema.safeParse(control.options);
      opening = options.success ? open(options.data) : Promise.reject(new AppError('invalid-input', 'The services were started without valid options.', { kind: 'services-options' }));
      opening.catch((error: unknown) => parent.send({ kind: 'services-failed', error: failureOf(error) } satisfies ServicesControlMessage));
    } else if (control?.kind === 'services-close') {
      void close();
    }
  });

  // Under Node, a parent that dies (even by SIGKILL) closes the channel: an orphan must not keep
  // the library locked, and every write it may have begun is atomic, so it stops at once.
  process.on('disconnect', () => process.exit(0));
  // Ctrl+C reaches the whole process group: the parent closes this process cleanly instead.
  if (process.send !== undefined) process.on('SIGINT', () => undefined);
}

main();
