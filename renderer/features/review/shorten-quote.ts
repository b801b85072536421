// Runs in: renderer. A commented quote on one line, cut to fit a card.
export function shortenQuote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}
