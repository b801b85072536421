// The renderer's Content-Security-Policy in a real browser: no WebSocket leaves the page until a
// newsroom server is named in Settings; saving one loads the page again, and from then on sockets
// reach that server and no other.
import { expect, test, type Page } from '@playwright/test';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { openApp } from './support/review-steps';
import { startHost, type RunningHost } from './support/start-host';

let host: RunningHost;
const servers: { wss: WebSocketServer; origin: string; connections: number }[] = [];

async function socketServer(): Promise<(typeof servers)[number]> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const entry = { wss, origin: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, connections: 0 };
  wss.on('connection', (socket) => {
    entry.connections++;
    socket.close();
  });
  servers.push(entry);
  return entry;
}

test.beforeAll(async () => {
  host = await startHost();
});

test.afterAll(async () => {
  await host?.stop();
  await Promise.all(servers.splice(0).map(({ wss }) => new Promise<void>((resolve) => wss.close(() => resolve()))));
});

/**
 * Opens a WebSocket to `url` (a server that accepts) in the page: resolves with the blocked URI when the
 * page's policy refuses it, or with 'connected' when it got through.
 */
function refusedByPolicy(page: Page, url: string): Promise<string> {
  return page.evaluate(
    (target) =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => {
          if (event.effectiveDirective === 'connect-src') resolve(event.blockedURI);
        });
        try {
          new WebSocket(target).addEventListener('open', () => resolve('connected'));
        } catch {
          // Some engines refuse in the constructor; the violation event still comes.
        }
      }),
    url,
  );
}

function openSocket(page: Page, url: string): Promise<void> {
  return page.evaluate((target) => {
    new WebSocket(target);
  }, url);
}

test("a page's sockets reach only the newsroom server named in Settings", async ({ browser }) => {
  const named = await socketServer();
  const other = await socketServer();
  const { app, page } = await openApp(browser, host, 'en');

  // No newsroom server yet: nothing but the app itself may be reached.
  expect(await refusedByPolicy(page, `${named.origin}/collab`)).toContain(named.origin.replace('ws://', ''));
  expect(named.connections).toBe(0);

  await page.getByRole('button', { name: app.text('settings.title'), exact: true }).click();
  const dialog = page.getByRole('dialog', { name: app.text('settings.title') });
  await dialog.getByRole('combobox', { name: app.text('settings.hub.kind'), exact: true }).selectOption('newsroom');
  await dialog.getByLabel(app.text('settings.hub.serverUrl'), { exact: true }).fill(named.origin.replace('ws://', 'http://'));
  const reloaded = page.waitForEvent('load');
  await dialog.getByRole('button', { name: app.text('app.save'), exact: true }).click();
  await reloaded;
  await expect(app.button('library.new')).toBeVisible();
  await expect(dialog).toBeHidden();

  // The page was served again with a policy naming that server: its socket connects, another is refused.
  await openSocket(page, `${named.origin}/collab`);
  await expect.poll(() => named.connections).toBe(1);
  expect(await refusedByPolicy(page, `${other.origin}/collab`)).toContain(other.origin.replace('ws://', ''));
  expect(other.connections).toBe(0);
});
