// Runs in: vitest (Node). The shared dispatcher validates, calls the handler and wraps every outcome in an Envelope.
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../common/app-error';
import type { OperationHandlers } from '../../common/contract';
import { newArticle, type Article } from '../../common/article';
import { PREPARED_JSON_KEY, prepareJson } from '../../common/prepared-json';
import { createIpcApi } from '../../renderer/api/ipc-api';
import type { DatelineBridge } from '../../common/bridge';
import { dispatchOperation } from './dispatch-operation';

function fakeHandlers(overrides: Partial<OperationHandlers>): OperationHandlers {
  return new Proxy(overrides, {
    get: (target, key: string) => target[key as keyof OperationHandlers] ?? (() => Promise.reject(new Error(`unexpected call ${key}`))),
  }) as OperationHandlers;
}

describe('dispatchOperation', () => {
  it('refuses an operation name that is not in the contract', async () => {
    const result = await dispatchOperation(fakeHandlers({}), 'fs.readFile', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(result.ok ? '' : result.error.message).toContain('fs.readFile');
  });

  it('refuses prototype keys dressed up as operation names', async () => {
    const result = await dispatchOperation(fakeHandlers({}), 'constructor', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('names the offending fields when the input fails the schema', async () => {
    const get = vi.fn();
    const result = await dispatchOperation(fakeHandlers({ 'articles.get': get }), 'articles.get', { id: 42 });
    expect(get).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input');
      expect(result.error.message).toMatch(/^Invalid input for articles\.get: id: /);
    }
  });

  it('passes the parsed input, defaults applied, to the handler', async () => {
    const list = vi.fn(async () => ({ items: [], matched: 0, indexing: 0, sections: [], tags: [], total: 0 }));
    const result = await dispatchOperation(fakeHandlers({ 'library.list': list }), 'library.list', { query: 'fire' });
    expect(result).toEqual({ ok: true, value: { items: [], matched: 0, indexing: 0, sections: [], tags: [], total: 0 } });
    expect(list).toHaveBeenCalledWith({ query: 'fire', status: null, section: null, tag: null, trashed: false, offset: 0, limit: null });
  });

  it('treats a missing input as an empty one', async () => {
    const problems = vi.fn(async () => []);
    const result = await dispatchOperation(fakeHandlers({ 'library.problems': problems }), 'library.problems', undefined);
    expect(result).toEqual({ ok: true, value: [] });
  });

  it('carries an AppError code, message and details across', async () => {
    const handlers = fakeHandlers({
      'media.info': async () => {
        throw new AppError('not-found', 'No such photo.', { id: 'x' });
      },
    });
    const result = await dispatchOperation(handlers, 'media.info', { id: 'a'.repeat(64) + '.jpg' });
    if (result.ok) throw new Error('expected a failure');
    expect(result.error.code).not.toBe('invalid-input');
    expect(result.error).toEqual({ code: 'not-found', message: 'No such photo.', details: { id: 'x' } });
  });

  it('hides unexpected errors behind a generic internal error and logs the stack', async () => {
    const log = vi.fn();
    const secret = new Error('ENOENT /home/reporter/secret/path');
    const result = await dispatchOperation(fakeHandlers({ 'app.info': () => Promise.reject(secret) }), 'app.info', {}, log);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('app.info'), secret);
  });

  describe('a body the renderer sent already encoded (over IPC)', () => {
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '新华社北京电 "Quoted" 😀' }] }] };
    const article = (): Article => ({ ...newArticle('art0000000001', '2026-12-07T09:00:00.000Z'), headline: 'Floods' });

    function bridgeTo(handlers: OperationHandlers): DatelineBridge {
      const unused = () => () => undefined;
      // Electron's IPC and the services' port copy the input with structured clone.
      return { invoke: (name, input) => dispatchOperation(handlers, name, structuredClone(input)), onMenuCommand: unused, setMenuLocale: () => undefined, reportFlushed: () => undefined, onEvent: unused, onOpenLink: unused, reportOpenArticle: () => undefined, notify: () => undefined };
    }

    it('reaches the handler parsed and validated, as bytes on the way', async () => {
      const save = vi.fn(async () => ({ revision: 1, updatedAt: '2026-12-07T09:01:00.000Z', snapshot: null }));
      const bridge = bridgeTo(fakeHandlers({ 'articles.save': save }));
      const invoke = vi.spyOn(bridge, 'invoke');
      const api = createIpcApi(bridge);
      await api.call('articles.save', { article: { ...article(), body: prepareJson(body).asValue() }, explicit: false });
      const sent = invoke.mock.calls[0]?.[1] as { article: { body: Record<string, unknown> } };
      expect(Object.keys(sent.article.body)).toEqual([PREPARED_JSON_KEY]);
      expect(sent.article.body[PREPARED_JSON_KEY]).toBeInstanceOf(Uint8Array);
      expect(save).toHaveBeenCalledWith(expect.objectContaining({ article: expect.objectContaining({ headline: 'Floods', body }), explicit: false }));
    });

    it('is refused with a clear message when it is not JSON, and still validated when it is', async () => {
      const save = vi.fn();
      const notJson = await dispatchOperation(fakeHandlers({ 'articles.save': save }), 'articles.save', { article: { ...article(), body: { [PREPARED_JSON_KEY]: new TextEncoder().encode('{"type":') } }, explicit: false });
      expect(notJson).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'Invalid input for articles.save: a prepared JSON value is not valid UTF-8 JSON.' } });
      const notUtf8 = await dispatchOperation(fakeHandlers({ 'articles.save': save }), 'articles.save', { article: { ...article(), body: { [PREPARED_JSON_KEY]: new Uint8Array([0x22, 0xff, 0x22]) } }, explicit: false });
      expect(notUtf8).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      const notADoc = await dispatchOperation(fakeHandlers({ 'articles.save': save }), 'articles.save', { article: { ...article(), body: { [PREPARED_JSON_KEY]: prepareJson(['not', 'a', 'doc']).bytes } }, explicit: false });
      expect(notADoc).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/^Invalid input for articles\.save: article\.body/) } });
      expect(save).not.toHaveBeenCalled();
    });
  });
});
