// A reporter starts Dateline: the library's rows come first. The page asks for them before React's
// first render, and loads only the scripts index.html names until they are on screen; the editor's
// chunk comes after, from the host under the app's CSP, so writing a story works as before.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { DatelineApp } from './support/dateline-app';
import { startHost, type RunningHost } from './support/start-host';

const RENDERER = resolve(import.meta.dirname, '..', '..', 'dist', 'renderer');

/** The scripts the built index.html loads before the app runs: its entry module and the chunks it preloads. */
function scriptsNamedByPage(): string[] {
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
}

/**
 * Records, in the page, when #root first gets content (React's first commit), and when the count
 * first reads `countText` after the list was busy (answered): when library.list was asked and which
 * scripts had loaded by then.
 */
function firstPaintProbe(countText: string): string {
  return `(() => {
  const s = window.__firstPaint = { sawBusy: false, rootFilled: null, listed: null, listAsked: null, scripts: null };
  const observer = new MutationObserver(() => {
    const root = document.getElementById('root');
    if (s.rootFilled === null && root && root.firstChild) s.rootFilled = performance.now();
    const count = document.querySelector('.list-count');
    if (!count) return;
    if (count.getAttribute('aria-busy') === 'true') { s.sawBusy = true; return; }
    if (!s.sawBusy || count.textContent !== ${JSON.stringify(countText)}) return;
    s.listed = performance.now();
    const entries = performance.getEntriesByType('resource');
    const list = entries.find((e) => e.name.includes('library.list'));
    s.listAsked = list ? list.startTime : null;
    s.scripts = entries.filter((e) => new URL(e.name).pathname.endsWith('.js')).map((e) => new URL(e.name).pathname.replace(/^\\//, ''));
    observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-busy'] });
})();`;
}

interface FirstPaint {
  rootFilled: number | null;
  listed: number | null;
  listAsked: number | null;
  scripts: string[] | null;
}

let host: RunningHost;

test.beforeAll(async () => {
  host = await startHost();
});

test.afterAll(async () => {
  await host.stop();
});

test('the library is asked for before the first render and painted from the entry scripts alone; a story still opens', async ({ page }) => {
  const app = new DatelineApp(page);
  await page.addInitScript(firstPaintProbe(app.text('library.count', { count: 0 })));
  await page.goto(host.url);
  await expect.poll(() => page.evaluate('window.__firstPaint.listed !== null')).toBe(true);
  const probe = (await page.evaluate('({ ...window.__firstPaint })')) as FirstPaint;
  expect(probe.listed).not.toBeNull();
  expect(probe.rootFilled).not.toBeNull();
  expect(probe.listAsked).not.toBeNull();
  // Asked while React rendered the shell, not after it committed.
  expect(probe.listAsked as number).toBeLessThan(probe.rootFilled as number);
  const named = scriptsNamedByPage();
  expect(named.length).toBeGreaterThan(0);
  expect((probe.scripts ?? []).filter((script) => !named.includes(script))).toEqual([]);

  // The editor comes from its own chunk, which the host serves and the CSP allows.
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') blocked.push(message.text());
  });
  await app.newArticle();
  await app.textbox('article.headline').fill('Flood closes bridge');
  await expect(app.body).toBeVisible();
  await expect(page.getByRole('textbox', { name: app.text('metadata.slug'), exact: true })).toHaveValue('flood-closes-bridge');
  const scripts = (await page.evaluate("performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js'))")) as string[];
  expect(scripts.length).toBeGreaterThan(named.length);
  expect(blocked).toEqual([]);
});
