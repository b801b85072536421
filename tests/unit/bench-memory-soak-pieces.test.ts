// Runs in: vitest (Node, Linux) with the tests' Chromium. The memory soak's pieces: reading a
// process's memory from /proc, telling which renderer serves a page, the keys it types and its table;
// and a smoke run at a tiny size in bare TipTap (every key lands, every sample is a number). No
// memory or timing figure is checked (the machine is shared). The pages run in a Chromium driven over
// a bare CDP connection, as the soak runs them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocatorGrowthTable } from '../bench/allocator-growth-table';
import { censusGrowthTable } from '../bench/census-growth-table';
import { censusGrowth, censusOf, takeHeapCensus } from '../bench/heap-census';
import { memorySoakTable, warmSample, type PageSample, type SoakSample } from '../bench/memory-soak-table';
import { parseProcessMemory, processMemory } from '../bench/process-memory';
import { printTable } from '../bench/print-table';
import { keyEvent, launchPlainChromium, type PlainChromium } from '../bench/plain-chromium';
import { allocatorSizes, oilpanCensus, rendererAllocators, shortTypeName } from '../bench/renderer-allocators';
import { busiestPid } from '../bench/renderer-pid';
import { openBareTiptap, soakKey, soakPage } from '../bench/soak-page';

describe('parseProcessMemory', () => {
  it('reads VmRSS and adds private clean and dirty, in MB', () => {
    const status = 'Name:\tchromium\nVmPeak:\t  999999 kB\nVmRSS:\t  204800 kB\nRssAnon:\t 1 kB\n';
    const rollup = '55d0-7ffe ---p 00000000 00:00 0 [rollup]\nRss:  204800 kB\nPss: 1000 kB\nPrivate_Clean:  1024 kB\nPrivate_Dirty:  50176 kB\n';
    expect(parseProcessMemory(status, rollup)).toEqual({ rssMb: 200, privateMb: 50 });
  });

  it('says NaN for a process it cannot read', () => {
    const memory = parseProcessMemory('', '');
    expect(memory.rssMb).toBeNaN();
    expect(memory.privateMb).toBeNaN();
  });

  it('reads this process', async () => {
    const memory = await processMemory(process.pid);
    expect(memory.rssMb).toBeGreaterThan(0);
    expect(memory.privateMb).toBeGreaterThan(0);
  });
});

describe('busiestPid', () => {
  const renderer = (id: number, cpuTime: number) => ({ type: 'renderer', id, cpuTime });
  it('picks the renderer whose CPU time grew by far the most, and only renderers', () => {
    const before = [renderer(1, 1), renderer(2, 0.5), { type: 'GPU', id: 3, cpuTime: 0 }];
    const after = [renderer(1, 1.05), renderer(2, 0.9), { type: 'GPU', id: 3, cpuTime: 5 }, renderer(4, 0.01)];
    expect(busiestPid(before, after)).toBe(2);
  });

  it('refuses to guess when two grew alike or none grew', () => {
    expect(busiestPid([renderer(1, 0), renderer(2, 0)], [renderer(1, 0.3), renderer(2, 0.2)])).toBeUndefined();
    expect(busiestPid([renderer(1, 1)], [renderer(1, 1)])).toBeUndefined();
  });
});

describe('soakKey', () => {
  it('types letters and spaces, and Enter every 40 keys', () => {
    expect(soakKey(0)).toBe('a');
    expect(soakKey(26)).toBe('Space');
    expect(soakKey(39)).toBe('Enter');
    expect(soakKey(79)).toBe('Enter');
    expect(Array.from({ length: 400 }, (_, i) => soakKey(i)).filter((k) => k === 'Enter')).toHaveLength(10);
  });
});

describe('keyEvent', () => {
  it('gives each key the soak types its code, text and key code', () => {
    expect(keyEvent('a')).toEqual({ key: 'a', code: 'KeyA', text: 'a', windowsVirtualKeyCode: 65 });
    expect(keyEvent('Space')).toEqual({ key: ' ', code: 'Space', text: ' ', windowsVirtualKeyCode: 32 });
    expect(keyEvent('Enter')).toEqual({ key: 'Enter', code: 'Enter', text: '\r', windowsVirtualKeyCode: 13 });
    expect(() => keyEvent('Tab')).toThrow();
  });
});

