// Runs in: renderer. Words the clipboard cleaner adds to pasted text, in English.
export const pasteEn = {
  'paste.notes': 'Notes',
} as const;
