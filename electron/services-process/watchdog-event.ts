// Runs in: main. What the services watchdog reports to its listeners (and to the log).
export type WatchdogEvent =
  | { kind: 'exited'; description: string }
  | { kind: 'restarting'; attempt: number; delayMs: number }
  | { kind: 'ready'; restarts: number }
  | { kind: 'gave-up'; restarts: number };
