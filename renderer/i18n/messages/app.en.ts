// Runs in: renderer. English strings for the app feature(s). Keys are 'area.thing'; {name} placeholders.
export const appEn = {
  'app.placeholder': '',
} as const;
