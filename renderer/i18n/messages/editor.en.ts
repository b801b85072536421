// Runs in: renderer. English strings for the editor feature(s). Keys are 'area.thing'; {name} placeholders.
export const editorEn = {
  'editor.placeholder': '',
} as const;
