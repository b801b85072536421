// Runs in: renderer. A fresh target id: "t-" and ten random base-36 characters (matches targetIdSchema).
export function newTargetId(fillRandom: (bytes: Uint8Array<ArrayBuffer>) => void = (bytes) => crypto.getRandomValues(bytes)): string {
  const bytes = new Uint8Array(10);
  fillRandom(bytes);
  return `t-${Array.from(bytes, (b) => (b % 36).toString(36)).join('')}`;
}
