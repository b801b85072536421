// Runs in: renderer. Simplified Chinese strings for the app feature(s); same keys as app.en.ts.
import type { appEn } from './app.en';

export const appZhCN: Record<keyof typeof appEn, string> = {
  'app.placeholder': '',
};
