// Runs in: renderer. Counts renders of a component when a benchmark or test installed
// `window.__datelineRenderProbe` (an object of counters); otherwise it does nothing.
declare global {
  interface Window {
    __datelineRenderProbe?: Record<string, number>;
  }
}

export function useRenderProbe(name: string): void {
  const probe = typeof window === 'undefined' ? undefined : window.__datelineRenderProbe;
  if (probe) probe[name] = (probe[name] ?? 0) + 1;
}
