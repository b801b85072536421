// Runs in: tests (node). When Dateline saves while a reporter types: debounced, bounded, never overlapping.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { AutosaveController, type SaveState } from './autosave-controller';

interface Harness {
  controller: AutosaveController;
  saves: { explicit: boolean; resolve(): void; reject(error: unknown): void }[];
  states: SaveState[];
}

function harness(): Harness {
  const saves: Harness['saves'] = [];
  const states: SaveState[] = [];
  const controller = new AutosaveController({
    debounceMs: 600,
    maxWaitMs: 1000,
    runWhenIdle: (fn) => setTimeout(fn, 0),
    isConflict: (error) => error instanceof ApiError && error.code === 'conflict',
    onStateChange: (state) => states.push(state),
    save: (explicit) =>
      new Promise<void>((resolve, reject) => {
        saves.push({ explicit, resolve, reject });
      }),
  });
  return { controller, saves, states };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('autosave', () => {
  it('waits for a pause in typing, then saves once', async () => {
    const { controller, saves } = harness();
    controller.markDirty();
    await vi.advanceTimersByTimeAsync(300);
    controller.markDirty();
    await vi.advanceTimersByTimeAsync(500);
    expect(saves).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(saves).toHaveLength(1);
    expect(saves[0]?.explicit).toBe(false);
    expect(controller.state).toBe('saving');
    saves[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(controller.state).toBe('saved');
  });

  it('says the story is dirty once while typing, not on every key', async () => {
    const { controller, saves, states } = harness();
    for (let i = 0; i < 5; i++) {
      controller.markDirty();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(states).toEqual(['dirty']);
    await vi.advanceTimersByTimeAsync(600);
    saves[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    controller.markDirty();
    controller.markDirty();
    expect(states).toEqual(['dirty', 'saving', 'saved', 'dirty']);
  });

  it('while typing continuously, a save still starts about every second', async () => {
    const { controller, saves } = harness();
    // 1.5 seconds of typing, a key every 100 ms: never a 600 ms pause, yet the max wait fires.
    for (let i = 0; i < 15; i++) {
      controller.markDirty();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(saves).toHaveLength(1);
    saves[0]?.resolve();
    for (let i = 0; i < 10; i++) {
      controller.markDirty();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(saves).toHaveLength(2);
  });

  it('never runs two saves at once: changes during a save queue exactly one follow-up', async () => {
    const { controller, saves } = harness();
    controller.markDirty();
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves).toHaveLength(1);
    controller.markDirty();
    await vi.advanceTimersByTimeAsync(1000);
    controller.markDirty();
    await vi.advanceTimersByTimeAsync(1000);
    void controller.saveNow(false);
    expect(saves).toHaveLength(1);
    saves[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(saves).toHaveLength(2);
    saves[1]?.resolve();
    await vi.advanceTimersByTimeAsync(2000);
    expect(saves).toHaveLength(2);
    expect(controller.state).toBe('saved');
  });

  it('Ctrl+S saves at once as an explicit save, even with nothing pending', async () => {
    const { controller, saves } = harness();
    const done = controller.saveNow(true);
    expect(saves.map((s) => s.explicit)).toEqual([true]);
    saves[0]?.resolve();
    await done;
    expect(controller.state).toBe('saved');
  });

  it('an explicit save asked for during an autosave still happens, as explicit, afterwards', async () => {
    const { controller, saves } = harness();
    controller.markDirty();
    await vi.advanceTimersByTimeAsync(1000);
    const explicit = controller.saveNow(true);
    saves[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(saves.map((s) => s.explicit)).toEqual([false, true]);
    saves[1]?.resolve();
    await explicit;
  });

  it('flush saves pending edits immediately (switching articles inside the debounce)', async () => {
    const { controller, saves } = harness();
    controller.markDirty();
    const flushed = controller.flush();
    expect(saves).toHaveLength(1);
    saves[0]?.resolve();
    await flushed;
    expect(controller.isDirty).toBe(false);
    await vi.advanceTimersByTimeAsync(2000);
    expect(saves).toHaveLength(1);
  });

  it('a failed save keeps the changes dirty and retries on the next change', async () => {
    const { controller, saves, states } = harness();
    controller.markDirty();
    await vi.advanceTimersByTimeAsync(1000);
    saves[0]?.reject(new ApiError('disk-full', 'ENOSPC'));
    await vi.advanceTimersByTimeAsync(0);
    expect(controller.state).toBe('error');
    expect(controller.isDirty).toBe(true);
    expect(states).toContain('error');
    controller.markDirty();
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves).toHaveLength(2);
    saves[1]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(controller.state).toBe('saved');
  });

  it('a failed save is retried by itself, waiting longer each time, until it goes through', async () => {
    const { controller, saves } = harness();
    controller.markDirty();
    await vi.advanceTimersByTimeAsync(1000);
    saves[0]?.reject(new ApiError('disk-full', 'ENOSPC'));
    await vi.advanceTimersByTimeAsync(1999);
    expect(saves).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(saves).toHaveLength(2);
    saves[1]?.reject(new ApiError('disk-full', 'ENOSPC'));
    await vi.advanceTimersByTimeAsync(3999);
    expect(saves).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(saves).toHaveLength(3);
    saves[2]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(controller.state).toBe('saved');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(saves).toHaveLength(3);
  });

  it('a conflict stops autosave so the other version is never overwritten', async () => {
    const { controller, saves } = harness();
    controller.markDirty();
    await vi.advanceTimersByTimeAsync(1000);
    saves[0]?.reject(new ApiError('conflict', 'stale revision'));
    await vi.advanceTimersByTimeAsync(0);
    expect(controller.state).toBe('conflict');
    controller.markDirty();
    await vi.advanceTimersByTimeAsync(5000);
    await controller.flush();
    await controller.saveNow(true);
    expect(saves).toHaveLength(1);
    expect(controller.isDirty).toBe(true);
    controller.reset();
    controller.markDirty();
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves).toHaveLength(2);
  });
});
