// Runs in: vitest (Node). The editor reopens where the reporter left it, and never off-screen.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clampWindowState, DEFAULT_WINDOW_STATE, loadWindowState, saveWindowState } from './window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitorOnRight = { x: 1440, y: 0, width: 2560, height: 1415 };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dateline-window-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('window state file', () => {
  it('round-trips the size, place and maximized flag, leaving no temp file behind', async () => {
    const file = join(dir, 'window-state.json');
    await saveWindowState(file, { x: 1600, y: 40, width: 1400, height: 900, maximized: true });
    expect(await loadWindowState(file)).toEqual({ x: 1600, y: 40, width: 1400, height: 900, maximized: true });
    expect(await readdir(dir)).toEqual(['window-state.json']);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ width: 1400 });
  });

  it('falls back to the defaults when the file is missing, corrupt or nonsensical', async () => {
    expect(await loadWindowState(join(dir, 'missing.json'))).toEqual(DEFAULT_WINDOW_STATE);
    const corrupt = join(dir, 'corrupt.json');
    await writeFile(corrupt, '{"width": 1200, "hei');
    expect(await loadWindowState(corrupt)).toEqual(DEFAULT_WINDOW_STATE);
    await writeFile(corrupt, '{"width": -5, "height": "tall"}');
    expect(await loadWindowState(corrupt)).toEqual(DEFAULT_WINDOW_STATE);
  });
});

describe('clampWindowState', () => {
  it('keeps a window that is on a connected monitor where it was', () => {
    const state = { x: 1700, y: 100, width: 1400, height: 900, maximized: false };
    expect(clampWindowState(state, [laptop, monitorOnRight])).toEqual(state);
  });

  it('centres the window on the primary display when its monitor was unplugged', () => {
    const state = { x: 1700, y: 100, width: 1400, height: 900, maximized: false };
    expect(clampWindowState(state, [laptop])).toEqual({ x: 20, y: 0, width: 1400, height: 875, maximized: false });
  });

  it('pulls a window whose title bar hangs above the screen back into view', () => {
    const clamped = clampWindowState({ x: 100, y: -500, width: 800, height: 600, maximized: false }, [laptop]);
    expect(clamped.y).toBeGreaterThanOrEqual(0);
    expect(clamped.x).toBeGreaterThanOrEqual(0);
  });

  it('shrinks a window larger than the screen but never below the minimum size', () => {
    expect(clampWindowState({ width: 5000, height: 5000, maximized: false }, [laptop])).toEqual({ width: 1440, height: 875, maximized: false });
    expect(clampWindowState({ width: 100, height: 100, maximized: false }, [laptop])).toEqual({ width: 720, height: 480, maximized: false });
  });
});
