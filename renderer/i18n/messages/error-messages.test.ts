// Runs in: tests (node). Every error code and kind has its words in both languages, and every
// parameter a message names is a field its kind carries.
import { describe, expect, it } from 'vitest';
import { APP_ERROR_CODES } from '../../../common/app-error';
import { APP_ERROR_DETAILS_SCHEMAS, appErrorKinds } from '../../../common/errors/app-error-details';
import { catalogues, type MessageKey } from './catalogues';

describe('error messages', () => {
  it('every code has at least one kind, and every kind a message in en and zh-CN', () => {
    const missing: string[] = [];
    for (const code of APP_ERROR_CODES) {
      const kinds = appErrorKinds(code);
      expect(kinds.length, code).toBeGreaterThan(0);
      for (const kind of kinds) {
        for (const locale of ['en', 'zh-CN'] as const) {
          const text = catalogues[locale][`error.${kind}` as MessageKey] as string | undefined;
          if (!text || text.trim() === '') missing.push(`${locale} error.${kind}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('a message names only parameters its kind carries', () => {
    const unknown: string[] = [];
    for (const code of APP_ERROR_CODES) {
      const schema = APP_ERROR_DETAILS_SCHEMAS[code] as unknown as { options: { shape: Record<string, unknown> }[] };
      for (const option of schema.options) {
        const fields = Object.keys(option.shape);
        for (const kind of kindsOf(option)) {
          const text = catalogues.en[`error.${kind}` as MessageKey];
          for (const [, param] of text.matchAll(/\{(\w+)\}/g)) {
            if (param && !fields.includes(param)) unknown.push(`error.${kind}: {${param}}`);
          }
        }
      }
    }
    expect(unknown).toEqual([]);
  });

  it('no Latin letters in a Chinese error message outside its parameters and product names', () => {
    const allowed = /\{\w+\}|WordPress|Ghost|Dateline Companion|Dateline|HTTP|MB|JPEG|PNG|GIF|WebP|AVIF|REST API|Webhook|npm run serve|en|zh-CN/g;
    const latin = Object.entries(catalogues['zh-CN'])
      .filter(([key]) => key.startsWith('error.'))
      .filter(([, text]) => /[A-Za-z]/.test(text.replace(allowed, '')))
      .map(([key]) => key);
    expect(latin).toEqual([]);
  });
});

function kindsOf(option: { shape: Record<string, unknown> }): string[] {
  const kind = option.shape.kind as { values?: Set<unknown>; options?: unknown[] };
  if (kind.values) return [...kind.values].map(String);
  return (kind.options ?? []).map(String);
}
