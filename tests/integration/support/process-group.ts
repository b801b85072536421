// Runs in: test processes. Starts a server as the leader of its own process group (setsid), and
// stops the whole group: killing only the PHP parent would leave its workers serving.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface GroupProcess {
  /** The leader's pid, which is also the process group id. */
  pid: number;
  child: ChildProcess;
  /** The last few kilobytes of stdout and stderr, for error messages. */
  output(): string;
  /** Resolves with the exit code (or signal) once the leader has exited. */
  exited: Promise<string>;
}

const OUTPUT_LIMIT = 8_000;

export function spawnGroup(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; uid?: number; gid?: number } = {}): GroupProcess {
  // detached: true makes Node call setsid(), so the child leads a new session and process group.
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, uid: options.uid, gid: options.gid, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`));
    child.once('error', (error) => resolve(`spawn error: ${error.message}`));
  });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  return { pid: child.pid, child, output: () => output, exited };
}

interface ProcStat {
  pid: number;
  state: string;
  pgrp: number;
  rssPages: number;
}

function readProcStats(): ProcStat[] {
  const out: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (which may contain spaces) start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.push({ pid: Number(name), state: fields[0] ?? '', pgrp: Number(fields[2]), rssPages: Number(fields[21]) });
    } catch {
      // The process ended while we were looking.
    }
  }
  return out;
}

/** Live (non-zombie) processes of a process group. */
export function livePidsInGroup(pgid: number): number[] {
  return readProcStats()
    .filter((p) => p.pgrp === pgid && p.state !== 'Z' && p.state !== 'X')
    .map((p) => p.pid);
}

/** Resident memory of every live process in the group, in bytes. */
export function groupRssBytes(pgid: number): number {
  const pageSize = 4096;
  return readProcStats()
    .filter((p) => p.pgrp === pgid && p.state !== 'Z')
    .reduce((sum, p) => sum + p.rssPages * pageSize, 0);
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** SIGTERM to the group, then SIGKILL after `graceMs`; resolves when no live process is left. */
export async function stopGroup(pgid: number, graceMs: number): Promise<void> {
  signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (livePidsInGroup(pgid).length > 0) {
    if (Date.now() > deadline) {
      signalGroup(pgid, 'SIGKILL');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const killDeadline = Date.now() + 10_000;
  while (livePidsInGroup(pgid).length > 0 && Date.now() < killDeadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Synchronous last resort when the test process exits without calling stop(). */
export function killGroupNow(pgid: number): void {
  signalGroup(pgid, 'SIGKILL');
}
