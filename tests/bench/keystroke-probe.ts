// Runs in: the benchmark script (Node), injected into the page. Per-keystroke timing measured in
// the page itself, from the keydown event's timeStamp:
// - "work": until a microtask queued by the input listener (window, bubble phase) runs; by then
//   ProseMirror's DOM observer has flushed and the transaction and its handlers have run. A key the
//   editor handles itself (Enter in ProseMirror prevents the default, so no input event follows) is
//   timed from the keydown listener (window, bubble phase) instead, after the editor's handler;
// - "task": until a MessageChannel message posted from that listener arrives;
// - "paint": until a MessageChannel message posted from the next animation frame arrives;
// - "idle": until the frame after the next idle period: requestIdleCallback is asked from the key's
//   first frame, so it runs after whatever idle work the key queued before it (idle callbacks run
//   in order), and a frame the app's idle work delays is counted.
// Beside them, Chromium's own long animation frames (LoAF, 50 ms or more) while the keys are pressed,
// with the scripts that ran in each: what actually held the main thread, where "idle" also counts
// time the page merely waited for an idle period.
export interface LongFrame {
  duration: number;
  /** Of `duration`, what was not rendering: scripts, tasks and forced layouts. */
  blocking: number;
  /** "invoker (type) duration source" per script that ran in the frame, longest first. */
  scripts: string[];
}

export interface KeystrokeSamples {
  work: (number | null)[];
  task: (number | null)[];
  paint: (number | null)[];
  idle: (number | null)[];
  keys: number;
  /** Null when this Chromium has no long-animation-frame entries. */
  longFrames: LongFrame[] | null;
}

export const KEYSTROKE_MEASURES = ['work', 'task', 'paint', 'idle'] as const;
export type KeystrokeMeasure = (typeof KEYSTROKE_MEASURES)[number];

/** A plain script (no bundler helpers) that installs `window.__benchKeys` once per document. */
export const KEYSTROKE_PROBE = `(() => {
  if (window.__benchKeys) return;
  const state = { armed: false, keys: 0, current: null, work: [], task: [], paint: [], idle: [], longFrames: [] };
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    new PerformanceObserver((list) => {
      if (!state.armed) return;
      for (const e of list.getEntries()) {
        const scripts = [...e.scripts].sort((a, b) => b.duration - a.duration).slice(0, 3);
        state.longFrames.push({
          duration: e.duration,
          blocking: e.blockingDuration,
          scripts: scripts.map((s) => s.invoker + ' (' + s.invokerType + ') ' + Math.round(s.duration) + ' ms ' + (s.sourceFunctionName || '') + ' ' + String(s.sourceURL).split('/').pop()),
        });
      }
    }).observe({ type: 'long-animation-frame' });
  }
  const task = new MessageChannel();
  const paint = new MessageChannel();
  task.port2.onmessage = (e) => { state.task[e.data.seq] = performance.now() - e.data.t0; };
  paint.port2.onmessage = (e) => { state.paint[e.data.seq] = performance.now() - e.data.t0; };
  const handled = (key) => {
    queueMicrotask(() => { state.work[key.seq] = performance.now() - key.t0; });
    task.port1.postMessage(key);
  };
  window.addEventListener('keydown', (event) => {
    if (!state.armed) return;
    const key = { seq: state.keys++, t0: event.timeStamp };
    state.current = key;
    state.work[key.seq] = null;
    state.task[key.seq] = null;
    state.paint[key.seq] = null;
    state.idle[key.seq] = null;
    requestAnimationFrame(() => {
      paint.port1.postMessage(key);
      requestIdleCallback(() => requestAnimationFrame(() => { state.idle[key.seq] = performance.now() - key.t0; }), { timeout: 5000 });
    });
  }, true);
  window.addEventListener('keydown', (event) => {
    const key = state.current;
    if (!key || !event.defaultPrevented) return;
    state.current = null;
    handled(key);
  });
  window.addEventListener('input', () => {
    const key = state.current;
    if (!key) return;
    state.current = null;
    handled(key);
  });
  window.__benchKeys = state;
})();`;

export const ARM_KEYSTROKE_PROBE = `(() => { const s = window.__benchKeys; s.armed = true; s.keys = 0; s.work = []; s.task = []; s.paint = []; s.idle = []; s.longFrames = []; s.current = null; })()`;

/** True once every armed key has all its measures (or the page gave up on them). */
export const KEYSTROKE_PROBE_DONE = `(() => { const s = window.__benchKeys; for (let i = 0; i < s.keys; i++) if (s.idle[i] === null || s.paint[i] === null) return false; return true; })()`;

export const READ_KEYSTROKE_PROBE = `(() => { const s = window.__benchKeys; s.armed = false; return { work: s.work.slice(), task: s.task.slice(), paint: s.paint.slice(), idle: s.idle.slice(), keys: s.keys, longFrames: PerformanceObserver.supportedEntryTypes.includes('long-animation-frame') ? s.longFrames.slice() : null }; })()`;
