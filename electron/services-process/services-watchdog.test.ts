// Runs in: vitest (Node). The watchdog over fake services processes and a hand-driven clock:
// it restarts a dead child after a growing wait, fails calls as retryable meanwhile, stops after
// too many restarts in a short while, and closes without restarting.
import { describe, expect, it } from 'vitest';
import type { RpcEndpoint } from '../../common/rpc/rpc-message';
import { createRpcClient } from '../../common/rpc/rpc-client';
import { serveRpc } from '../../common/rpc/rpc-server';
import type { ServicesChild } from './services-child';
import { controlMessageOf } from './services-process-protocol';
import { ServicesWatchdog, type WatchdogEvent, type WatchdogTimers } from './services-watchdog';

/** Delivers messages on a microtask, as a real channel would deliver them later. */
function channel(): { parentSide: RpcEndpoint; childSide: RpcEndpoint; cut(): void } {
  const toParent = new Set<(message: unknown) => void>();
  const toChild = new Set<(message: unknown) => void>();
  let open = true;
  const side = (outbox: Set<(message: unknown) => void>, inbox: Set<(message: unknown) => void>): RpcEndpoint => ({
    send: (message) => {
      if (open) queueMicrotask(() => outbox.forEach((listener) => listener(structuredClone(message))));
    },
    onMessage: (listener) => {
      inbox.add(listener);
      return () => inbox.delete(listener);
    },
  });
  return { parentSide: side(toChild, toParent), childSide: side(toParent, toChild), cut: () => (open = false) };
}

interface FakeChild extends ServicesChild {
  die(description?: string): void;
  childSide: RpcEndpoint;
  closeRequested: boolean;
  killed: boolean;
}

/** A services process that answers "echo" and says ready (or fails) when started. */
function fakeChild(pid: number, behaviour: { fail?: boolean; silent?: boolean } = {}): FakeChild {
  const { parentSide, childSide, cut } = channel();
  const exitListeners: ((description: string) => void)[] = [];
  let alive = true;
  const child: FakeChild = {
    endpoint: parentSide,
    childSide,
    pid,
    closeRequested: false,
    killed: false,
    onExit: (listener) => void exitListeners.push(listener),
    kill: () => {
      child.killed = true;
      child.die('was killed by SIGKILL');
    },
    die: (description = 'was killed by SIGKILL') => {
      if (!alive) return;
      alive = false;
      cut();
      queueMicrotask(() => exitListeners.forEach((listener) => listener(description)));
    },
  };
  // "slow" is never answered: it is in flight whenever the child dies.
  serveRpc(childSide, (op, input) => (op === 'slow' ? new Promise(() => undefined) : Promise.resolve({ ok: true, value: { pid, input } })));
  childSide.onMessage((message) => {
    const control = controlMessageOf(message);
    if (control?.kind === 'services-start' && !behaviour.silent) {
      childSide.send(behaviour.fail ? { kind: 'services-failed', error: { code: 'conflict', message: 'The library is open elsewhere.' } } : { kind: 'services-ready' });
    }
    if (control?.kind === 'services-close') {
      child.closeRequested = true;
      child.die('exited with code 0');
    }
  });
  return child;
}

function manualTimers(): WatchdogTimers & { now(): number; advance(ms: number): void; pendingDelays(): number[] } {
  let clock = 0;
  let nextHandle = 1;
  const pending = new Map<number, { at: number; delay: number; fn: () => void }>();
  return {
    setTimeout: (fn, ms) => {
      const handle = nextHandle++;
      pending.set(handle, { at: clock + ms, delay: ms, fn });
      return handle;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
    now: () => clock,
    advance(ms) {
      clock += ms;
      for (const [handle, timer] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at > clock) continue;
        pending.delete(handle);
        timer.fn();
      }
    },
    pendingDelays: () => [...pending.values()].map((timer) => timer.delay),
  };
}

function setup(behaviours: { fail?: boolean; silent?: boolean }[] = [], options: { maxRestarts?: number } = {}) {
  const children: FakeChild[] = [];
  const timers = manualTimers();
  const watchdog = new ServicesWatchdog({
    spawn: () => {
      const child = fakeChild(100 + children.length, behaviours[children.length] ?? {});
      children.push(child);
      return child;
    },
    start: { dataDir: '/tmp/library', transport: 'http', version: '1', systemLocale: 'en', secretsBackend: null },
    timers,
    ...options,
  });
  const events: WatchdogEvent[] = [];
  watchdog.subscribe((event) => events.push(event));
  const next = (kind: WatchdogEvent['kind']) =>
    new Promise<WatchdogEvent>((resolve) => {
      const stop = watchdog.subscribe((event) => {
        if (event.kind === kind) {
          stop();
          resolve(event);
        }
      });
    });
  return { watchdog, children, timers, events, next };
}

