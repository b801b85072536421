// Runs in: services (headless) and renderer. One colour per suggestion author, from a fixed palette
// whose colours all reach 4.5:1 on white (article-editor.css holds the colours, by index).
export const AUTHOR_COLOUR_COUNT = 8;

/** The palette index of `authorId`: stable across machines and sessions (a string hash). */
export function authorColourIndex(authorId: string): number {
  let hash = 0;
  for (let i = 0; i < authorId.length; i++) hash = (Math.imul(hash, 31) + authorId.charCodeAt(i)) | 0;
  return Math.abs(hash) % AUTHOR_COLOUR_COUNT;
}

/** The author id a name stands for: names are the identity hubs share (see sameActorName). */
export function authorIdOf(name: string): string {
  return name.trim().normalize('NFKC').toLocaleLowerCase('en');
}
