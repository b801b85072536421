// Runs in: tests (node). A downloaded update installs only after the page confirmed its last save:
// never over unsaved text.
import { describe, expect, it } from 'vitest';
import { INSTALL_FLUSH_TIMEOUT_MS, UpdateInstallGate } from './update-install-gate';

function gateWith(options: { window?: boolean } = {}) {
  const log: string[] = [];
  const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
  const gate = new UpdateInstallGate({
    requestFlush: () => {
      log.push('flush');
      return options.window ?? true;
    },
    install: () => log.push('install'),
    reportNotSaved: (reason) => log.push(`not saved: ${reason}`),
    setTimer: (fn, ms) => {
      const timer = { fn, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (handle) => {
      (handle as { cleared: boolean }).cleared = true;
    },
  });
  return { gate, log, timers };
}

describe('UpdateInstallGate', () => {
  it('asks the page to save, and installs only once it says the text is saved', () => {
    const { gate, log, timers } = gateWith();
    gate.onDownloaded();
    gate.restartToInstall();
    expect(log).toEqual(['flush']);
    gate.onFlushed(true);
    expect(log).toEqual(['flush', 'install']);
    expect(timers[0]!.cleared).toBe(true);
  });

  it('does not install when the save failed, and can try again later', () => {
    const { gate, log } = gateWith();
    gate.onDownloaded();
    gate.restartToInstall();
    gate.onFlushed(false);
    expect(log).toEqual(['flush', 'not saved: failed']);
    expect(gate.ready).toBe(true);
    gate.restartToInstall();
    gate.onFlushed(true);
    expect(log).toEqual(['flush', 'not saved: failed', 'flush', 'install']);
  });

  it('does not install when the page never answers', () => {
    const { gate, log, timers } = gateWith();
    gate.onDownloaded();
    gate.restartToInstall();
    expect(timers[0]!.ms).toBe(INSTALL_FLUSH_TIMEOUT_MS);
    timers[0]!.fn();
    expect(log).toEqual(['flush', 'not saved: timeout']);
    // A late "saved" after the timeout does not install behind the person's back.
    gate.onFlushed(true);
    expect(log).toEqual(['flush', 'not saved: timeout']);
  });

  it('ignores save answers and restarts before an update was downloaded', () => {
    const { gate, log } = gateWith();
    gate.restartToInstall();
    gate.onFlushed(true);
    expect(log).toEqual([]);
    expect(gate.ready).toBe(false);
  });

  it('installs at once when no window holds text', () => {
    const { gate, log } = gateWith({ window: false });
    gate.onDownloaded();
    gate.restartToInstall();
    expect(log).toEqual(['flush', 'install']);
  });

  it('installs once even if the page answers twice', () => {
    const { gate, log } = gateWith();
    gate.onDownloaded();
    gate.restartToInstall();
    gate.onFlushed(true);
    gate.onFlushed(true);
    gate.restartToInstall();
    expect(log.filter((entry) => entry === 'install')).toHaveLength(1);
  });
});
