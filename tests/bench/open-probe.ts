// Runs in: the benchmark script (Node), injected into the page. Times opening an article from the
// library: from the click on "Open" (its event timeStamp) until the body is editable and holds the
// expected figures, the last one with its image; then the next frame, then every photo decoded.
export interface OpenSample {
  ready: number | null;
  painted: number | null;
  loaded: number | null;
}

/** Installs `window.__benchOpen` once per document; arm it with `window.__benchOpenArm(figures)`. */
export const OPEN_PROBE = `(() => {
  if (window.__benchOpen) return;
  const s = window.__benchOpen = { expected: null, t0: null, ready: null, painted: null, loaded: null };
  const frame = new MessageChannel();
  frame.port2.onmessage = () => { s.painted = performance.now() - s.t0; };
  const check = () => {
    if (s.t0 === null || s.ready !== null) return;
    const root = document.querySelector('.ProseMirror[contenteditable="true"]');
    if (!root) return;
    const figures = root.querySelectorAll('figure');
    if (figures.length !== s.expected) return;
    if (s.expected > 0) {
      const img = figures[figures.length - 1].querySelector('img');
      if (!img || !img.getAttribute('src')) return;
    } else if (!root.querySelector('p')) return;
    s.ready = performance.now() - s.t0;
    requestAnimationFrame(() => frame.port1.postMessage(0));
    const waitLoaded = () => {
      const images = [...root.querySelectorAll('figure img')];
      if (images.every((i) => i.complete && i.naturalWidth > 0)) s.loaded = performance.now() - s.t0;
      else requestAnimationFrame(waitLoaded);
    };
    waitLoaded();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['contenteditable', 'src'] });
  window.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    // Armed right before the click on "Open": the first button click after arming is that one.
    if (!button || s.expected === null || s.t0 !== null) return;
    s.t0 = event.timeStamp;
    s.ready = s.painted = s.loaded = null;
  }, true);
  window.__benchOpenArm = (expected) => { s.expected = expected; s.t0 = null; s.ready = s.painted = s.loaded = null; };
})();`;
