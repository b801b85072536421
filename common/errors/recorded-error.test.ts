// Runs in: vitest (node). A failure kept in a record keeps its code and typed details, reads back
// checked, and a record written before errors were typed (English text only) reads as no error.
import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error';
import { recordedError, recordedErrorSchema } from './recorded-error';

describe('recorded errors', () => {
  it('keeps an AppError\'s code and typed details; anything else is an unexpected internal error', () => {
    expect(recordedError(new AppError('corrupt-file', 'The package is damaged', { kind: 'hub-package' }))).toEqual({ code: 'corrupt-file', message: 'The package is damaged', details: { kind: 'hub-package' } });
    expect(recordedError(new TypeError('x is undefined'))).toEqual({ code: 'internal', message: 'x is undefined', details: { kind: 'unexpected' } });
  });

  it('reads back checked: details that do not fit the code are dropped, English text of old records is no error', () => {
    const kept = { code: 'not-found', message: 'The hub cannot be reached', details: { kind: 'hub-unreachable', path: '/hub', unreachable: true } };
    expect(recordedErrorSchema.parse(kept)).toEqual(kept);
    expect(recordedErrorSchema.parse({ code: 'not-found', message: 'm', details: { kind: 'hub-package' } })).toEqual({ code: 'not-found', message: 'm' });
    expect(recordedErrorSchema.parse('The review package is damaged.')).toBeNull();
    expect(recordedErrorSchema.parse(null)).toBeNull();
    expect(recordedErrorSchema.safeParse({ code: 'no-such-code', message: 'm' }).success).toBe(false);
  });
});
