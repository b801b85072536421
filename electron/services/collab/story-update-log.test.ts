// Runs in: vitest (Node). The offline copy of a shared story: every update appended and read back
// merged, compacted into one record past the limit without losing any, and a torn last record (a
// crash mid-append) dropped and cut away rather than breaking the story.
import { appendFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { StoryUpdateLog } from './story-update-log';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dateline-update-log-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Types `count` words into a fresh document, handing each update to `keep`. */
function typeWords(count: number, keep: (update: Uint8Array) => void): Y.Doc {
  const doc = new Y.Doc();
  doc.on('update', keep);
  const text = doc.getText('t');
  for (let i = 0; i < count; i++) text.insert(text.length, `w${i} `);
  return doc;
}

function textOf(update: Uint8Array | null): string {
  const doc = new Y.Doc();
  if (update) Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

/** How many length-prefixed records the file holds. */
async function recordCount(path: string): Promise<number> {
  const bytes = await readFile(path);
  let offset = 0;
  let count = 0;
  while (offset < bytes.byteLength) {
    offset += 4 + bytes.readUInt32BE(offset);
    count++;
  }
  return count;
}

describe('StoryUpdateLog', () => {
  it('keeps every update and reads them back merged; nothing kept reads as null', async () => {
    const log = new StoryUpdateLog({ dir });
    expect(await log.load('storyone001')).toBeNull();
    const pending: Promise<void>[] = [];
    const doc = typeWords(20, (update) => pending.push(log.append('storyone001', update)));
    await Promise.all(pending);
    expect(await recordCount(log.pathOf('storyone001'))).toBe(20);
    expect(textOf(await new StoryUpdateLog({ dir }).load('storyone001'))).toBe(doc.getText('t').toString());
  });

  it('compacts past the limit into one record and loses nothing', async () => {
    const log = new StoryUpdateLog({ dir, compactAfter: 10 });
    const pending: Promise<void>[] = [];
    const doc = typeWords(25, (update) => pending.push(log.append('storytwo002', update)));
    await Promise.all(pending);
    expect(await recordCount(log.pathOf('storytwo002'))).toBeLessThanOrEqual(10);
    expect(textOf(await log.load('storytwo002'))).toBe(doc.getText('t').toString());
    await log.compact('storytwo002');
    expect(await recordCount(log.pathOf('storytwo002'))).toBe(1);
    expect(textOf(await log.load('storytwo002'))).toBe(doc.getText('t').toString());
  });

  it('drops a torn last record and cuts the file back to the whole ones', async () => {
    const log = new StoryUpdateLog({ dir });
    const pending: Promise<void>[] = [];
    const doc = typeWords(5, (update) => pending.push(log.append('storythree3', update)));
    await Promise.all(pending);
    const whole = (await stat(log.pathOf('storythree3'))).size;
    await appendFile(log.pathOf('storythree3'), Buffer.from([0, 0, 1, 0, 7, 7]));
    expect(textOf(await new StoryUpdateLog({ dir }).load('storythree3'))).toBe(doc.getText('t').toString());
    expect((await stat(log.pathOf('storythree3'))).size).toBe(whole);
  });

  it('refuses an id that is not an article id', () => {
    expect(() => new StoryUpdateLog({ dir }).pathOf('../etc/passwd')).toThrow();
  });
});
