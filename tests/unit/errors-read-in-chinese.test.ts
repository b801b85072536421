// Runs in: vitest (node). With the Chinese interface, the failures the services really produce
// (every row of the remote failure table, bad input to the contract, photos that are empty, huge,
// damaged or not photos, a save over a newer revision) travel as an envelope through JSON to the
// renderer's formatter, and read with no English word except what the user typed, where, and what a
// server said, quoted as such.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../common/app-error';
import type { OperationHandlers } from '../../common/contract';
import { dispatchOperation } from '../../electron/transport/dispatch-operation';
import { MediaStore } from '../../electron/services/media/media-store';
import { LibraryStore } from '../../electron/services/store/library-store';
import { unwrapEnvelope } from '../../renderer/api/api-error';
import { formatError } from '../../renderer/api/format-error';
import { useI18nStore } from '../../renderer/i18n/i18n-store';
import { ROWS } from '../support/remote-failure-rows';

/** Product and format names, and units, that Chinese text writes in Latin letters too. */
const NAMES = /WordPress|Ghost|Dateline|HTTP|MB|JPEG|PNG|GIF|WebP|AVIF/g;
/** Parameters the renderer translates itself: their raw values must not show. */
const TRANSLATED = new Set(['kind', 'action', 'status', 'expected', 'actual', 'field']);

/** What the user reads for `error`, after it crossed a transport as JSON. */
function shown(error: unknown): { text: string; given: string[] } {
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  const wire: unknown = JSON.parse(JSON.stringify({ ok: false, error: { code: error.code, message: error.message, details: error.details } }));
  return fromEnvelope(wire);
}

function fromEnvelope(wire: unknown): { text: string; given: string[] } {
  try {
    unwrapEnvelope(wire, 'test');
  } catch (caught) {
    const { message, detail } = formatError(caught);
    const details = (wire as { error: { details?: Record<string, unknown> } }).error.details ?? {};
    const given = Object.entries(details)
      .filter(([name, value]) => !TRANSLATED.has(name) && typeof value === 'string')
      .map(([, value]) => value as string);
    expect(detail, `${message}: no detail line`).not.toBe('');
    return { text: `${message} ${detail}`, given };
  }
  throw new Error('the envelope did not fail');
}

/** The Latin words left once the user's own names, places and quoted server text are taken out. */
function englishIn({ text, given }: { text: string; given: string[] }): string[] {
  let rest = text;
  for (const value of [...given].sort((a, b) => b.length - a.length)) rest = rest.split(value).join(' ');
  return rest.replace(NAMES, ' ').match(/[A-Za-z]+/g) ?? [];
}

describe('errors read in Chinese', () => {
  let root: string;
  beforeAll(async () => {
    useI18nStore.getState().setLocale('zh-CN');
    root = await mkdtemp(join(tmpdir(), 'dateline-zh-errors-'));
  });
  afterAll(async () => {
    useI18nStore.getState().setLocale('en');
    await rm(root, { recursive: true, force: true });
  });

  it.each(ROWS)('a publishing failure ($kind) has no English in it', async (row) => {
    const read = shown(await row.make());
    expect(englishIn(read), read.text).toEqual([]);
  });

  it('a server’s own words are quoted, not translated or dropped', async () => {
    const row = ROWS.find((r) => r.kind === 'wp-forbidden');
    const read = shown(await row?.make());
    expect(read.text).toContain('服务器回复：“Sorry, you are not allowed to publish posts as this user.”');
  });

  it('bad input to the contract and an unknown operation have no English in them', async () => {
    const handlers = {} as OperationHandlers;
    for (const [name, input] of [
      ['articles.save', { article: { id: 'nope' } }],
      ['articles.get', { id: 42 }],
      ['no.such.operation', {}],
    ] as const) {
      const read = fromEnvelope(JSON.parse(JSON.stringify(await dispatchOperation(handlers, name, input))));
      expect(englishIn(read), read.text).toEqual([]);
    }
  });

  it('a photo that is empty, not a photo, damaged or too large has no English in it, only its file name', async () => {
    const media = new MediaStore(join(root, 'library'));
    await media.open();
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const failures = [
      ['empty.jpg', new Uint8Array(0)],
      ['notes.txt', new TextEncoder().encode('not a photo at all')],
      ['cut-off.png', png],
      ['huge.jpg', new Uint8Array(41 * 1024 * 1024)],
    ] as const;
    for (const [fileName, data] of failures) {
      const read = shown(await media.import(fileName, data).catch((error: unknown) => error));
      expect(read.text).toContain(fileName);
      expect(englishIn(read), read.text).toEqual([]);
    }
  });

  it('saving over a newer revision names the story and the revisions, in Chinese', async () => {
    const library = new LibraryStore(join(root, 'library'));
    await library.open();
    const created = await library.create('zh-CN');
    const story = { ...created, headline: '台风登陆' };
    await library.save(story);
    const read = shown(await library.save(story).catch((error: unknown) => error));
    expect(read.text).toContain('台风登陆');
    expect(englishIn(read), read.text).toEqual([]);
  });
});
