// Runs in: the benchmark script (Node), injected into the page. Per-keystroke timing measured in
// the page itself, from the keydown event's timeStamp:
// - "work": until a microtask queued by the input listener (window, bubble phase) runs; by then
//   ProseMirror's DOM observer has flushed and the transaction and its handlers have run;
// - "task": until a MessageChannel message posted from that input listener arrives;
// - "paint": until a MessageChannel message posted from the next animation frame arrives.
export interface KeystrokeSamples {
  work: (number | null)[];
  task: (number | null)[];
  paint: (number | null)[];
  keys: number;
}

/** A plain script (no bundler helpers) that installs `window.__benchKeys` once per document. */
export const KEYSTROKE_PROBE = `(() => {
  if (window.__benchKeys) return;
  const state = { armed: false, keys: 0, current: null, work: [], task: [], paint: [] };
  const task = new MessageChannel();
  const paint = new MessageChannel();
  task.port2.onmessage = (e) => { state.task[e.data.seq] = performance.now() - e.data.t0; };
  paint.port2.onmessage = (e) => { state.paint[e.data.seq] = performance.now() - e.data.t0; };
  window.addEventListener('keydown', (event) => {
    if (!state.armed) return;
    const key = { seq: state.keys++, t0: event.timeStamp };
    state.current = key;
    state.work[key.seq] = null;
    state.task[key.seq] = null;
    state.paint[key.seq] = null;
    requestAnimationFrame(() => paint.port1.postMessage(key));
  }, true);
  window.addEventListener('input', () => {
    const key = state.current;
    if (!key) return;
    state.current = null;
    queueMicrotask(() => { state.work[key.seq] = performance.now() - key.t0; });
    task.port1.postMessage(key);
  });
  window.__benchKeys = state;
})();`;

export const ARM_KEYSTROKE_PROBE = `(() => { const s = window.__benchKeys; s.armed = true; s.keys = 0; s.work = []; s.task = []; s.paint = []; s.current = null; })()`;

export const READ_KEYSTROKE_PROBE = `(() => { const s = window.__benchKeys; s.armed = false; return { work: s.work.slice(), task: s.task.slice(), paint: s.paint.slice(), keys: s.keys }; })()`;
