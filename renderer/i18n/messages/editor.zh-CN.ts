// Runs in: renderer. Simplified Chinese strings for the editor feature(s); same keys as editor.en.ts.
import type { editorEn } from './editor.en';

export const editorZhCN: Record<keyof typeof editorEn, string> = {
  'editor.placeholder': '',
};