describe('memorySoakTable', () => {
  const page = (heapMb: number, rendererRssMb: number): PageSample => ({
    heapMb,
    nodes: 100,
    listeners: 10,
    rendererRssMb,
    rendererPrivateMb: rendererRssMb / 2,
    gpuRssMb: Number.NaN,
  });
  const at = (minute: number, keys: number, app: PageSample, bare: PageSample): SoakSample => ({ minute, keys, app, bare, hostRssMb: 60 });
  const samples = [at(0, 0, page(10, 200), page(3, 150)), at(1, 500, page(12, 210), page(4, 160)), at(2, 1000, page(12.5, 230), page(4, 161))];

  it('counts growth from minute 1, after the warm-up', () => {
    expect(warmSample(samples)).toBe(samples[1]);
    expect(warmSample(samples.slice(0, 1))).toBe(samples[0]);
  });

  it('prints a row per sample and the growth from minute 1 to the end, app beside bare', () => {
    const table = memorySoakTable(samples, 20_000);
    expect(table.rows).toHaveLength(4);
    const delta = table.rows[3]!;
    expect(delta[0]).toBe('Δ 1.0 → 2.0');
    expect(delta[1]).toBe(500);
    const column = (header: string) => table.headers.indexOf(header);
    expect(delta[column('JS heap MB (app / bare)')]).toBe('+0.5 / +0.0');
    expect(delta[column('renderer RSS MB (app / bare)')]).toBe('+20 / +1');
    expect(delta[column('GPU process RSS MB (app / bare)')]).toBe('– / –');
    expect(printTable(table)).toContain('| 2.0 ');
  });

  it('adds the sample taken after memory pressure under the growth', () => {
    const table = memorySoakTable(samples, 20_000, at(2.1, 1000, page(11, 190), page(4, 150)));
    expect(table.rows).toHaveLength(5);
    expect(table.rows[4]![0]).toBe('after memory pressure');
    expect(table.rows[4]![table.headers.indexOf('renderer RSS MB (app / bare)')]).toBe('190 / 150');
  });
});

