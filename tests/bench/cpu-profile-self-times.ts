// Runs in: the benchmark scripts (Node). A Chromium CPU profile's self time per function and file
// (bottom-up), and the busiest of them as printable lines.
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

export function selfTimes(profile: CpuProfile): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const file = node.callFrame.url.split('/').pop() ?? '';
    const key = `${node.callFrame.functionName || '(anonymous)'} ${file}:${node.callFrame.lineNumber + 1}`;
    out.set(key, (out.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return out;
}

export function topSelfTimes(times: Map<string, number>, n: number): string[] {
  const busy = [...times.entries()].filter(([name]) => !name.startsWith('(idle)') && !name.startsWith('(program)'));
  const sum = busy.reduce((a, [, ms]) => a + ms, 0);
  return [
    `busy ${sum.toFixed(0)} ms`,
    ...busy
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${name}`),
  ];
}
