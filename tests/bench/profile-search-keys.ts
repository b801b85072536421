// Runs in: Node. Profiles search as you type in the library UI with Chromium's sampling profiler:
// every key of the bench queries, each waited for until its results are shown, and prints where the
// renderer spends its time (self time by function, and by script file).
//   npx tsx tests/bench/profile-search-keys.ts <data-dir> <renderer-dir> [label]
// `<data-dir>` holds a library (e.g. one kept by run-search-ui-bench.ts --data=…); give it a readable
// renderer build for names that mean something: npx vite build --minify false --outDir <dir>.
import { writeFile } from 'node:fs/promises';
import { startHost } from '../e2e/support/start-host';
import { hostClient } from '../support/host-client';
import { benchContext, launchBenchBrowser } from './bench-browser';
import { SEARCH_PROBE } from './search-probe';
import { uiText } from './ui-text';
import { waitForPageIdle, waitInPage } from './wait-in-page';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const QUERIES = [
  { query: 'council', chinese: false },
  { query: 'drought', chinese: false },
  { query: '政府', chinese: true },
  { query: '市场', chinese: true },
];

function selfTimes(profile: Profile, keyOf: (node: ProfileNode) => string): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const key = keyOf(node);
    out.set(key, (out.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...out.entries()].filter(([name]) => !name.startsWith('(idle)')).sort((a, b) => b[1] - a[1]);
}

const [dataDir, rendererDir, label = 'search'] = process.argv.slice(2);
if (!dataDir || !rendererDir) throw new Error('usage: profile-search-keys.ts <data-dir> <renderer-dir> [label]');
// The browser first: if it cannot start, no host is left running behind.
const browser = await launchBenchBrowser();
const host = await startHost({ dataDir, startTimeoutMs: 120_000, env: { DATELINE_STATIC_DIR: rendererDir } });
try {
  const client = hostClient(host.url);
  await client.call('library.list', { query: 'council', limit: 1 });
  const { total } = await client.call('library.list', { limit: 1 });
  const context = await benchContext(browser);
  const page = await context.newPage();
  await page.addInitScript(SEARCH_PROBE);
  await page.goto(host.url);
  const countText = uiText(total === 1 ? 'library.countOne' : 'library.count', { count: total.toLocaleString('en') });
  const settled = `(() => { const c = document.querySelector('.list-count'); return !!c && c.getAttribute('aria-busy') !== 'true' && c.textContent === ${JSON.stringify(countText)}; })()`;
  await waitInPage(page, settled, 120_000);
  const box = page.getByRole('searchbox', { name: uiText('library.search'), exact: true });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await waitForPageIdle(page);
  await cdp.send('Profiler.start');
  let keys = 0;
  for (const { query, chinese } of QUERIES) {
    await box.click();
    for (const char of query) {
      keys += 1;
      await page.evaluate('window.__benchSearchArm()');
      if (chinese) await page.keyboard.insertText(char);
      else await page.keyboard.press(char);
      await waitInPage(page, 'window.__benchSearch.painted !== null', 60_000);
    }
    await box.fill('');
    await waitInPage(page, settled, 60_000);
  }
  await waitForPageIdle(page);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  await writeFile(`profile-${label}.cpuprofile`, JSON.stringify(profile));
  const byFunction = selfTimes(profile, (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber + 1}`);
  const byFile = selfTimes(profile, (n) => (n.callFrame.url ? (n.callFrame.url.split('/').pop() ?? '') : n.callFrame.functionName || '(native)'));
  const busy = byFile.filter(([name]) => name !== '(program)').reduce((sum, [, ms]) => sum + ms, 0);
  const show = (rows: [string, number][], n: number) => rows.slice(0, n).map(([name, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${name}`).join('\n');
  console.log(`## ${label}: ${keys} search keys (and ${QUERIES.length} clears) over ${total.toLocaleString('en')} articles: ${busy.toFixed(0)} ms of script and GC in the renderer, ${(busy / keys).toFixed(1)} ms a key`);
  console.log(`### Self time by file\n${show(byFile, 12)}\n### Self time by function\n${show(byFunction, 25)}`);
  await context.close();
} finally {
  await browser.close();
  await host.stop();
}
