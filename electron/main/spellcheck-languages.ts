// Runs in: main (pure, no electron import). Picks spellchecker dictionaries: US English plus the system language.

/** Chromium ships no Chinese dictionary, so zh-* simply finds no match and only en-US is used. */
export function spellCheckerLanguages(systemLocales: readonly string[], available: readonly string[]): string[] {
  const byLower = new Map(available.map((code) => [code.toLowerCase(), code]));
  const chosen: string[] = [];
  const add = (code: string | undefined): void => {
    if (code !== undefined && !chosen.includes(code)) chosen.push(code);
  };
  add(byLower.get('en-us'));
  for (const locale of systemLocales) {
    const lower = locale.toLowerCase().replace('_', '-');
    const language = lower.split('-')[0] ?? lower;
    add(byLower.get(lower) ?? byLower.get(language) ?? available.find((code) => code.toLowerCase().startsWith(`${language}-`)));
  }
  return chosen;
}
