// A reporter and the desk in one story at once, each in their own app connected to a DIFFERENT node
// of the newsroom server (two nodes sharing PostgreSQL 15 and Redis 7): both see each other's text,
// names and carets; the reporter's line is cut (a TCP proxy in front of their node), they write 300
// words and rewrite a sentence the desk rewrites too, and when the line is back both sides hold
// everything both wrote; a reporter has no approve action, and the server refuses their direct call;
// once the desk approves, the reporter's editor follows the server and turns read-only.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EditorView } from '@tiptap/pm/view';
import sharp from 'sharp';
import { addAccount } from '../../server/accounts/account-store';
import { openDatabase } from '../../server/db/open-database';
import { startPostgres, type PrivatePostgres } from '../support/newsroom/private-postgres';
import { startRedis, type PrivateRedis } from '../support/newsroom/private-redis';
import { startServerProcess, type ServerProcess } from '../support/newsroom/server-process';
import { startCuttableProxy, type CuttableProxy } from './support/cuttable-proxy';
import { actWithNote, openApp, openReviewTab, reviewPanel, statusLine, type PersonApp } from './support/review-steps';
import { startHost, type RunningHost } from './support/start-host';

let postgres: PrivatePostgres;
let redis: PrivateRedis;
let nodes: ServerProcess[] = [];
let proxy: CuttableProxy;
const tokens = { reporter: '', desk: '' };
const hosts: RunningHost[] = [];
const homes: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(300_000);
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  const db = await openDatabase({ databaseUrl: postgres.url, dataDir: '' });
  try {
    tokens.reporter = (await addAccount(db, 'Li Wei', 'reporter')).token;
    tokens.desk = (await addAccount(db, 'Ana Desk', 'desk')).token;
  } finally {
    await db.close();
  }
  const args = ['--database-url', postgres.url, '--redis-url', redis.url];
  nodes = await Promise.all([startServerProcess([...args, '--node-name', 'one']), startServerProcess([...args, '--node-name', 'two'])]);
  const one = new URL(nodes[0]!.url);
  proxy = await startCuttableProxy({ host: one.hostname, port: Number(one.port) });
});

