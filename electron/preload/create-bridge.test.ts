// Runs in: vitest (Node). The page can call contract operations and hear menu commands, and nothing more.
import { describe, expect, it, vi } from 'vitest';
import { createBridge, type IpcPort } from './create-bridge';
import { EVENT_CHANNEL, INVOKE_CHANNEL, MENU_COMMAND_CHANNEL, MENU_LOCALE_CHANNEL } from './ipc-channels';

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

  it('exposes exactly five functions', () => {
    expect(Object.keys(createBridge(fakeIpc().port)).sort()).toEqual(['invoke', 'onEvent', 'onMenuCommand', 'reportFlushed', 'setMenuLocale']);
  });
});
