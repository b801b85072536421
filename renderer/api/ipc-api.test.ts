// Runs in: tests (node). The IPC client unwraps envelopes and turns failures into typed ApiErrors.
import { describe, expect, it } from 'vitest';
import type { DatelineBridge } from '../../common/bridge';
import type { Envelope } from '../../common/contract';
import { ApiError } from './api-error';
import { createIpcApi } from './ipc-api';

function fakeBridge(reply: (operation: string, input: unknown) => Promise<Envelope<unknown>>): DatelineBridge & { calls: [string, unknown][] } {
  const calls: [string, unknown][] = [];
  return {
    calls,
    invoke: (operation, input) => {
      calls.push([operation, input]);
      return reply(operation, input);
    },
    onMenuCommand: () => () => undefined,
    setMenuLocale: () => undefined,
    reportFlushed: () => undefined,
    onEvent: () => () => undefined,
    onOpenLink: () => () => undefined,
    reportOpenArticle: () => undefined,
    notify: () => undefined,
  };
}

describe('IPC API client', () => {
  it('reporter opens an article: the operation and input go to the bridge, the value comes back', async () => {
    const bridge = fakeBridge(async () => ({ ok: true, value: { id: 'abc1234567', headline: 'Flood' } }));
    const api = createIpcApi(bridge);
    const article = await api.call('articles.get', { id: 'abc1234567' });
    expect(article).toEqual({ id: 'abc1234567', headline: 'Flood' });
    expect(bridge.calls).toEqual([['articles.get', { id: 'abc1234567' }]]);
    expect(api.transport).toBe('ipc');
  });

  it('a full disk surfaces as ApiError disk-full with the service message and details', async () => {
    const details = { kind: 'disk-full' as const, path: '/library/article.json', errno: 'ENOSPC' };
    const bridge = fakeBridge(async () => ({ ok: false, error: { code: 'disk-full', message: 'ENOSPC writing article.json', details } }));
    const error = await createIpcApi(bridge)
      .call('articles.save', { article: {} as never })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'disk-full', message: 'ENOSPC writing article.json', details });
  });

  it('details that do not fit their code are dropped, not passed on untyped', async () => {
    const bridge = fakeBridge(async () => ({ ok: false, error: { code: 'conflict', message: 'x', details: { kind: 'disk-full', path: '/a' } } }));
    const error = await createIpcApi(bridge)
      .call('app.info', {})
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'conflict', details: undefined });
  });

  it('an unknown error code becomes internal rather than passing through untyped', async () => {
    const bridge = fakeBridge(async () => ({ ok: false, error: { code: 'weird' as never, message: 'boom' } }));
    await expect(createIpcApi(bridge).call('app.info', {})).rejects.toMatchObject({ code: 'internal', message: 'boom' });
  });

  it('a bridge that throws (main process gone) is an ApiError too', async () => {
    const bridge = fakeBridge(async () => {
      throw new Error('IPC channel closed');
    });
    await expect(createIpcApi(bridge).call('app.info', {})).rejects.toMatchObject({ code: 'internal' });
  });

  it('photos load from the app protocol', () => {
    const id = `${'a'.repeat(64)}.jpg`;
    expect(createIpcApi(fakeBridge(async () => ({ ok: true, value: null }))).mediaUrl(id)).toBe(`dateline://app/media/${id}`);
    expect(createIpcApi(fakeBridge(async () => ({ ok: true, value: null }))).thumbnailUrl(id)).toBe(`dateline://app/thumbnails/${id}`);
  });
});