test.afterAll(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.stop()));
  await proxy?.close();
  await Promise.all(nodes.map((node) => node.stop()));
  await Promise.all([postgres?.stop(), redis?.stop()]);
  for (const dir of homes.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function personOnServer(browser: Browser, name: string, role: 'reporter' | 'editor', serverUrl: string, token: string): Promise<PersonApp> {
  const home = mkdtempSync(join(tmpdir(), 'dateline-home-'));
  homes.push(home);
  const host = await startHost({ env: { HOME: home } });
  hosts.push(host);
  const person = await openApp(browser, host, 'en');
  const { app, page } = person;
  await page.getByRole('button', { name: app.text('settings.title'), exact: true }).click();
  const dialog = page.getByRole('dialog', { name: app.text('settings.title') });
  await dialog.getByRole('textbox', { name: app.text('settings.userName'), exact: true }).fill(name);
  await dialog.getByRole('combobox', { name: app.text('settings.role'), exact: true }).selectOption(role);
  await dialog.getByRole('combobox', { name: app.text('settings.hub.kind'), exact: true }).selectOption('newsroom');
  await dialog.getByLabel(app.text('settings.hub.serverUrl'), { exact: true }).fill(serverUrl);
  await dialog.getByLabel(app.text('settings.hub.token'), { exact: true }).fill(token);
  await dialog.getByRole('button', { name: app.text('app.save'), exact: true }).click();
  await expect(dialog).toBeHidden();
  return person;
}

/** The body's text as the editor holds it (the others' caret names are decorations, not text). */
function bodyText(person: PersonApp): Promise<string> {
  return person.app.body.evaluate((dom) => (dom as HTMLElement & { editor: { getText(): string } }).editor.getText());
}

/** Selects `text` in the body (or puts the caret right after it, `caretAfter`), as a person's mouse would. */
async function selectInBody(person: PersonApp, text: string, caretAfter = false): Promise<void> {
  await person.app.body.evaluate(
    (dom, [wanted, after]) => {
      type BodyEditor = { view: EditorView; chain(): { focus(): { setTextSelection(range: { from: number; to: number }): { run(): boolean } } } };
      const editor = (dom as HTMLElement & { editor: BodyEditor }).editor;
      let from = -1;
      editor.view.state.doc.descendants((node, pos) => {
        if (from >= 0) return false;
        if (!node.isText) return true;
        const at = (node.text ?? '').indexOf(wanted);
        if (at >= 0) from = pos + at;
        return false;
      });
      if (from < 0) throw new Error(`"${wanted}" is not in the body`);
      const to = from + wanted.length;
      editor.chain().focus().setTextSelection({ from: after ? to : from, to }).run();
    },
    [text, caretAfter] as [string, boolean],
  );
  // TipTap's focus command focuses the view in the next animation frame: keys sent before it lands
  // go nowhere (a person's next key never comes that soon).
  await expect(person.app.body).toBeFocused();
}

async function sharedLive(person: PersonApp): Promise<void> {
  await expect(person.page.getByRole('status').filter({ hasText: person.app.text('collab.connection.synced') })).toBeVisible({ timeout: 60_000 });
}

function people(person: PersonApp) {
  return person.page.getByRole('region', { name: person.app.text('collab.presence.label'), exact: true });
}

function caretOf(page: Page, name: string) {
  return page.locator('.ProseMirror-yjs-cursor', { hasText: name });
}

/**
 * How much of the top of someone's name label is painted in its colour: the label stands above the
 * line, outside its paragraph's box, where a paragraph that clips its paint would cut it off.
 */
async function labelTopPainted(page: Page, name: string): Promise<number> {
  const label = caretOf(page, name).locator('div');
  const box = (await label.boundingBox())!;
  const colour = await label.evaluate((el) => getComputedStyle(el).backgroundColor.match(/\d+/g)!.slice(0, 3).map(Number));
  const png = await page.screenshot({ clip: { x: box.x + 2, y: box.y + 1, width: Math.max(1, box.width - 4), height: 3 } });
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  let inColour = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    if (Math.abs(data[i]! - colour[0]!) + Math.abs(data[i + 1]! - colour[1]!) + Math.abs(data[i + 2]! - colour[2]!) < 60) inColour++;
  }
  return inColour / (data.length / info.channels);
}

