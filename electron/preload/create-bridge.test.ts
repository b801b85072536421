// Runs in: vitest (Node). The page can call contract operations and hear menu commands, and nothing more.
import { describe, expect, it, vi } from 'vitest';
import { createBridge, type IpcPort } from './create-bridge';
import { EVENT_CHANNEL, INVOKE_CHANNEL, MENU_COMMAND_CHANNEL, MENU_LOCALE_CHANNEL, NOTIFY_CHANNEL, OPEN_ARTICLE_CHANNEL, OPEN_LINK_CHANNEL } from '../transport/ipc-channels';

function fakeIpc() {
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const port = {
    invoke: vi.fn(async () => ({ ok: true, value: 'pong' })),
    send: vi.fn(),
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => listeners.get(channel)?.delete(listener),
  } satisfies IpcPort;
  const emit = (channel: string, ...args: unknown[]) => listeners.get(channel)?.forEach((listener) => listener({ sender: 'secret' }, ...args));
  return { port, emit };
}

describe('preload bridge', () => {
  it('forwards contract operations and refuses anything else without touching IPC', async () => {
    const { port } = fakeIpc();
    const bridge = createBridge(port);
    expect(await bridge.invoke('app.info', {})).toEqual({ ok: true, value: 'pong' });
    expect(port.invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, 'app.info', {});
    expect(await bridge.invoke('__proto__', {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(port.invoke).toHaveBeenCalledTimes(1);
  });

  it('passes only known menu commands, without the IPC event, until unsubscribed', () => {
    const { port, emit } = fakeIpc();
    const listener = vi.fn();
    const unsubscribe = createBridge(port).onMenuCommand(listener);
    emit(MENU_COMMAND_CHANNEL, 'article.save');
    emit(MENU_COMMAND_CHANNEL, 'shell.exec');
    expect(listener.mock.calls).toEqual([['article.save']]);
    unsubscribe();
    emit(MENU_COMMAND_CHANNEL, 'article.new');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('sends only the two supported menu locales', () => {
    const { port } = fakeIpc();
    const bridge = createBridge(port);
    bridge.setMenuLocale('zh-CN');
    bridge.setMenuLocale('fr' as 'en');
    expect(port.send.mock.calls).toEqual([[MENU_LOCALE_CHANNEL, 'zh-CN']]);
  });

  it('answers the close-time flush with a plain boolean on its own channel', () => {
    const { port } = fakeIpc();
    const bridge = createBridge(port);
    bridge.reportFlushed(true);
    bridge.reportFlushed('yes' as unknown as boolean);
    expect(port.send).toHaveBeenNthCalledWith(1, 'dateline:flushed', true);
    expect(port.send).toHaveBeenNthCalledWith(2, 'dateline:flushed', false);
  });

  it('passes on only events that match their schema, without the IPC event, until unsubscribed', () => {
    const { port, emit } = fakeIpc();
    const listener = vi.fn();
    const unsubscribe = createBridge(port).onEvent(listener);
    emit(EVENT_CHANNEL, { name: 'review.queueChanged', payload: { waiting: 4 } });
    emit(EVENT_CHANNEL, { name: 'review.queueChanged', payload: { waiting: 'all' } });
    emit(EVENT_CHANNEL, { name: 'shell.exec', payload: {} });
    expect(listener.mock.calls).toEqual([[{ name: 'review.queueChanged', payload: { waiting: 4 } }]]);
    unsubscribe();
    emit(EVENT_CHANNEL, { name: 'settings.changed', payload: {} });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('passes on only deep links of our two shapes, parsed, until unsubscribed', () => {
    const { port, emit } = fakeIpc();
    const listener = vi.fn();
    const unsubscribe = createBridge(port).onOpenLink(listener);
    emit(OPEN_LINK_CHANNEL, 'dateline://article/abc123def456');
    emit(OPEN_LINK_CHANNEL, 'dateline://article/../../etc');
    emit(OPEN_LINK_CHANNEL, { kind: 'article', articleId: 'abc123def456' });
    expect(listener.mock.calls).toEqual([[{ kind: 'article', articleId: 'abc123def456' }]]);
    unsubscribe();
    emit(OPEN_LINK_CHANNEL, 'dateline://review/folder/abc123def456');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('sends the open article and notifications only when they are well formed', () => {
    const { port } = fakeIpc();
    const bridge = createBridge(port);
    bridge.reportOpenArticle({ id: 'abc123def456', title: 'Flood' });
    bridge.reportOpenArticle({ id: '../x', title: 'Flood' });
    bridge.reportOpenArticle(null);
    bridge.notify({ title: 'Published', body: 'Flood', link: 'dateline://article/abc123def456' });
    bridge.notify({ title: 'Published', body: 'Flood', link: 'https://evil.example/' });
    expect(port.send.mock.calls).toEqual([
      [OPEN_ARTICLE_CHANNEL, { id: 'abc123def456', title: 'Flood' }],
      [OPEN_ARTICLE_CHANNEL, null],
      [NOTIFY_CHANNEL, { title: 'Published', body: 'Flood', link: 'dateline://article/abc123def456' }],
    ]);
  });

  it('exposes exactly nine functions', () => {
    expect(Object.keys(createBridge(fakeIpc().port)).sort()).toEqual([
      'invoke',
      'notify',
      'onEvent',
      'onMenuCommand',
      'onOpenLink',
      'printProof',
      'reportFlushed',
      'reportOpenArticle',
      'setMenuLocale',
    ]);
  });
});
