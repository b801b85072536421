// Runs in: host and renderer. JSON with bytes: Uint8Array travels as {"$bytes": base64}, and a
// PreparedJson (common/prepared-json.ts) as the JSON it already holds.
import { joinBytes, PreparedJson } from './prepared-json';

const BYTES_KEY = '$bytes';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** A value as the wire carries it: bytes as {"$bytes": base64}, anything else as it is. */
function onWire(value: unknown): unknown {
  return value instanceof Uint8Array ? { [BYTES_KEY]: toBase64(value) } : value;
}

export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => onWire(v));
}

function randomTag(): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint32Array(2)), (n) => n.toString(36)).join('');
}

/**
 * `value` as wire JSON: text, or UTF-8 bytes when it holds a PreparedJson, whose bytes are copied in
 * where the value would be, neither parsed nor encoded again.
 */
export function encodeWireParts(value: unknown): string | Uint8Array<ArrayBuffer> {
  const prepared: PreparedJson<unknown>[] = [];
  // Each PreparedJson is stringified as a placeholder carrying a random tag, so no text can forge one.
  const tag = `\u0000prepared-json:${randomTag()}:`;
  const text = JSON.stringify(value, (_key, v: unknown) => {
    return v instanceof PreparedJson ? `${tag}${prepared.push(v) - 1}` : onWire(v);
  });
  if (prepared.length === 0) return text;
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let from = 0;
  prepared.forEach((value, i) => {
    const placeholder = JSON.stringify(`${tag}${i}`);
    const at = text.indexOf(placeholder, from);
    parts.push(encoder.encode(text.slice(from, at)));
    for (const part of value.parts) parts.push(part);
    from = at + placeholder.length;
  });
  parts.push(encoder.encode(text.slice(from)));
  // Joined once here: Blobs made straight from a body's thousands of block parts took twice as long
  // per autosave as one copy sliced afterwards (npm run bench:save, 100k words).
  return joinBytes(parts);
}

export function decodeWire(text: string): unknown {
  // A reviver costs a call per value (every node of a long body): only when bytes may be inside. In
  // JSON text a key reads "$bytes" only unescaped; in a string its quotes would be escaped.
  if (!text.includes(`"${BYTES_KEY}"`)) return JSON.parse(text);
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const record = v as Record<string, unknown>;
      const keys = Object.keys(record);
      if (keys.length === 1 && keys[0] === BYTES_KEY && typeof record[BYTES_KEY] === 'string') {
        return fromBase64(record[BYTES_KEY]);
      }
    }
    return v;
  });
}
