// Runs in: vitest (Node). The shared dispatcher validates, calls the handler and wraps every outcome in an Envelope.
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../common/app-error';
import type { OperationHandlers } from '../../common/contract';
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
});
