// Runs in: main and host (plain Node, no electron import). Supervises the services process: starts
// it, forwards calls to it, and restarts it when it dies, with backoff and a bound on how often.
// Calls waiting when it dies, and calls made while it restarts, fail with `services-restarting`:
// the caller (the renderer's autosave) keeps its data and tries again.
import { APP_ERROR_CODES, AppError, relayedDetails } from '../../common/app-error';
import type { Envelope } from '../../common/contract';
import { datelineEvent, type DatelineEvent } from '../../common/contract-events';
import { createRpcClient, type RpcClient } from '../../common/rpc/rpc-client';
import { onRpcEvent } from '../../common/rpc/rpc-events';
import { serveRpc, type RpcDispatch } from '../../common/rpc/rpc-server';
import { controlMessageOf, type ServicesControlMessage, type ServicesStartOptions } from './services-process-protocol';
import { MAX_LOG_LINE_CHARS } from '../services/log/format-log-line';
import { consoleLogger, type Logger, type LogLevel } from '../services/log/logger';
import { describeWatchdogEvent } from './describe-watchdog-event';
import type { WatchdogEvent } from './watchdog-event';
import type { ServicesChild } from './services-child';

const LOG_LEVELS = new Set<LogLevel>(['info', 'warn', 'error']);

export type WatchdogState = 'starting' | 'ready' | 'restarting' | 'failed' | 'closing' | 'closed';

export type { WatchdogEvent } from './watchdog-event';

export interface WatchdogTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export interface WatchdogOptions {
  spawn(): ServicesChild;
  start: ServicesStartOptions;
  /** Where the services process's log lines and the watchdog's own go. @default consoleLogger */
  logger?: Logger;
  /** Answers the child's own requests (Electron main: secrets through safeStorage). */
  parentDispatch?: RpcDispatch;
  /** Restarts allowed within `restartWindowMs` before giving up. @default 5 */
  maxRestarts?: number;
  /** @default 60_000 */
  restartWindowMs?: number;
  /** Wait before the first restart; doubles with each restart in the window. @default 250 */
  firstBackoffMs?: number;
  /** @default 8_000 */
  maxBackoffMs?: number;
  /** A services process that has not opened the library this long after starting is killed (and restarted). @default 120_000 */
  readyTimeoutMs?: number;
  /** How long close() waits for the services to finish writing before killing them. @default 15_000 */
  closeTimeoutMs?: number;
  timers?: WatchdogTimers;
}

const defaultTimers: WatchdogTimers = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

const RESTARTING_MESSAGE = 'The services process stopped and is being restarted; try again in a moment.';
const RESTARTING: Envelope<never> = { ok: false, error: { code: 'services-restarting', message: RESTARTING_MESSAGE, details: { kind: 'services-restarting' } } };

interface Running {
  child: ServicesChild;
  client: RpcClient;
  stopServing: () => void;
  ready: boolean;
  readyTimer: unknown;
}

export class ServicesWatchdog {
  private stateValue: WatchdogState = 'starting';
  private current: Running | null = null;
  private restartTimes: number[] = [];
  private restartTimer: unknown = null;
  private restarts = 0;
  private readonly listeners = new Set<(event: WatchdogEvent) => void>();
  private readonly eventListeners = new Set<(event: DatelineEvent) => void>();
  private readonly timers: WatchdogTimers;
  private firstStart: { resolve(): void; reject(error: Error): void } | null = null;
  private closed: { resolve(): void; promise: Promise<void> } | null = null;

  constructor(private readonly options: WatchdogOptions) {
    this.timers = options.timers ?? defaultTimers;
  }

  get state(): WatchdogState {
    return this.stateValue;
  }

  /** The running services process id (tests use it to kill the process). */
  get pid(): number | undefined {
    return this.current?.child.pid;
  }

