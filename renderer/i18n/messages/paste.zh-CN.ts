// Runs in: renderer. Words the clipboard cleaner adds to pasted text, in Simplified Chinese.
import type { pasteEn } from './paste.en';

export const pasteZhCN: Record<keyof typeof pasteEn, string> = {
  'paste.notes': '注释',
};
