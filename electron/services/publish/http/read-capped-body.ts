// Runs in: services. The one way a remote body is read: streamed chunk by chunk and counted, so a
// server that sends more than the caller's cap (a declared Content-Length above it, or an endless
// stream) is cut off at the cap instead of being buffered whole.

/** JSON answers of a REST API or a webhook receiver. */
export const JSON_BODY_MAX_BYTES = 10 * 1024 * 1024;
/** The body of an error answer: only its start is ever shown, so the rest is not read. */
export const ERROR_BODY_MAX_BYTES = 64 * 1024;

/** Thrown by `readCappedBody` when the body is larger than the cap; callers turn it into their own AppError. */
export class BodyTooLargeError extends Error {
  constructor(
    readonly maxBytes: number,
    /** What the server declared in Content-Length, when it declared too much. */
    readonly declaredBytes: number | null,
    /** Bytes read before the stream was stopped. */
    readonly bytesRead: number,
  ) {
    super(declaredBytes === null ? `the body is larger than ${maxBytes} bytes` : `the body is ${declaredBytes} bytes, more than ${maxBytes}`);
    this.name = 'BodyTooLargeError';
  }
}

export interface CappedBody {
  bytes: Uint8Array;
  /** True when the body went on past the cap and only its start was kept (`truncate` mode). */
  truncated: boolean;
}

/**
 * The body of `response`, at most `maxBytes` of it. Above the cap: `fail` (the default) cancels the
 * stream and throws BodyTooLargeError; `truncate` cancels it and returns what fitted.
 */
export async function readCappedBody(response: Response, maxBytes: number, mode: 'fail' | 'truncate' = 'fail'): Promise<CappedBody> {
  const declared = Number(response.headers.get('content-length') ?? '');
  if (mode === 'fail' && response.headers.has('content-length') && Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(maxBytes, declared, 0);
  }
  if (!response.body) return { bytes: new Uint8Array(0), truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let truncated = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (total + value.byteLength > maxBytes) {
        await reader.cancel().catch(() => undefined);
        if (mode === 'fail') throw new BodyTooLargeError(maxBytes, null, total + value.byteLength);
        chunks.push(value.subarray(0, maxBytes - total));
        total = maxBytes;
        truncated = true;
        break;
      }
      chunks.push(value);
      total += value.byteLength;
    }
  } finally {
    reader.releaseLock();
  }
  return { bytes: concat(chunks, total), truncated };
}

/** The body as UTF-8 text, under the same cap. */
export async function readCappedText(response: Response, maxBytes: number, mode: 'fail' | 'truncate' = 'fail'): Promise<string> {
  const { bytes } = await readCappedBody(response, maxBytes, mode);
  return new TextDecoder().decode(bytes);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]?.byteLength === total) return chunks[0];
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
