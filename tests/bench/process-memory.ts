// Runs in: the benchmark script (Node, Linux). One process's memory as the kernel counts it, read
// from /proc: resident set (VmRSS), and the pages only this process holds (private clean + dirty from
// smaps_rollup), which leaves out the shared libraries and fonts every Chromium process maps.
import { readFile } from 'node:fs/promises';

export interface ProcessMemory {
  rssMb: number;
  privateMb: number;
}

const MB = 1024;

/** The kB value of one "Name:  1234 kB" line, or NaN when the line is missing. */
function kbField(text: string, name: string): number {
  const kb = new RegExp(`^${name}:\\s+(\\d+)\\s*kB`, 'm').exec(text)?.[1];
  return kb === undefined ? Number.NaN : Number(kb);
}

export function parseProcessMemory(status: string, smapsRollup: string): ProcessMemory {
  return {
    rssMb: kbField(status, 'VmRSS') / MB,
    privateMb: (kbField(smapsRollup, 'Private_Clean') + kbField(smapsRollup, 'Private_Dirty')) / MB,
  };
}

/** NaN for a process that is gone (or unreadable): a sample never stops the soak. */
export async function processMemory(pid: number): Promise<ProcessMemory> {
  const read = (file: string) => readFile(`/proc/${pid}/${file}`, 'utf8').catch(() => '');
  return parseProcessMemory(await read('status'), await read('smaps_rollup'));
}