test('reporter and desk on two nodes write one story live, offline edits merge, and a reporter cannot approve', async ({ browser }) => {
  test.setTimeout(300_000);
  const reporter = await personOnServer(browser, 'Li Wei', 'reporter', proxy.url, tokens.reporter);
  const desk = await personOnServer(browser, 'Ana Desk', 'editor', nodes[1]!.url, tokens.desk);

  // The reporter drafts and submits to the desk; the story turns live in their editor.
  await reporter.app.newArticle();
  await reporter.app.textbox('article.headline').fill('Harbour floods at dawn');
  await reporter.app.body.click();
  await reporter.page.keyboard.type('The harbour flooded at dawn.');
  await reporter.page.keyboard.press('Enter');
  await reporter.page.keyboard.type('Boats were moved inland.');
  await reporter.app.waitSaved();
  const reporterPanel = await openReviewTab(reporter);
  await actWithNote(reporter, reporterPanel, 'submit');
  await sharedLive(reporter);

  // The desk opens it from the queue, on the other node.
  await desk.page.getByRole('button', { name: desk.app.text('queue.nav'), exact: true }).click();
  const queue = desk.page.getByRole('region', { name: desk.app.text('queue.title'), exact: true });
  await queue.getByRole('button', { name: desk.app.text('queue.openLabel', { headline: desk.app.text('queue.untitled') }), exact: true }).click();
  await expect(desk.app.textbox('article.headline')).toHaveValue('Harbour floods at dawn');
  await sharedLive(desk);
  await expect(desk.app.body).toContainText('Boats were moved inland.');

  await test.step('(a) both type at once and see the other’s text, name and caret', async () => {
    await expect(people(reporter)).toContainText('Ana Desk');
    await expect(people(desk)).toContainText('Li Wei');
    await selectInBody(reporter, 'The harbour flooded at dawn.', true);
    await selectInBody(desk, 'Boats were moved inland.', true);
    await Promise.all([reporter.page.keyboard.type(' Water reached the market.'), desk.page.keyboard.type(' Police closed the road.')]);
    for (const person of [reporter, desk]) {
      await expect(person.app.body).toContainText('Water reached the market.');
      await expect(person.app.body).toContainText('Police closed the road.');
    }
    await expect(caretOf(reporter.page, 'Ana Desk')).toBeVisible();
    await expect(caretOf(desk.page, 'Li Wei')).toBeVisible();
    // Each name stands whole above its caret, not cut to a sliver by the line's paragraph.
    await expect.poll(() => labelTopPainted(reporter.page, 'Ana Desk')).toBeGreaterThan(0.5);
    await expect.poll(() => labelTopPainted(desk.page, 'Li Wei')).toBeGreaterThan(0.5);
    // The headline is shared too.
    await desk.app.textbox('article.headline').fill('Harbour floods at dawn, market shut');
    await expect(reporter.app.textbox('article.headline')).toHaveValue('Harbour floods at dawn, market shut');
  });

  await test.step('(b) the reporter writes offline, the desk edits the same sentence, nothing is lost', async () => {
    proxy.cut();
    await expect(reporter.page.getByRole('status').filter({ hasText: reporter.app.text('collab.connection.offline') })).toBeVisible({ timeout: 60_000 });
    const words = Array.from({ length: 300 }, (_, i) => `offline${i + 1}`);
    await selectInBody(reporter, 'Police closed the road.', true);
    await reporter.page.keyboard.press('Enter');
    for (let i = 0; i < words.length; i += 10) await reporter.page.keyboard.insertText(`${i === 0 ? '' : ' '}${words.slice(i, i + 10).join(' ')}`);
    // Both rewrite the first sentence: the reporter "at dawn", the desk "flooded".
    await selectInBody(reporter, 'at dawn');
    await reporter.page.keyboard.type('before sunrise');
    await selectInBody(desk, 'flooded');
    await desk.page.keyboard.type('was swamped');
    await expect(desk.app.body).not.toContainText('offline1 ');

    proxy.restore();
    await sharedLive(reporter);
    const offlineText = words.join(' ');
    for (const person of [reporter, desk]) {
      await expect.poll(() => bodyText(person), { timeout: 60_000 }).toContain(offlineText);
      const text = await bodyText(person);
      expect(text).toContain('before sunrise');
      expect(text).toContain('was swamped');
      expect(text).toContain('Water reached the market.');
      expect(text).toContain('Police closed the road.');
    }
    await expect.poll(async () => (await bodyText(reporter)) === (await bodyText(desk))).toBe(true);
  });

  await test.step('(c) a reporter cannot approve: no action in the app, 403 from the server', async () => {
    const panel = reviewPanel(reporter);
    await expect(panel.getByText(statusLine(reporter.app, 'submitted'))).toBeVisible();
    await expect(panel.getByRole('button', { name: reporter.app.text('review.action.approve'), exact: true })).toHaveCount(0);
    const stories = (await (await fetch(`${nodes[0]!.url}/api/stories`, { headers: { Authorization: `Bearer ${tokens.reporter}` } })).json()) as { stories: { id: string }[] };
    expect(stories.stories).toHaveLength(1);
    const id = stories.stories[0]!.id;
    const refused = await fetch(`${nodes[0]!.url}/api/stories/${id}/workflow`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokens.reporter}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: `${id}-approve-by-reporter`, action: 'approve' }),
    });
    expect(refused.status).toBe(403);
    const stillSubmitted = await fetch(`${nodes[1]!.url}/api/stories/${id}`, { headers: { Authorization: `Bearer ${tokens.desk}` } });
    expect(((await stillSubmitted.json()) as { status: string }).status).toBe('submitted');
  });

  await test.step('(d) once the desk approves, the reporter’s editor turns read-only', async () => {
    const deskPanel = await openReviewTab(desk);
    await deskPanel.getByRole('button', { name: desk.app.text('review.action.approve'), exact: true }).click();
    await expect(deskPanel.getByText(statusLine(desk.app, 'approved'))).toBeVisible();
    await expect(reporter.page.getByRole('status').filter({ hasText: reporter.app.text('collab.readOnly') })).toBeVisible({ timeout: 30_000 });
    await expect(reporter.app.body).toHaveAttribute('contenteditable', 'false');
    await expect(desk.app.body).toHaveAttribute('contenteditable', 'true');
  });
});
