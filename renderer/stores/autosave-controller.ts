// Runs in: renderer. Decides when to save: debounced, bounded by a max wait, never two saves at once.

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error' | 'conflict';

export interface AutosaveTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AutosaveOptions {
  /** Performs one save of the current content; rejects to report failure. */
  save(explicit: boolean): Promise<void>;
  onStateChange?(state: SaveState, error: unknown): void;
  /** A failure that must stop autosaving (someone else saved first). */
  isConflict?(error: unknown): boolean;
  /** A failure that will pass by itself soon (the services restarting): retried at the first delay, not a growing one. */
  isRetryable?(error: unknown): boolean;
  /** Quiet time after the last change before saving. @default 600 */
  debounceMs?: number;
  /** Longest a change may wait while typing continues. @default 1000 */
  maxWaitMs?: number;
  /** First wait before retrying a failed save (a full disk, a lost session); doubles up to 30 s. @default 2000 */
  retryMs?: number;
  /** Runs the save off the keystroke path. @default requestIdleCallback or setTimeout 0 */
  runWhenIdle?(fn: () => void): void;
  timers?: AutosaveTimers;
}

const defaultTimers: AutosaveTimers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

function defaultRunWhenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => fn(), { timeout: 500 });
  else globalThis.setTimeout(fn, 0);
}

export class AutosaveController {
  private dirty = false;
  private stateValue: SaveState = 'saved';
  private errorValue: unknown = null;
  private debounceTimer: unknown = null;
  private maxWaitTimer: unknown = null;
  private retryTimer: unknown = null;
  private retryDelay: number;
  private inFlight: Promise<void> | null = null;
  private followUp: { explicit: boolean; promise: Promise<void> } | null = null;
  private stopped = false;
  private disposed = false;
  private readonly timers: AutosaveTimers;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly runWhenIdle: (fn: () => void) => void;

  constructor(private readonly options: AutosaveOptions) {
    this.timers = options.timers ?? defaultTimers;
    this.debounceMs = options.debounceMs ?? 600;
    this.maxWaitMs = options.maxWaitMs ?? 1000;
    this.runWhenIdle = options.runWhenIdle ?? defaultRunWhenIdle;
    this.retryDelay = options.retryMs ?? 2000;
  }

  get state(): SaveState {
    return this.stateValue;
  }

  get error(): unknown {
    return this.errorValue;
  }

  get isDirty(): boolean {
    return this.dirty;
  }

  /** Something changed: save soon. After a conflict nothing is saved until reset(). */
  markDirty(): void {
    if (this.disposed) return;
    this.dirty = true;
    if (this.stopped) return;
    if (!this.inFlight && this.stateValue !== 'error') this.setState('dirty', null);
    if (this.debounceTimer !== null) this.timers.clearTimeout(this.debounceTimer);
    this.debounceTimer = this.timers.setTimeout(() => this.fire(), this.debounceMs);
    this.maxWaitTimer ??= this.timers.setTimeout(() => this.fire(), this.maxWaitMs);
  }

  /** Saves now; explicit saves also snapshot a revision. Resolves when that save is done. */
  saveNow(explicit: boolean): Promise<void> {
    if (this.disposed || this.stopped) return Promise.resolve();
    this.clearTimers();
    return this.run(explicit);
  }

  /** Saves pending changes now (before switching articles or closing) and waits for any save. */
  async flush(): Promise<void> {
    if (this.disposed || this.stopped) return;
    if (this.dirty || this.debounceTimer !== null) {
      await this.saveNow(false);
      return;
    }
    if (this.followUp) await this.followUp.promise;
    else if (this.inFlight) await this.inFlight;
  }

  /** Starts over from freshly loaded content (after a reload or a restored revision). */
  reset(): void {
    this.clearTimers();
    this.dirty = false;
    this.stopped = false;
    this.followUp = null;
    this.setState('saved', null);
  }

  dispose(): void {
    this.clearTimers();
    this.disposed = true;
  }

  private fire(): void {
    this.clearTimers();
    this.runWhenIdle(() => {
      if (!this.disposed && !this.stopped && this.dirty) void this.run(false).catch(() => undefined);
    });
  }

  private run(explicit: boolean): Promise<void> {
    if (this.inFlight) {
      if (this.followUp) {
        this.followUp.explicit ||= explicit;
        return this.followUp.promise;
      }
      const followUp = { explicit, promise: Promise.resolve() };
      followUp.promise = this.inFlight.then(
        () => this.startFollowUp(followUp),
        () => this.startFollowUp(followUp),
      );
      this.followUp = followUp;
      return followUp.promise;
    }
    return this.start(explicit);
  }

  private startFollowUp(followUp: { explicit: boolean }): Promise<void> {
    if (this.followUp !== followUp) return Promise.resolve();
    this.followUp = null;
    if (this.disposed || this.stopped) return Promise.resolve();
    if (!followUp.explicit && !this.dirty) {
      if (this.stateValue === 'saving') this.setState('saved', null);
      return Promise.resolve();
    }
    return this.start(followUp.explicit);
  }

  private start(explicit: boolean): Promise<void> {
    this.dirty = false;
    this.setState('saving', null);
    const attempt = this.options.save(explicit).then(
      () => {
        this.inFlight = null;
        this.retryDelay = this.options.retryMs ?? 2000;
        if (this.followUp) return;
        this.setState(this.dirty ? 'dirty' : 'saved', null);
      },
      (error: unknown) => {
        this.inFlight = null;
        this.dirty = true;
        if (this.options.isConflict?.(error)) {
          this.stopped = true;
          this.clearTimers();
          this.followUp = null;
          this.setState('conflict', error);
        } else {
          this.setState('error', error);
          if (this.options.isRetryable?.(error)) this.retryDelay = this.options.retryMs ?? 2000;
          this.scheduleRetry();
        }
        throw error;
      },
    );
    this.inFlight = attempt;
    return attempt;
  }

  /** A failed save is tried again by itself, so unsaved words do not wait for the next keystroke. */
  private scheduleRetry(): void {
    if (this.retryTimer !== null || this.disposed || this.stopped) return;
    const delay = this.retryDelay;
    this.retryDelay = Math.min(delay * 2, 30_000);
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      if (!this.disposed && !this.stopped && this.dirty && !this.inFlight) void this.run(false).catch(() => undefined);
    }, delay);
  }

  private clearTimers(): void {
    if (this.debounceTimer !== null) this.timers.clearTimeout(this.debounceTimer);
    if (this.maxWaitTimer !== null) this.timers.clearTimeout(this.maxWaitTimer);
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    this.debounceTimer = null;
    this.maxWaitTimer = null;
    this.retryTimer = null;
  }

  private setState(state: SaveState, error: unknown): void {
    // Every key marks the story dirty: telling the screen again would wake every store subscriber
    // inside the editor's transaction, on the keystroke path, to say nothing new.
    if (state === this.stateValue && error === this.errorValue) return;
    this.stateValue = state;
    this.errorValue = error;
    this.options.onStateChange?.(state, error);
  }
}
