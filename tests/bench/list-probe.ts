// Runs in: the benchmark script (Node), injected into the page before the app loads. Times, from
// navigation start, when the library has loaded (the count shows `countText` after the list
// request) and its first row (or the empty-library message) is in the DOM, then the next frame; and
// the boot's milestones before it (page received, scripts received, scripts evaluated), and when the
// first row showed and was painted, before the count was complete (a big library lists its first
// screen while the rest of its summaries is still being read).
export interface ListSample {
  ready: number;
  painted: number;
  /** The page's own library.list request (resource timing), to split boot / request / render. */
  requestStart: number | null;
  responseEnd: number | null;
  /** The page (index.html) received. */
  htmlEnd: number | null;
  /** The last script the page loaded before the list was ready, received. */
  scriptsEnd: number | null;
  /** DOMContentLoaded: every module script of the page evaluated (React has not rendered yet). */
  evaluated: number | null;
  /** Bytes of script (decoded) the page loaded before the list was ready. */
  scriptBytes: number;
  /** The page's first library.list request (the one above is the last before the count was complete). */
  firstListStart: number | null;
  firstListEnd: number | null;
  /** The first row in the DOM, whatever the count said then; and the next frame. */
  firstRow: number | null;
  firstRowPainted: number | null;
}

export function listProbe(countText: string, rowSelector: string): string {
  return `(() => {
  const s = window.__benchList = { sawBusy: false, ready: null, painted: null, requestStart: null, responseEnd: null, htmlEnd: null, scriptsEnd: null, evaluated: null, scriptBytes: 0, firstRow: null, firstRowPainted: null, firstListStart: null, firstListEnd: null };
  const firstFrame = new MessageChannel();
  firstFrame.port2.onmessage = () => { s.firstRowPainted = performance.now(); };
  const frame = new MessageChannel();
  frame.port2.onmessage = () => { s.painted = performance.now(); };
  const observer = new MutationObserver(() => {
    if (s.ready !== null) return;
    if (s.firstRow === null && document.querySelector(${JSON.stringify(rowSelector)})) {
      s.firstRow = performance.now();
      requestAnimationFrame(() => firstFrame.port1.postMessage(0));
    }
    const count = document.querySelector('.list-count');
    if (!count) return;
    if (count.getAttribute('aria-busy') === 'true') { s.sawBusy = true; return; }
    if (!s.sawBusy || count.textContent !== ${JSON.stringify(countText)} || !document.querySelector(${JSON.stringify(rowSelector)})) return;
    s.ready = performance.now();
    observer.disconnect();
    const lists = performance.getEntriesByType('resource').filter((e) => e.name.includes('library.list'));
    const list = lists.at(-1);
    if (list) { s.requestStart = list.startTime; s.responseEnd = list.responseEnd; }
    if (lists[0]) { s.firstListStart = lists[0].startTime; s.firstListEnd = lists[0].responseEnd; }
    const nav = performance.getEntriesByType('navigation')[0];
    if (nav) { s.htmlEnd = nav.responseEnd; s.evaluated = nav.domContentLoadedEventStart || null; }
    for (const e of performance.getEntriesByType('resource')) {
      if (!e.name.split('?')[0].endsWith('.js') || e.responseEnd > s.ready) continue;
      s.scriptBytes += e.decodedBodySize;
      s.scriptsEnd = Math.max(s.scriptsEnd ?? 0, e.responseEnd);
    }
    requestAnimationFrame(() => frame.port1.postMessage(0));
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-busy'] });
})();`;
}
