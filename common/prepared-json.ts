// Runs in: renderer, host and services. A value the caller has already encoded as JSON (UTF-8 bytes),
// standing in for that value in an API call. A long story's body is kept encoded block by block in
// the renderer (renderer/editor/body-json.ts), so an autosave copies bytes instead of walking and
// stringifying the whole document on the main thread every second.
// - Over HTTP the bytes are spliced into the request's JSON as they are (common/wire-codec.ts).
// - Over IPC they travel as {"$json": Uint8Array}, which structured clone copies in one piece, and
//   dispatchOperation parses them back before the input is validated (expandPreparedJson below).

/** The key of the IPC stand-in object: exactly one key, holding the bytes. */
export const PREPARED_JSON_KEY = '$json';

/** `parts` one after the other in one array. */
export function joinBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

export class PreparedJson<T> {
  declare private readonly brand: T;
  private joined: Uint8Array | null = null;

  /** The JSON's UTF-8 bytes in `parts`, in order (a body's blocks, say); joined only when someone asks for `bytes`. */
  constructor(readonly parts: readonly Uint8Array[]) {}

  get bytes(): Uint8Array {
    this.joined ??= this.parts.length === 1 ? (this.parts[0] as Uint8Array) : joinBytes(this.parts);
    return this.joined;
  }

  /** Typed as the value it encodes, to sit in an operation's input; only the API clients look inside. */
  asValue(): T {
    return this as unknown as T;
  }

  /** The value itself, parsed from the bytes (for the rare caller that needs it back). */
  decode(): T {
    return JSON.parse(new TextDecoder().decode(this.bytes)) as T;
  }
}

export function prepareJson<T>(value: T): PreparedJson<T> {
  return new PreparedJson<T>([new TextEncoder().encode(JSON.stringify(value))]);
}

/**
 * Prepared values and their stand-ins sit this deep in an input at most (an article's body sits at
 * 2): deeper is not looked at, so a long input is not walked, over IPC or in the services.
 */
export const MAX_STAND_IN_DEPTH = 3;

/** An object or array with `map` applied to each child: copied when a child changed, else itself. */
function mapChildren(value: object, map: (child: unknown) => unknown): object {
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    value.forEach((item, i) => {
      const mapped = map(item);
      if (mapped !== item) (out ??= value.slice())[i] = mapped;
    });
    return out ?? value;
  }
  let out: Record<string, unknown> | null = null;
  for (const [key, item] of Object.entries(value)) {
    const mapped = map(item);
    if (mapped !== item) (out ??= { ...(value as Record<string, unknown>) })[key] = mapped;
  }
  return out ?? value;
}

function isWalked(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !ArrayBuffer.isView(value);
}

/** `value` with every PreparedJson in its top levels replaced by `replace(it)`; objects along the way are copied, others shared. */
export function mapPreparedJson(value: unknown, replace: (prepared: PreparedJson<unknown>) => unknown, depth = 0): unknown {
  if (value instanceof PreparedJson) return replace(value);
  if (!isWalked(value) || depth >= MAX_STAND_IN_DEPTH) return value;
  return mapChildren(value, (child) => mapPreparedJson(child, replace, depth + 1));
}

/** Over IPC: each PreparedJson as {"$json": bytes}. */
export function preparedJsonForIpc(value: unknown): unknown {
  return mapPreparedJson(value, (prepared) => ({ [PREPARED_JSON_KEY]: prepared.bytes }));
}

export class PreparedJsonError extends Error {}

function isStandIn(value: object): value is { [PREPARED_JSON_KEY]: Uint8Array } {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === PREPARED_JSON_KEY && (value as Record<string, unknown>)[PREPARED_JSON_KEY] instanceof Uint8Array;
}

/**
 * Untrusted input with its {"$json": bytes} stand-ins parsed, at most `maxBytes` of them in one
 * input; throws PreparedJsonError for too many bytes, or bytes that are not UTF-8 JSON. Nothing in
 * it runs: the result is plain data, validated against the contract afterwards like any other input.
 */
export function expandPreparedJson(value: unknown, maxBytes: number): unknown {
  const budget = { left: maxBytes };
  return expandWithin(value, budget, 0);
}

function expandWithin(value: unknown, budget: { left: number }, depth: number): unknown {
  if (!isWalked(value) || depth > MAX_STAND_IN_DEPTH) return value;
  if (!isStandIn(value)) return mapChildren(value, (child) => expandWithin(child, budget, depth + 1));
  const bytes = value[PREPARED_JSON_KEY];
  budget.left -= bytes.byteLength;
  if (budget.left < 0) throw new PreparedJsonError('its prepared JSON values are larger than the limit for one request');
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    throw new PreparedJsonError('a prepared JSON value is not valid UTF-8 JSON');
  }
}