  /** Hears exits, restarts and give-ups; returns a function that stops listening. */
  subscribe(listener: (event: WatchdogEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Hears the services' events (checked against their schemas), and `app.resync` after each restart:
   * events sent while the services were down are lost, so listeners fetch what they show again.
   */
  onServicesEvent(listener: (event: DatelineEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Starts the services; rejects when the first start fails (a locked library), without restarting. */
  start(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.firstStart = { resolve, reject };
      this.launch();
    });
  }

  call(op: string, input: unknown): Promise<Envelope<unknown>> {
    const running = this.current;
    if (this.stateValue === 'ready' && running?.ready) return running.client.call(op, input);
    if (this.stateValue === 'starting' || this.stateValue === 'restarting') return Promise.resolve(RESTARTING);
    const message = this.stateValue === 'failed' ? 'The services process keeps stopping and was not restarted again; restart Dateline.' : 'Dateline is closing.';
    return Promise.resolve({ ok: false, error: { code: 'internal', message, details: { kind: this.stateValue === 'failed' ? 'services-stopped' : 'closing' } } });
  }

  /** Asks the services to finish their writes and exit; kills them if they take too long. No restart follows. */
  close(): Promise<void> {
    if (this.closed) return this.closed.promise;
    if (this.restartTimer !== null) this.timers.clearTimeout(this.restartTimer);
    this.restartTimer = null;
    let resolve = (): void => undefined;
    const promise = new Promise<void>((done) => (resolve = done));
    this.closed = { resolve, promise };
    const running = this.current;
    if (running === null) {
      this.setState('closed');
      resolve();
      return promise;
    }
    this.setState('closing');
    const killTimer = this.timers.setTimeout(() => running.child.kill(), this.options.closeTimeoutMs ?? 15_000);
    void promise.then(() => this.timers.clearTimeout(killTimer));
    try {
      running.child.endpoint.send({ kind: 'services-close' } satisfies ServicesControlMessage);
    } catch {
      running.child.kill();
    }
    return promise;
  }

  private launch(): void {
    const child = this.options.spawn();
    const client = createRpcClient(child.endpoint);
    const stopServing = this.options.parentDispatch ? serveRpc(child.endpoint, this.options.parentDispatch) : () => undefined;
    // A process that hangs while opening the library counts as dead: it is killed and restarted.
    const readyTimer = this.timers.setTimeout(() => child.kill(), this.options.readyTimeoutMs ?? 120_000);
    const running: Running = { child, client, stopServing, ready: false, readyTimer };
    this.current = running;
    child.endpoint.onMessage((message) => this.handleControl(running, message));
    onRpcEvent(child.endpoint, (event) => {
      if (running === this.current) this.emitServicesEvent(event);
    });
    child.onExit((description) => this.handleExit(running, description));
    try {
      child.endpoint.send({ kind: 'services-start', options: this.options.start } satisfies ServicesControlMessage);
    } catch {
      // It died at birth; its exit handles the rest.
    }
  }

  private handleControl(running: Running, message: unknown): void {
    const control = controlMessageOf(message);
    if (control === null || running !== this.current) return;
    if (control.kind === 'services-log') {
      this.writeLog(control);
    } else if (control.kind === 'services-ready' && !running.ready) {
      running.ready = true;
      this.timers.clearTimeout(running.readyTimer);
      if (this.stateValue === 'starting' || this.stateValue === 'restarting') this.setState('ready');
      this.emit({ kind: 'ready', restarts: this.restarts });
      if (this.restarts > 0) this.emitServicesEvent(datelineEvent('app.resync', {}));
      this.firstStart?.resolve();
      this.firstStart = null;
    } else if (control.kind === 'services-failed') {
      const error = control.error;
      if (this.firstStart) {
        const code = (APP_ERROR_CODES as readonly unknown[]).includes(error?.code) ? error.code : 'internal';
        this.firstStart.reject(new AppError(code, typeof error?.message === 'string' ? error.message : 'The services could not start.', relayedDetails(error?.details)));
        this.firstStart = null;
        this.stateValue = 'closing';
      }
      running.child.kill();
    }
  }

  private handleExit(running: Running, description: string): void {
    if (running !== this.current) return;
    this.current = null;
    this.timers.clearTimeout(running.readyTimer);
    running.stopServing();
    running.client.dispose('services-restarting', RESTARTING_MESSAGE);
    this.emit({ kind: 'exited', description });
    if (this.closed) {
      this.setState('closed');
      this.closed.resolve();
      return;
    }
    if (this.firstStart) {
      this.firstStart.reject(new Error(`The services process ${description} before it was ready.`));
      this.firstStart = null;
      this.setState('closed');
      return;
    }
    if (this.stateValue === 'closing') {
      this.setState('closed');
      return;
    }
    this.scheduleRestart();
  }

  private scheduleRestart(): void {
    const now = this.timers.now();
    const windowMs = this.options.restartWindowMs ?? 60_000;
    this.restartTimes = this.restartTimes.filter((at) => now - at < windowMs);
    if (this.restartTimes.length >= (this.options.maxRestarts ?? 5)) {
      this.setState('failed');
      this.emit({ kind: 'gave-up', restarts: this.restarts });
      return;
    }
    const delayMs = Math.min((this.options.firstBackoffMs ?? 250) * 2 ** this.restartTimes.length, this.options.maxBackoffMs ?? 8_000);
    this.restartTimes.push(now);
    this.restarts += 1;
    this.setState('restarting');
    this.emit({ kind: 'restarting', attempt: this.restarts, delayMs });
    this.restartTimer = this.timers.setTimeout(() => {
      this.restartTimer = null;
      if (this.stateValue !== 'restarting') return;
      // The new child counts as restarting until it says it is ready.
      this.launch();
    }, delayMs);
  }

  /** A log line from the child is checked before it reaches the log file. */
  private writeLog(line: Extract<ServicesControlMessage, { kind: 'services-log' }>): void {
    const logger = this.options.logger ?? consoleLogger;
    if (!LOG_LEVELS.has(line.level) || typeof line.message !== 'string') return;
    const message = line.message.slice(0, MAX_LOG_LINE_CHARS);
    if (typeof line.detail === 'string') logger[line.level](message, line.detail.slice(0, MAX_LOG_LINE_CHARS));
    else logger[line.level](message);
  }

  private setState(state: WatchdogState): void {
    this.stateValue = state;
  }

  private emitServicesEvent(event: DatelineEvent): void {
    for (const listener of [...this.eventListeners]) {
      try {
        listener(event);
      } catch (error) {
        (this.options.logger ?? consoleLogger).error('A services event listener failed:', error);
      }
    }
  }

  private emit(event: WatchdogEvent): void {
    const line = this.stateValue === 'closing' || this.stateValue === 'closed' ? null : describeWatchdogEvent(event);
    if (line !== null) (this.options.logger ?? consoleLogger)[event.kind === 'restarting' ? 'warn' : 'error'](line);
    for (const listener of [...this.listeners]) listener(event);
  }
}
