// Runs in: the benchmark scripts (Node). Sums a Chromium trace's renderer main-thread events by name
// (style, layout, paint, scripts…), so two pages doing the same keys can be compared phase by phase:
// the JavaScript profiler sees scripts and forced layouts, not the frame's own rendering work.
export interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Milliseconds per event name on the renderer's main thread ("CrRendererMain"), nested events counted in their own rows. */
export function mainThreadPhases(events: readonly TraceEvent[]): Map<string, number> {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const out = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined || !mains.has(`${e.pid}:${e.tid}`)) continue;
    out.set(e.name, (out.get(e.name) ?? 0) + e.dur / 1000);
  }
  return out;
}

/** The phases both pages spent most in, as lines "name  app  bare  ratio". */
export function phaseRows(app: Map<string, number>, bare: Map<string, number>, n: number): string[] {
  const names = [...new Set([...app.keys(), ...bare.keys()])].sort((a, b) => Math.max(app.get(b) ?? 0, bare.get(b) ?? 0) - Math.max(app.get(a) ?? 0, bare.get(a) ?? 0));
  return names.slice(0, n).map((name) => {
    const a = app.get(name) ?? 0;
    const b = bare.get(name) ?? 0;
    return `${name.padEnd(44)} ${a.toFixed(1).padStart(9)} ${b.toFixed(1).padStart(9)} ${b > 0 ? (a / b).toFixed(2) + '×' : '—'}`;
  });
}
