// Runs in: the benchmark script (Node). Where a renderer's memory lives, by Chromium's own accounts:
// a "memory-infra" dump over CDP Tracing gives each allocator's size per process (blink_gc for the
// DOM's C++ heap, v8, malloc, partition_alloc, shared_memory, ...). Two dumps taken apart in time
// show which allocator grew when the renderer's RSS did and the JS heap did not. The same dump counts
// the live objects of each C++ type in the DOM's heap (Oilpan), page by page: summed by type, two of
// them show which kinds of DOM-side objects piled up, as a heap census does for the JS heap.
import type { CdpSession } from './cdp-connection';
import type { HeapCensus } from './heap-census';

/** Allocators this many levels deep ("blink_gc/main/heap") are listed, and Oilpan's spaces one deeper. */
const DEPTH = 3;

interface DumpAttr {
  value?: string;
}

interface TraceEvent {
  pid?: number;
  ph?: string;
  args?: { dumps?: { allocators?: Record<string, { attrs?: { size?: DumpAttr; object_count?: DumpAttr; allocated_objects_size?: DumpAttr } }> } };
}

/** One of Oilpan's spaces ("blink_gc/main/heap/NormalPageSpace2", "LargeObjectSpace"), listed one level deeper. */
const OILPAN_SPACE = /^blink_gc\/main\/heap\/[^/]+$/;

/** "blink_gc/main/heap/<space>/pages/page_<n>/types/<type> (0x1a2)": the type, without its index. */
const OILPAN_TYPE = /^blink_gc\/main\/heap\/[^/]+\/pages\/[^/]+\/types\/(.+?)(?: \(0x[0-9a-f]+\))?$/;

/** What one memory dump says about process `pid`: allocator sizes, and Oilpan's live objects by C++ type. */
export interface RendererDump {
  sizes: Map<string, number>;
  oilpan: HeapCensus;
}

/** Allocator name -> bytes, for process `pid`, from the events of a memory-infra trace. */
export function allocatorSizes(events: readonly TraceEvent[], pid: number): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const event of events) {
    if (event.pid !== pid || event.ph !== 'v') continue;
    for (const [name, dump] of Object.entries(event.args?.dumps?.allocators ?? {})) {
      const hex = dump.attrs?.size?.value;
      // shared_memory has one child per segment; the parent holds their total.
      if (hex === undefined || (name.split('/').length > DEPTH && !OILPAN_SPACE.test(name)) || name.startsWith('shared_memory/')) continue;
      sizes.set(name, parseInt(hex, 16));
    }
  }
  return sizes;
}

/** `cppgc::internal::BasicMember<blink::Node, cppgc::internal::StrongMemberTag, ...>` as `Member<Node>`, so a type fits a table cell. */
export function shortTypeName(type: string): string {
  return type
    .replace(/cppgc::internal::|blink::/g, '')
    .replace(/BasicMember<([^<>]+?), StrongMemberTag, DijkstraWriteBarrierPolicy>/g, 'Member<$1>')
    .replace(/BasicMember<([^<>]+?), WeakMemberTag, DijkstraWriteBarrierPolicy>/g, 'WeakMember<$1>')
    .replace(/BasicMember<([^<>]+?), UntracedMemberTag, NoWriteBarrierPolicy>/g, 'UntracedMember<$1>');
}

/** Live objects in the DOM's C++ heap of process `pid`, counted by type over every space and page. */
export function oilpanCensus(events: readonly TraceEvent[], pid: number): HeapCensus {
  const census: HeapCensus = new Map();
  for (const event of events) {
    if (event.pid !== pid || event.ph !== 'v') continue;
    for (const [name, dump] of Object.entries(event.args?.dumps?.allocators ?? {})) {
      const full = OILPAN_TYPE.exec(name)?.[1];
      if (full === undefined) continue;
      const type = shortTypeName(full);
      const entry = census.get(type) ?? { count: 0, bytes: 0 };
      entry.count += parseInt(dump.attrs?.object_count?.value ?? '0', 16);
      entry.bytes += parseInt(dump.attrs?.allocated_objects_size?.value ?? '0', 16);
      census.set(type, entry);
    }
  }
  return census;
}

/** A detailed memory dump of every process through the browser's connection; what it says of `pid`. */
export async function rendererAllocators(browser: CdpSession, pid: number): Promise<RendererDump> {
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
  return { sizes: allocatorSizes(events, pid), oilpan: oilpanCensus(events, pid) };
}
