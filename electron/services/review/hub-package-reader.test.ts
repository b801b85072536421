// Runs in: vitest (node). Untrusted review packages are read and checked in worker threads: a
// valid package comes back as the schema parsed it, anything else as a named refusal, and a check
// that overruns its deadline is stopped without stopping the next one.
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newArticle } from '../../../common/article';
import { HubPackageReader } from './hub-package-reader';
import { encodePackage, type WordPressPackage } from './wordpress-hub-package';

const reporter = { name: 'Li Wei', role: 'reporter' as const };
const at = '2026-12-01T08:00:00.000Z';

function pkg(body: unknown = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Water rose overnight.' }] }] }) {
  return {
    format: 'dateline-review-package',
    version: 1,
    hubRevision: 3,
    contentHash: 'a'.repeat(64),
    article: { ...newArticle('01hreaderstory0001', at), headline: 'River floods the old town', body },
    history: [],
    comments: [],
    submittedBy: reporter,
    submittedTo: 'desk',
    submittedAt: at,
    updatedAt: at,
    updatedBy: reporter,
  };
}

const tinyNodes = (n: number) => ({ type: 'doc', content: [{ type: 'paragraph', content: Array.from({ length: n }, () => ({ type: 'text', text: 'a' })) }] });

let dir: string;
const reader = new HubPackageReader({ size: 1 });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dateline-package-reader-'));
});

afterAll(async () => {
  await reader.close();
  await rm(dir, { recursive: true, force: true });
});

describe('reading review packages in a worker', () => {
  it('gives back a valid package as the schema parsed it (defaults filled in)', async () => {
    await writeFile(join(dir, 'good.json'), JSON.stringify(pkg()));
    const read = await reader.run({ kind: 'file', path: join(dir, 'good.json'), maxBytes: 1_000_000 });
    expect(read).toMatchObject({ kind: 'ok', value: { hubRevision: 3, previousSubmission: null, article: { headline: 'River floods the old town', meta: { language: 'en' } } } });
  });

  it('names what is wrong instead of throwing: no file, a link, too large, not JSON, a body of too many parts', async () => {
    await symlink(join(dir, 'good.json'), join(dir, 'link.json'));
    await writeFile(join(dir, 'large.json'), JSON.stringify(pkg({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(2_000_000) }] }] })));
    await writeFile(join(dir, 'garbled.json'), '{"format": "dateline-review-package",');
    await writeFile(join(dir, 'nodes.json'), JSON.stringify(pkg(tinyNodes(500_000))));
    const read = (name: string, maxBytes = 64_000_000) => reader.run({ kind: 'file', path: join(dir, name), maxBytes });
    expect(await read('none.json')).toEqual({ kind: 'missing' });
    expect(await read('link.json')).toEqual({ kind: 'unreadable', reason: 'it is a link, not a file' });
    expect(await read('large.json', 1_048_576)).toEqual({ kind: 'unreadable', reason: 'it is 2 MB, more than the 1 MB Dateline accepts' });
    expect(await read('garbled.json')).toMatchObject({ kind: 'unreadable', reason: expect.stringMatching(/^it is not valid JSON/) });
    expect(await read('nodes.json')).toEqual({
      kind: 'unreadable',
      reason: 'it does not match the expected format at article.body: the body is too large to be an article: it holds more than 2,000,000 parts (nodes, marks and attributes)',
    });
  });

  it('refuses a package whose body the editor schema cannot hold', async () => {
    await writeFile(join(dir, 'table.json'), JSON.stringify(pkg({ type: 'doc', content: [{ type: 'table', content: [{ type: 'paragraph' }] }] })));
    expect(await reader.run({ kind: 'file', path: join(dir, 'table.json'), maxBytes: 64_000_000 })).toEqual({
      kind: 'unreadable',
      reason: 'it does not match the expected format at article.body: the body is not one the editor can hold: Unknown node type: table',
    });
  });

  it('decodes a WordPress hub post meta value, refusing one too large or of too many parts', async () => {
    const good = encodePackage({ ...pkg(), media: {} } as unknown as WordPressPackage);
    expect(await reader.run({ kind: 'meta', encoded: good })).toMatchObject({ kind: 'ok', value: { article: { headline: 'River floods the old town' }, media: {} } });
    const oversized = encodePackage({ ...pkg(tinyNodes(500_000)), media: {} } as unknown as WordPressPackage);
    expect(await reader.run({ kind: 'meta', encoded: oversized })).toEqual({ kind: 'unreadable', reason: 'the package is 18 MB, more than the 9 MB Dateline accepts' });
    // 8.6 MB of post meta, as a contributor could write it: 2.2 million empty nodes.
    const hostile = encodePackage({ ...pkg({ type: 'doc', content: Array.from({ length: 2_200_000 }, () => ({})) }), media: {} } as unknown as WordPressPackage);
    expect(hostile.length).toBeLessThan(9 * 1_048_576);
    expect(await reader.run({ kind: 'meta', encoded: hostile })).toEqual({
      kind: 'unreadable',
      reason: 'the package is not a Dateline review package at article.body: the body is too large to be an article: it holds more than 2,000,000 parts (nodes, marks and attributes)',
    });
  });

  it('stops a check that overruns its deadline, and the next check runs in a fresh worker', async () => {
    await writeFile(join(dir, 'slow.json'), JSON.stringify(pkg(tinyNodes(300_000))));
    // A deadline of 0 ms passes before any worker can answer.
    const stopped = await reader.run({ kind: 'file', path: join(dir, 'slow.json'), maxBytes: 64_000_000 }, 0);
    expect(stopped).toEqual({ kind: 'unreadable', reason: 'checking it took longer than 0 ms, so it was stopped' });
    expect(await reader.run({ kind: 'file', path: join(dir, 'good.json'), maxBytes: 1_000_000 })).toMatchObject({ kind: 'ok' });
  });
});
