// Runs in: main (pure, no electron import). Remembers the window's size and place, and keeps it on a visible screen.
import { readFile } from 'node:fs/promises';
import { atomicWriteFile } from '../services/store/atomic-write';
import { MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH } from './window-options';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 860, maximized: false };

/** How much of the window's top edge must be on a screen for the user to grab and move it. */
const GRAB_WIDTH = 120;
const GRAB_HEIGHT = 40;

const isWhole = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

function parseWindowState(value: unknown): WindowState | null {
  if (value === null || typeof value !== 'object') return null;
  const record = value as Record<string, unknown>;
  if (!isWhole(record.width) || !isWhole(record.height) || record.width <= 0 || record.height <= 0) return null;
  const state: WindowState = { width: record.width, height: record.height, maximized: record.maximized === true };
  if (isWhole(record.x) && isWhole(record.y)) {
    state.x = record.x;
    state.y = record.y;
  }
  return state;
}

/** A missing or corrupt file gives the defaults: window placement is never worth an error dialog. */
export async function loadWindowState(file: string): Promise<WindowState> {
  try {
    return parseWindowState(JSON.parse(await readFile(file, 'utf8'))) ?? { ...DEFAULT_WINDOW_STATE };
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await atomicWriteFile(file, `${JSON.stringify(state, null, 2)}\n`);
}

function overlap(aStart: number, aLength: number, bStart: number, bLength: number): number {
  return Math.max(0, Math.min(aStart + aLength, bStart + bLength) - Math.max(aStart, bStart));
}

/** Fits the state into the work areas; the first work area is the primary display. */
export function clampWindowState(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0];
  if (primary === undefined) return state;
  const fitIn = (area: Rect): WindowState => {
    const width = Math.max(Math.min(state.width, area.width), Math.min(MIN_WINDOW_WIDTH, area.width));
    const height = Math.max(Math.min(state.height, area.height), Math.min(MIN_WINDOW_HEIGHT, area.height));
    return { ...state, width, height };
  };
  if (state.x === undefined || state.y === undefined) {
    const fitted = fitIn(primary);
    return { width: fitted.width, height: fitted.height, maximized: fitted.maximized };
  }
  const { x, y } = state;
  const home = workAreas.find(
    (area) => overlap(x, state.width, area.x, area.width) >= Math.min(GRAB_WIDTH, state.width) && overlap(y, GRAB_HEIGHT, area.y, area.height) >= GRAB_HEIGHT,
  );
  if (home === undefined) {
    // The screen it was on is gone: centre it on the primary display.
    const fitted = fitIn(primary);
    return { ...fitted, x: primary.x + Math.round((primary.width - fitted.width) / 2), y: primary.y + Math.round((primary.height - fitted.height) / 2) };
  }
  const fitted = fitIn(home);
  return {
    ...fitted,
    x: Math.min(Math.max(x, home.x), home.x + home.width - fitted.width),
    y: Math.min(Math.max(y, home.y), home.y + home.height - fitted.height),
  };
}
