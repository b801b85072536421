// Runs in: main (pure, no electron import). Decides whether a closing window may close: first the
// page is asked to save pending edits; the window closes once it confirms. If the save failed or
// no answer came in time, the person chooses between keeping the window and closing anyway.

export interface CloseGateHooks {
  /** Asks the page to flush its pending save (sends `app.flush`). */
  requestFlush(): void;
  /** Closes the window for real (the gate lets this close through). */
  close(): void;
  /** Asks the person; resolves true for "Close anyway". */
  confirmCloseUnsaved(reason: 'failed' | 'timeout'): Promise<boolean>;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/** How long a closing window waits for the page's answer before asking the person. */
export const CLOSE_FLUSH_TIMEOUT_MS = 10_000;

export class CloseGate {
  private phase: 'open' | 'flushing' | 'asking' | 'closing' = 'open';
  private timer: unknown = null;

  constructor(private readonly hooks: CloseGateHooks) {}

  /** Called from the window's `close` event; returns true when the close may proceed now. */
  onCloseRequested(): boolean {
    if (this.phase === 'closing') return true;
    if (this.phase === 'open') {
      this.phase = 'flushing';
      this.hooks.requestFlush();
      this.timer = this.hooks.setTimer(() => void this.settle(false, 'timeout'), CLOSE_FLUSH_TIMEOUT_MS);
    }
    return false;
  }

  /** The page's answer to `app.flush`. Ignored unless a close is waiting for it. */
  onFlushed(ok: boolean): void {
    if (this.phase === 'flushing') void this.settle(ok, 'failed');
  }

  private async settle(ok: boolean, reason: 'failed' | 'timeout'): Promise<void> {
    if (this.timer !== null) this.hooks.clearTimer(this.timer);
    this.timer = null;
    if (ok) return this.closeNow();
    this.phase = 'asking';
    const closeAnyway = await this.hooks.confirmCloseUnsaved(reason);
    if (closeAnyway) this.closeNow();
    else this.phase = 'open';
  }

  private closeNow(): void {
    this.phase = 'closing';
    this.hooks.close();
  }
}
