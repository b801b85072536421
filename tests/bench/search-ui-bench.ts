// Runs in: the benchmark script (Node). Search as you type in the real library UI: each query is
// typed one character at a time (Latin with key presses, Chinese inserted as an IME commits it) and
// every character is timed from the key until its results are painted.
import type { Browser, Page } from '@playwright/test';
import { benchContext } from './bench-browser';
import { SEARCH_PROBE, type SearchKeySample } from './search-probe';
import { uiText } from './ui-text';
import { waitInPage } from './wait-in-page';

export interface SearchQuery {
  query: string;
  chinese: boolean;
}

export interface SearchUiSamples {
  latin: SearchKeySample[];
  chinese: SearchKeySample[];
  /** What the keys cost besides time: library.list requests sent, their response bytes, and renders per component. */
  work: SearchUiWork;
}

export interface SearchUiWork {
  keys: number;
  requests: number;
  responseBytes: number;
  renders: Record<string, number>;
}

/** Opens the library at `url`, waits for its list (the count says `countText`), then types every query. */
export async function measureSearchUi(browser: Browser, url: string, countText: string, queries: readonly SearchQuery[]): Promise<SearchUiSamples> {
  const context = await benchContext(browser);
  try {
    const page = await context.newPage();
    await page.addInitScript(`window.__datelineRenderProbe = {};\n${SEARCH_PROBE}`);
    let counting = false;
    const work: SearchUiWork = { keys: 0, requests: 0, responseBytes: 0, renders: {} };
    const bodies: Promise<void>[] = [];
    page.on('response', (response) => {
      if (!counting || !response.url().endsWith('/library.list')) return;
      work.requests += 1;
      bodies.push(response.body().then((body) => void (work.responseBytes += body.length), () => undefined));
    });
    await page.goto(url);
    const box = page.getByRole('searchbox', { name: uiText('library.search'), exact: true });
    await waitForCount(page, countText);
    const out: SearchUiSamples = { latin: [], chinese: [], work };
    for (const { query, chinese } of queries) {
      await box.click();
      await page.evaluate('window.__datelineRenderProbe = {}');
      counting = true;
      for (const char of query) {
        work.keys += 1;
        await page.evaluate('window.__benchSearchArm()');
        if (chinese) await page.keyboard.insertText(char);
        else await page.keyboard.press(char);
        await waitInPage(page, 'window.__benchSearch.painted !== null', 60_000);
        (chinese ? out.chinese : out.latin).push((await page.evaluate('({ ready: window.__benchSearch.ready, painted: window.__benchSearch.painted })')) as SearchKeySample);
      }
      counting = false;
      const renders = (await page.evaluate('({ ...window.__datelineRenderProbe })')) as Record<string, number>;
      for (const [name, n] of Object.entries(renders)) work.renders[name] = (work.renders[name] ?? 0) + n;
      await box.fill('');
      await waitForCount(page, countText);
    }
    await Promise.all(bodies);
    return out;
  } finally {
    await context.close();
  }
}

async function waitForCount(page: Page, countText: string): Promise<void> {
  await waitInPage(page, `(() => { const c = document.querySelector('.list-count'); return !!c && c.getAttribute('aria-busy') !== 'true' && c.textContent === ${JSON.stringify(countText)}; })()`, 120_000);
}
