// Runs in: vitest (Node). Two ends of a real structured-clone channel call each other: values,
// bytes and AppErrors arrive as sent, and a channel that dies fails its calls with the given code.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../app-error';
import type { Envelope } from '../contract';
import { envelopeValue } from './envelope-value';
import { createRpcClient } from './rpc-client';
import { onRpcEvent, sendRpcEvent } from './rpc-events';
import type { RpcEndpoint } from './rpc-message';
import { serveRpc } from './rpc-server';

const open: MessagePort[] = [];

function endpointOf(port: MessagePort): RpcEndpoint {
  open.push(port);
  return {
    send: (message) => port.postMessage(message),
    onMessage: (listener) => {
      port.on('message', listener);
      return () => port.off('message', listener);
    },
  };
}

afterEach(() => {
  for (const port of open.splice(0)) port.close();
});

function pair() {
  const { port1, port2 } = new MessageChannel();
  return { near: endpointOf(port1), far: endpointOf(port2) };
}

async function fail(error: unknown): Promise<Envelope<unknown>> {
  if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } };
  throw error;
}

describe('rpc over a structured-clone channel', () => {
  it('round-trips values, bytes and nested data', async () => {
    const { near, far } = pair();
    serveRpc(far, async (op, input) => ({ ok: true, value: { op, input } }));
    const client = createRpcClient(near);
    const input = { article: { id: 'a1', body: { type: 'doc' } }, data: new Uint8Array([0, 1, 255]), 中文: '市议会' };
    const result = envelopeValue(await client.call('articles.save', input));
    expect(result).toEqual({ op: 'articles.save', input });
    expect((result as { input: { data: unknown } }).input.data).toBeInstanceOf(Uint8Array);
  });

  it('carries an AppError code, message and details across, and rethrows it as an AppError', async () => {
    const { near, far } = pair();
    serveRpc(far, () => fail(new AppError('conflict', 'Saved elsewhere', { storedRevision: 7 })));
    const envelope = await createRpcClient(near).call('articles.save', {});
    expect(envelope).toEqual({ ok: false, error: { code: 'conflict', message: 'Saved elsewhere', details: { storedRevision: 7 } } });
    let thrown: unknown;
    try {
      envelopeValue(envelope);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: 'conflict', message: 'Saved elsewhere', details: { storedRevision: 7 } });
  });

  it('answers concurrent calls by request id, whatever order they finish in', async () => {
    const { near, far } = pair();
    const release = new Map<string, () => void>();
    serveRpc(far, (op) => new Promise((resolve) => release.set(op, () => resolve({ ok: true, value: op }))));
    const client = createRpcClient(near);
    const first = client.call('first', null);
    const second = client.call('second', null);
    await expect.poll(() => release.size).toBe(2);
    release.get('second')?.();
    expect(await second).toEqual({ ok: true, value: 'second' });
    release.get('first')?.();
    expect(await first).toEqual({ ok: true, value: 'first' });
    expect(client.pending).toBe(0);
  });

  it('a handler that throws something unexpected becomes an internal failure, not a hang', async () => {
    const { near, far } = pair();
    serveRpc(far, async () => {
      throw new Error('boom');
    });
    expect(await createRpcClient(near).call('x', null)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('fails calls still waiting when the far side dies, with a retryable code', async () => {
    const { near } = pair();
    const client = createRpcClient(near);
    const waiting = client.call('articles.save', {});
    expect(client.pending).toBe(1);
    client.failPending('services-restarting', 'The services are restarting.');
    expect(await waiting).toEqual({ ok: false, error: { code: 'services-restarting', message: 'The services are restarting.' } });
  });

  it('ignores malformed requests and turns a malformed reply into an internal failure', async () => {
    const { near, far } = pair();
    const seen: string[] = [];
    serveRpc(far, async (op) => {
      seen.push(op);
      return { ok: true, value: null };
    });
    near.send({ kind: 'rpc-request', id: -1, op: 'bad', input: null });
    near.send({ kind: 'rpc-request', id: 1, op: '__proto__ rm -rf', input: null });
    near.send('nonsense');
    const client = createRpcClient(near);
    await client.call('good', null);
    expect(seen).toEqual(['good']);
    const liar = pair();
    liar.far.onMessage((message) => liar.far.send({ kind: 'rpc-response', id: (message as { id: number }).id, result: { ok: false, error: { code: 'rm -rf' } } }));
    expect(await createRpcClient(liar.near).call('x', null)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('rpc events beside requests', () => {
  it('carries well-formed events one way and drops unknown or malformed ones', async () => {
    const { near, far } = pair();
    const heard: unknown[] = [];
    onRpcEvent(near, (event) => heard.push(event));
    serveRpc(far, async () => ({ ok: true, value: 'answered' }));
    sendRpcEvent(far, { name: 'review.queueChanged', payload: { waiting: 3 } });
    far.send({ kind: 'rpc-event', event: { name: 'review.queueChanged', payload: { waiting: 'many' } } });
    far.send({ kind: 'rpc-event', event: { name: 'shell.exec', payload: {} } });
    sendRpcEvent(far, { name: 'library.changed', payload: { kind: 'saved', ids: ['0123456789ab'] } });
    // A request on the same channel is still answered, and the events are not mistaken for replies.
    expect(await createRpcClient(near).call('x', null)).toEqual({ ok: true, value: 'answered' });
    await expect.poll(() => heard.length).toBe(2);
    expect(heard).toEqual([
      { name: 'review.queueChanged', payload: { waiting: 3 } },
      { name: 'library.changed', payload: { kind: 'saved', ids: ['0123456789ab'] } },
    ]);
  });
});