describe('memory soak pages (smoke)', () => {
  let browser: PlainChromium;
  beforeAll(async () => {
    browser = await launchPlainChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds the bare page\'s own renderer, types into it and samples it', async () => {
    const page = await openBareTiptap(browser, '<p>One paragraph of the soak.</p><p>Another one.</p>');
    await page.evaluate('document.querySelector("#bare .ProseMirror").focus()');
    const soak = await soakPage(browser, page);
    const before = await soak.sample();
    for (let i = 0; i < 41; i++) await soak.typeKey(soakKey(i));
    const after = await soak.sample();
    const paragraphs = await page.evaluate('document.querySelectorAll("#bare .ProseMirror p").length');
    expect(paragraphs).toBe(3);
    for (const sample of [before, after]) {
      for (const [measure, value] of Object.entries(sample)) expect(Number.isFinite(value), measure).toBe(true);
    }
    expect(after.nodes).toBeGreaterThan(before.nodes);
    const renderers = (await browser.processes()).filter((p) => p.type === 'renderer');
    expect(renderers.map((p) => p.id)).toContain(soak.rendererPid);
    const census = await takeHeapCensus(page.cdp);
    expect(census.get('native:<p>')?.count ?? 0).toBeGreaterThanOrEqual(3);
    const allocators = await rendererAllocators(browser.connection, soak.rendererPid);
    expect(allocators.sizes.get('blink_gc') ?? 0).toBeGreaterThan(0);
    expect(allocators.sizes.get('v8') ?? 0).toBeGreaterThan(0);
    // The page's three paragraphs, and Chromium's own elements around them, are live in Oilpan.
    expect([...allocators.oilpan.entries()].some(([type, live]) => /Element/.test(type) && live.count >= 3)).toBe(true);
  });
});

describe('heap census', () => {
  // Three nodes of (type, name, id, self_size): two Transactions and one string.
  const snapshot = (transactions: number) => ({
    snapshot: { meta: { node_fields: ['type', 'name', 'id', 'self_size'], node_types: [['hidden', 'object', 'string']] as [string[]] } },
    nodes: [...Array.from({ length: transactions }, (_, i) => [1, 0, i, 100]).flat(), 2, 1, 99, 40],
    strings: ['Transaction', 'some text'],
  });

  it('counts objects by kind and their own bytes; strings by kind, not by content', () => {
    const census = censusOf(snapshot(2));
    expect(census.get('object:Transaction')).toEqual({ count: 2, bytes: 200 });
    expect(census.get('string')).toEqual({ count: 1, bytes: 40 });
  });

  it('lists what grew most first, and prints both pages', () => {
    const grown = censusGrowth(censusOf(snapshot(2)), censusOf(snapshot(5)), 1);
    expect(grown).toEqual([{ kind: 'object:Transaction', count: 3, bytes: 300 }]);
    const table = censusGrowthTable({ app: censusOf(snapshot(2)), bare: censusOf(snapshot(2)) }, { app: censusOf(snapshot(5)), bare: censusOf(snapshot(2)) });
    expect(table.rows[0]).toEqual(['app', 'object:Transaction', 3, '0']);
    expect(table.rows.some((row) => row[0] === 'bare TipTap')).toBe(true);
  });
});

describe('renderer allocators', () => {
  const dump = (pid: number, blinkMb: number) => ({
    pid,
    ph: 'v',
    args: {
      dumps: {
        allocators: {
          blink_gc: { attrs: { size: { value: (blinkMb * 2 ** 20).toString(16) } } },
          'blink_gc/main/heap': { attrs: { size: { value: (blinkMb * 2 ** 20).toString(16) } } },
          'blink_gc/main/heap/too/deep': { attrs: { size: { value: '10' } } },
          'blink_gc/main/heap/NormalPageSpace3': { attrs: { size: { value: '30' } } },
          'blink_gc/main/heap/NormalPageSpace3/pages/page_0/types/blink::Text (0x1a)': { attrs: { object_count: { value: '3' }, allocated_objects_size: { value: 'c0' } } },
          'blink_gc/main/heap/NormalPageSpace1/pages/page_4/types/blink::Text (0x1a)': { attrs: { object_count: { value: '2' }, allocated_objects_size: { value: '80' } } },
          'blink_gc/main/heap/CustomSpace0/pages/page_0/types/blink::HeapVectorBacking<cppgc::internal::BasicMember<blink::Node, cppgc::internal::StrongMemberTag, cppgc::internal::DijkstraWriteBarrierPolicy>> (0x21c)': {
            attrs: { object_count: { value: '1' }, allocated_objects_size: { value: '20' } },
          },
          shared_memory: { attrs: { size: { value: '200000' } } },
          'shared_memory/0A1B': { attrs: { size: { value: '200000' } } },
        },
      },
    },
  });

  it('reads each allocator\'s size for one process, three levels deep, Oilpan\'s spaces one deeper, shared memory as one', () => {
    const sizes = allocatorSizes([dump(7, 10), dump(8, 99), { pid: 7, ph: 'X' }], 7);
    expect(sizes).toEqual(
      new Map([
        ['blink_gc', 10 * 2 ** 20],
        ['blink_gc/main/heap', 10 * 2 ** 20],
        ['blink_gc/main/heap/NormalPageSpace3', 0x30],
        ['shared_memory', 0x200000],
      ]),
    );
  });

  it('counts Oilpan\'s live objects by type over its spaces and pages, with short type names', () => {
    const census = oilpanCensus([dump(7, 10), dump(8, 99)], 7);
    expect(census.get('Text')).toEqual({ count: 5, bytes: 0x140 });
    expect(census.get('HeapVectorBacking<Member<Node>>')).toEqual({ count: 1, bytes: 0x20 });
    expect(census.size).toBe(2);
    expect(shortTypeName('cppgc::internal::BasicMember<blink::Text, cppgc::internal::WeakMemberTag, cppgc::internal::DijkstraWriteBarrierPolicy>')).toBe('WeakMember<Text>');
  });

  it('lists the allocators that grew most, app beside bare', () => {
    const at = (app: number, bare: number) => ({
      app: { sizes: allocatorSizes([dump(1, app)], 1), oilpan: new Map() },
      bare: { sizes: allocatorSizes([dump(2, bare)], 2), oilpan: new Map() },
    });
    const table = allocatorGrowthTable(at(10, 10), at(20, 11));
    expect(table.rows[0]).toEqual(['blink_gc', '10.0 / 1.0', '20.0 / 11.0']);
    expect(table.rows.at(-1)?.[0]).toBe('shared_memory');
  });
});
