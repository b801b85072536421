// Runs in: the benchmark script (Node), injected into the library page before the app loads. Times
// search as you type in the real library UI: from a key in the search box (its keydown, or the input
// event for text inserted without one, as an IME commits) until the list has asked for the words in
// the box and shown its answer (the count went busy, or was busy already, then not), then the next frame.
export interface SearchKeySample {
  ready: number | null;
  painted: number | null;
}

/** Installs `window.__benchSearch`; `window.__benchSearchArm()` before each key. */
export const SEARCH_PROBE = `(() => {
  if (window.__benchSearch) return;
  const s = window.__benchSearch = { armed: false, t0: null, sawBusy: false, ready: null, painted: null };
  const frame = new MessageChannel();
  frame.port2.onmessage = () => { s.painted = performance.now() - s.t0; };
  const start = (event) => {
    if (!s.armed || s.t0 !== null) return;
    if (!(event.target instanceof Element) || event.target.getAttribute('role') !== 'searchbox') return;
    s.t0 = event.timeStamp;
    // A question already out (a refresh) keeps the count busy until the newest answer: no change to see.
    if (document.querySelector('.list-count')?.getAttribute('aria-busy') === 'true') s.sawBusy = true;
  };
  window.addEventListener('keydown', start, true);
  window.addEventListener('input', start, true);
  new MutationObserver(() => {
    if (s.t0 === null || s.ready !== null) return;
    const count = document.querySelector('.list-count');
    if (!count) return;
    if (count.getAttribute('aria-busy') === 'true') { s.sawBusy = true; return; }
    if (!s.sawBusy) return;
    s.ready = performance.now() - s.t0;
    requestAnimationFrame(() => frame.port1.postMessage(0));
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-busy'] });
  window.__benchSearchArm = () => { s.armed = true; s.t0 = null; s.sawBusy = false; s.ready = null; s.painted = null; };
})();`;