describe('services watchdog', () => {
  it('starts the child, forwards calls to it and answers by request', async () => {
    const { watchdog, children } = setup();
    await watchdog.start();
    expect(watchdog.state).toBe('ready');
    expect(await watchdog.call('echo', { text: '市议会' })).toEqual({ ok: true, value: { pid: 100, input: { text: '市议会' } } });
    expect(children).toHaveLength(1);
  });

  it('a death fails the waiting call as retryable, refuses calls while restarting, and restarts after the backoff', async () => {
    const { watchdog, children, timers, next } = setup([{ silent: false }, { silent: true }]);
    await watchdog.start();
    const inFlight = watchdog.call('slow', null);
    const exited = next('restarting');
    children[0]?.die();
    expect(await inFlight).toEqual({ ok: false, error: { code: 'services-restarting', message: expect.stringContaining('restarted') } });
    await exited;
    expect(watchdog.state).toBe('restarting');
    expect(await watchdog.call('echo', 1)).toMatchObject({ ok: false, error: { code: 'services-restarting' } });
    expect(timers.pendingDelays()).toEqual([250]);
    timers.advance(249);
    expect(children).toHaveLength(1);
    timers.advance(1);
    expect(children).toHaveLength(2);
    // Started but not ready yet: still restarting.
    expect(await watchdog.call('echo', 1)).toMatchObject({ ok: false, error: { code: 'services-restarting' } });
    const ready = next('ready');
    children[1]?.childSide.send({ kind: 'services-ready' });
    expect(await ready).toEqual({ kind: 'ready', restarts: 1 });
    expect(await watchdog.call('echo', 2)).toEqual({ ok: true, value: { pid: 101, input: 2 } });
  });

  it('waits longer after each restart, and gives up after too many in a short while', async () => {
    const { watchdog, children, timers, next, events } = setup([], { maxRestarts: 3 });
    await watchdog.start();
    const delays: number[] = [];
    for (let round = 0; round < 3; round++) {
      const restarting = next('restarting');
      children.at(-1)?.die();
      const event = await restarting;
      if (event.kind === 'restarting') delays.push(event.delayMs);
      const ready = next('ready');
      timers.advance(timers.pendingDelays()[0] ?? 0);
      await ready;
    }
    expect(delays).toEqual([250, 500, 1000]);
    const gaveUp = next('gave-up');
    children.at(-1)?.die();
    await gaveUp;
    expect(watchdog.state).toBe('failed');
    expect(timers.pendingDelays()).toEqual([]);
    expect(await watchdog.call('echo', 1)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(events.filter((event) => event.kind === 'exited')).toHaveLength(4);
  });

  it('forgets restarts older than the window: a crash a day does not add up', async () => {
    const { watchdog, children, timers, next } = setup([], { maxRestarts: 2 });
    await watchdog.start();
    for (let round = 0; round < 4; round++) {
      const restarting = next('restarting');
      children.at(-1)?.die();
      expect(await restarting).toMatchObject({ delayMs: 250 });
      const ready = next('ready');
      timers.advance(250);
      await ready;
      timers.advance(60_000);
    }
    expect(watchdog.state).toBe('ready');
  });

  it('a restarted process that never opens the library is killed and restarted in turn', async () => {
    const { watchdog, children, timers, next } = setup([{}, { silent: true }]);
    await watchdog.start();
    const restarting = next('restarting');
    children[0]?.die();
    await restarting;
    timers.advance(250);
    expect(children).toHaveLength(2);
    const again = next('restarting');
    timers.advance(120_000);
    expect(children[1]?.killed).toBe(true);
    // The first restart is two minutes old by now, outside the window: the wait starts over.
    expect(await again).toMatchObject({ attempt: 2, delayMs: 250 });
    const ready = next('ready');
    timers.advance(250);
    await ready;
    expect(await watchdog.call('echo', 3)).toEqual({ ok: true, value: { pid: 102, input: 3 } });
  });

  it('a first start that fails (the library is locked) rejects with its error and is not retried', async () => {
    const { watchdog, children, timers } = setup([{ fail: true }]);
    await expect(watchdog.start()).rejects.toMatchObject({ code: 'conflict', message: 'The library is open elsewhere.' });
    await Promise.resolve();
    expect(children[0]?.killed).toBe(true);
    expect(timers.pendingDelays()).toEqual([]);
    expect(children).toHaveLength(1);
  });

  it('close asks the child to finish, waits for it and does not restart it', async () => {
    const { watchdog, children, timers } = setup();
    await watchdog.start();
    await watchdog.close();
    expect(children[0]?.closeRequested).toBe(true);
    expect(watchdog.state).toBe('closed');
    expect(timers.pendingDelays()).toEqual([]);
    expect(children).toHaveLength(1);
  });

  it('close kills a child that does not finish in time', async () => {
    const { watchdog, children, timers } = setup();
    await watchdog.start();
    const child = children[0] as FakeChild;
    // This child ignores the request to close.
    Object.assign(child, { endpoint: { send: () => undefined, onMessage: () => () => undefined } });
    const closed = watchdog.close();
    timers.advance(15_000);
    await closed;
    expect(child.killed).toBe(true);
  });

  it('writes the child’s log lines and its own restarts to the one logger, and drops malformed lines', async () => {
    const lines: string[] = [];
    const logger = {
      info: (message: string, detail?: unknown) => void lines.push(`info ${message} ${String(detail)}`),
      warn: (message: string, detail?: unknown) => void lines.push(`warn ${message} ${String(detail)}`),
      error: (message: string, detail?: unknown) => void lines.push(`error ${message} ${String(detail)}`),
    };
    const children: FakeChild[] = [];
    const watchdog = new ServicesWatchdog({
      spawn: () => {
        const child = fakeChild(300 + children.length);
        children.push(child);
        return child;
      },
      start: { dataDir: '/tmp/library', transport: 'http', version: '1', systemLocale: 'en', secretsBackend: null },
      logger,
      timers: manualTimers(),
    });
    await watchdog.start();
    const child = children[0] as FakeChild;
    child.childSide.send({ kind: 'services-log', level: 'warn', message: '[targets] targets.json could not be read', detail: 'SyntaxError: …' });
    child.childSide.send({ kind: 'services-log', level: 'exec', message: 'rm -rf' });
    child.childSide.send({ kind: 'services-log', level: 'error', message: 'x'.repeat(20_000) });
    const restarting = new Promise<void>((resolve) => watchdog.subscribe((event) => event.kind === 'restarting' && resolve()));
    child.die();
    await restarting;
    expect(lines[0]).toBe('warn [targets] targets.json could not be read SyntaxError: …');
    expect(lines[1]?.length).toBeLessThan(16_100);
    expect(lines.slice(2)).toEqual(['error [services] the services process was killed by SIGKILL. undefined', 'warn [services] restarting it in 250 ms (restart 1). undefined']);
  });

  it('answers the child’s own requests with the parent dispatch (Electron main: secrets)', async () => {
    const children: FakeChild[] = [];
    const watchdog = new ServicesWatchdog({
      spawn: () => {
        const child = fakeChild(200);
        children.push(child);
        return child;
      },
      start: { dataDir: '/tmp/library', transport: 'ipc', version: '1', systemLocale: 'en', secretsBackend: 'gnome_libsecret' },
      parentDispatch: async (op, input) => ({ ok: true, value: { op, input } }),
      timers: manualTimers(),
    });
    await watchdog.start();
    const fromChild = createRpcClient((children[0] as FakeChild).childSide);
    expect(await fromChild.call('secrets.get', { key: 'wp:1' })).toEqual({ ok: true, value: { op: 'secrets.get', input: { key: 'wp:1' } } });
  });

  it('passes the services’ events on, drops a dead child’s, and asks for a resync after a restart', async () => {
    const { watchdog, children, timers, next } = setup();
    const heard: unknown[] = [];
    watchdog.onServicesEvent((event) => heard.push(event));
    await watchdog.start();
    const first = children[0] as FakeChild;
    first.childSide.send({ kind: 'rpc-event', event: { name: 'review.queueChanged', payload: { waiting: 1 } } });
    first.childSide.send({ kind: 'rpc-event', event: { name: 'review.queueChanged', payload: { waiting: 'x' } } });
    await expect.poll(() => heard.length).toBe(1);
    const restarting = next('restarting');
    first.die();
    await restarting;
    const ready = next('ready');
    timers.advance(250);
    await ready;
    expect(heard).toEqual([
      { name: 'review.queueChanged', payload: { waiting: 1 } },
      { name: 'app.resync', payload: {} },
    ]);
    (children[1] as FakeChild).childSide.send({ kind: 'rpc-event', event: { name: 'settings.changed', payload: {} } });
    await expect.poll(() => heard.length).toBe(3);
    expect(heard[2]).toEqual({ name: 'settings.changed', payload: {} });
  });
});
