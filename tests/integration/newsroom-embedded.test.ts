// The newsroom server on one machine, started from the command line as the README says: accounts
// made with `npm run server -- add-user`, the embedded PGlite database in a folder (a restart keeps
// the stories), and TLS when given a certificate and key.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { storyBodyText, storyDocParts } from '../../common/collab/story-doc';
import { storyDocumentName } from '../../common/collab/story-name';
import { runServerCommand, startServerProcess, type ServerProcess } from '../support/newsroom/server-process';
import { connectStory, type StoryClient } from '../support/newsroom/story-client';

const run = promisify(execFile);
let dir: string;
let server: ServerProcess | null = null;
const clients: StoryClient[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dateline-newsroom-'));
  await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { timeout: 60_000 });
}, 120_000);

afterAll(async () => {
  clients.forEach((client) => client.destroy());
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
}, 60_000);

function tokenFrom(output: string): string {
  const token = /^(dln_[A-Za-z0-9_-]+)$/m.exec(output)?.[1];
  if (!token) throw new Error(`add-user printed no token: ${output}`);
  return token;
}

it('serves one machine from the command line over wss, and keeps stories across a restart', async () => {
  const data = join(dir, 'data');
  const added = await runServerCommand(['add-user', '--name', 'Ana Desk', '--role', 'desk', '--data-dir', data]);
  expect(added.code).toBe('code 0');
  const token = tokenFrom(added.output);
  const listed = await runServerCommand(['list-users', '--data-dir', data]);
  expect(listed.output).toContain('Ana Desk\teditor');
  const refused = await runServerCommand(['add-user', '--name', 'Ana Desk', '--role', 'reporter', '--data-dir', data]);
  expect(refused.code).toBe('code 2');

  const tls = ['--tls-cert', join(dir, 'cert.pem'), '--tls-key', join(dir, 'key.pem')];
  const ca = await readFile(join(dir, 'cert.pem'), 'utf8');
  server = await startServerProcess(['--data-dir', data, ...tls]);
  expect(server.collabUrl).toMatch(/^wss:\/\/127\.0\.0\.1:\d+\/collab$/);

  // Plain ws:// to the TLS port gets nowhere.
  const plain = new WebSocket(server.collabUrl.replace('wss://', 'ws://'));
  await new Promise<void>((resolve) => plain.once('error', () => resolve()).once('close', () => resolve()));

  const id = `embedded${Date.now().toString(36)}`;
  const writer = connectStory({ url: server.collabUrl, name: storyDocumentName(id), token, ca });
  clients.push(writer);
  await writer.ready;
  writer.doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Kept across a restart')]);
    storyDocParts(writer.doc).body.insert(0, [paragraph]);
    storyDocParts(writer.doc).fields.set('headline', 'Embedded');
  });
  await new Promise<void>((resolve) => {
    const check = () => {
      if (!writer.provider.hasUnsyncedChanges) resolve();
    };
    writer.provider.on('unsyncedChanges', check);
    check();
  });
  writer.destroy();
  await server.stop();

  server = await startServerProcess(['--data-dir', data, ...tls]);
  const reader = connectStory({ url: server.collabUrl, name: storyDocumentName(id), token, ca });
  clients.push(reader);
  await reader.ready;
  expect(storyBodyText(reader.doc)).toBe('Kept across a restart');
  expect(storyDocParts(reader.doc).fields.get('headline')).toBe('Embedded');

  // The embedded database serves one process: accounts are managed while the server is stopped.
  const busy = await runServerCommand(['remove-user', '--name', 'ana desk', '--data-dir', data]);
  expect(busy.code).toBe('code 2');
  expect(busy.output).toContain('stop it');
  reader.destroy();
  await server.stop();
  server = null;
  const removed = await runServerCommand(['remove-user', '--name', 'ana desk', '--data-dir', data]);
  expect(removed.output).toContain('Removed ana desk');
}, 300_000);
