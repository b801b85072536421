// Two Datelines on one machine (two `npm run serve`, two ports): one browser stays signed in to
// both, though it keeps cookies per host name and never per port.
import { expect, test } from '@playwright/test';
import { sessionCookieName } from '../../common/http-protocol';
import { DatelineApp } from './support/dateline-app';
import { startHost, type RunningHost } from './support/start-host';

function portOf(host: RunningHost): number {
  return Number(new URL(host.origin).port);
}

test('a reporter opens a second Dateline and the first one keeps working', async ({ context }) => {
  const first = await startHost();
  const second = await startHost();
  try {
    const firstApp = new DatelineApp(await context.newPage());
    await firstApp.page.goto(first.url);
    await expect(firstApp.button('library.new')).toBeVisible();
    // The token is traded for the cookie and leaves the address bar (and the history).
    expect(firstApp.page.url()).toBe(`${first.origin}/`);

    const secondApp = new DatelineApp(await context.newPage());
    await secondApp.page.goto(second.url);
    await expect(secondApp.button('library.new')).toBeVisible();

    await firstApp.page.bringToFront();
    await firstApp.newArticle();
    await firstApp.textbox('article.headline').fill('Harbour reopens');
    await firstApp.waitSaved();
    await firstApp.page.reload();
    await expect(firstApp.libraryRow('Harbour reopens')).toBeVisible();
    await secondApp.page.reload();
    await expect(secondApp.button('library.new')).toBeVisible();

    const cookies = await context.cookies();
    expect(cookies.map((cookie) => cookie.name).sort()).toEqual([sessionCookieName(portOf(first)), sessionCookieName(portOf(second))].sort());
    for (const cookie of cookies) {
      expect(cookie.httpOnly).toBe(true);
      expect(cookie.sameSite).toBe('Strict');
      expect([first.url, second.url].some((url) => url.includes(cookie.value))).toBe(false);
    }
  } finally {
    await Promise.all([first.stop(), second.stop()]);
  }
});
