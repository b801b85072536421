// Runs in: the benchmark script (Node). Where a renderer's memory lives, by Chromium's own accounts:
// a "memory-infra" dump over CDP Tracing gives each allocator's size per process (blink_gc for the
// DOM's C++ heap, v8, malloc, partition_alloc, shared_memory, ...). Two dumps taken apart in time
// show which allocator grew when the renderer's RSS did and the JS heap did not.
import type { CdpSession } from './cdp-connection';

/** Allocators this many levels deep ("blink_gc/main/heap") are listed. */
const DEPTH = 3;

interface TraceEvent {
  pid?: number;
  ph?: string;
  args?: { dumps?: { allocators?: Record<string, { attrs?: { size?: { value?: string } } }> } };
}

/** Allocator name -> bytes, for process `pid`, from the events of a memory-infra trace. */
export function allocatorSizes(events: readonly TraceEvent[], pid: number): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const event of events) {
    if (event.pid !== pid || event.ph !== 'v') continue;
    for (const [name, dump] of Object.entries(event.args?.dumps?.allocators ?? {})) {
      const hex = dump.attrs?.size?.value;
      // shared_memory has one child per segment; the parent holds their total.
      if (hex === undefined || name.split('/').length > DEPTH || name.startsWith('shared_memory/')) continue;
      sizes.set(name, parseInt(hex, 16));
    }
  }
  return sizes;
}

/** A detailed memory dump of every process through the browser's connection; sizes for `pid`. */
export async function rendererAllocators(browser: CdpSession, pid: number): Promise<Map<string, number>> {
  const events: TraceEvent[] = [];
  const onData = (params: Record<string, unknown>) => events.push(...((params.value as TraceEvent[] | undefined) ?? []));
  let onComplete = () => {};
  const complete = new Promise<void>((resolve) => (onComplete = resolve));
  browser.on('Tracing.dataCollected', onData);
  browser.on('Tracing.tracingComplete', onComplete);
  try {
    await browser.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: ['disabled-by-default-memory-infra'], memoryDumpConfig: { triggers: [] } },
    });
    await browser.send('Tracing.requestMemoryDump', { levelOfDetail: 'detailed', deterministic: true });
    await browser.send('Tracing.end');
    await complete;
  } finally {
    browser.off('Tracing.dataCollected', onData);
    browser.off('Tracing.tracingComplete', onComplete);
  }
  return allocatorSizes(events, pid);
}
