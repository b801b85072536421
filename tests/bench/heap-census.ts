// Runs in: the benchmark script (Node). A census of a page's JS heap: how many objects of each kind
// and their own bytes, from a CDP heap snapshot (HeapProfiler). Two censuses taken apart in time show
// which kinds of objects a page keeps piling up: the first thing to look at when its heap grows.
import type { CdpSession } from './cdp-connection';

export interface CensusEntry {
  count: number;
  bytes: number;
}

export type HeapCensus = Map<string, CensusEntry>;

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/** Objects counted by "type:name" (e.g. "object:Transaction", "closure:handler", "string"). */
export function censusOf(snapshot: HeapSnapshot): HeapCensus {
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('name'), fields.indexOf('self_size')];
  const census: HeapCensus = new Map();
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = types[snapshot.nodes[i + typeAt]!] ?? '?';
    // Strings, numbers and code are counted by kind: their "names" are their contents.
    const named = type === 'object' || type === 'closure' || type === 'native' || type === 'array';
    const key = named ? `${type}:${snapshot.strings[snapshot.nodes[i + nameAt]!] ?? '?'}` : type;
    const entry = census.get(key) ?? { count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += snapshot.nodes[i + sizeAt]!;
    census.set(key, entry);
  }
  return census;
}

export async function takeHeapCensus(cdp: CdpSession): Promise<HeapCensus> {
  const chunks: string[] = [];
  const onChunk = (params: Record<string, unknown>) => chunks.push(String(params.chunk));
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return censusOf(JSON.parse(chunks.join('')) as HeapSnapshot);
}

export interface CensusGrowth extends CensusEntry {
  kind: string;
}

/** The kinds that grew most in bytes from `before` to `after`, largest first. */
export function censusGrowth(before: HeapCensus, after: HeapCensus, top: number): CensusGrowth[] {
  const grown: CensusGrowth[] = [];
  for (const [kind, now] of after) {
    const was = before.get(kind) ?? { count: 0, bytes: 0 };
    grown.push({ kind, count: now.count - was.count, bytes: now.bytes - was.bytes });
  }
  return grown.sort((a, b) => b.bytes - a.bytes).slice(0, top);
}
