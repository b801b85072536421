// Runs in: main (pure, no electron import). A downloaded update installs only on a restart that comes
// after the page confirmed its last save: "Restart now" asks the page to flush pending edits, and
// only its "saved" answer lets the installer run. A failed or missing answer keeps the app open.

export interface UpdateInstallGateHooks {
  /** Asks the page to save pending edits (sends `app.flush`); false when there is no page to ask. */
  requestFlush(): boolean;
  /** Quits and runs the installer (electron-updater's quitAndInstall). */
  install(): void;
  /** Tells the person the update waits because the text could not be saved. */
  reportNotSaved(reason: 'failed' | 'timeout'): void;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const INSTALL_FLUSH_TIMEOUT_MS = 10_000;

export class UpdateInstallGate {
  private phase: 'idle' | 'downloaded' | 'flushing' | 'installing' = 'idle';
  private timer: unknown = null;

  constructor(private readonly hooks: UpdateInstallGateHooks) {}

  get ready(): boolean {
    return this.phase === 'downloaded';
  }

  /** The update's file is on disk and verified. */
  onDownloaded(): void {
    if (this.phase === 'idle') this.phase = 'downloaded';
  }

  /** The person chose "Restart now". */
  restartToInstall(): void {
    if (this.phase !== 'downloaded') return;
    this.phase = 'flushing';
    // No window means no unsaved text in a page.
    if (!this.hooks.requestFlush()) return this.installNow();
    this.timer = this.hooks.setTimer(() => this.settle(false, 'timeout'), INSTALL_FLUSH_TIMEOUT_MS);
  }

  /** The page's answer to `app.flush`. */
  onFlushed(ok: boolean): void {
    if (this.phase === 'flushing') this.settle(ok, 'failed');
  }

  private settle(ok: boolean, reason: 'failed' | 'timeout'): void {
    if (this.timer !== null) this.hooks.clearTimer(this.timer);
    this.timer = null;
    if (ok) return this.installNow();
    this.phase = 'downloaded';
    this.hooks.reportNotSaved(reason);
  }

  private installNow(): void {
    this.phase = 'installing';
    this.hooks.install();
  }
}
