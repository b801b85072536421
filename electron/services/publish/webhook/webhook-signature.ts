// Runs in: services, and in any receiver written in Node. How a Dateline webhook is signed, and how a
// receiver checks it. The scheme (like Stripe's):
//   X-Dateline-Timestamp: <unix seconds when sent>
//   X-Dateline-Signature: sha256=<hex HMAC-SHA256(key = signing key, message = timestamp + "." + raw body bytes)>
// A receiver recomputes the HMAC over the exact bytes it received (before any JSON parsing),
// compares in constant time, and refuses timestamps outside its tolerance to stop replays.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Dateline-Signature';
export const TIMESTAMP_HEADER = 'X-Dateline-Timestamp';
export const EVENT_HEADER = 'X-Dateline-Event';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const DEFAULT_TOLERANCE_SECONDS = 300;

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/** The X-Dateline-Signature value for `body` sent at `timestamp` (unix seconds). */
export function signWebhookBody(body: string | Uint8Array, secret: string, timestamp: number): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`${timestamp}.`);
  hmac.update(body);
  return `sha256=${hmac.digest('hex')}`;
}

/** Checks a received webhook: signature over the raw body, and a timestamp within `toleranceSeconds` of now. */
export function verifyWebhookSignature(
  body: string | Uint8Array,
  headers: HeaderBag,
  secret: string,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
  nowMs = Date.now(),
): SignatureCheck {
  const signature = header(headers, SIGNATURE_HEADER);
  const timestampText = header(headers, TIMESTAMP_HEADER);
  if (!signature) return { ok: false, reason: `no ${SIGNATURE_HEADER} header` };
  if (!timestampText || !/^\d{1,12}$/.test(timestampText)) return { ok: false, reason: `no valid ${TIMESTAMP_HEADER} header` };
  const timestamp = Number(timestampText);
  if (Math.abs(nowMs / 1000 - timestamp) > toleranceSeconds) return { ok: false, reason: 'the timestamp is outside the tolerance (replayed or clock skew)' };
  const expected = Buffer.from(signWebhookBody(body, secret, timestamp));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'the signature does not match' };
  return { ok: true };
}

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}
