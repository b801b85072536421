// Runs in: services. Time-sortable ids (ULID-like, lowercase Crockford base32): 10 chars of time + 12 random.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const RANDOM_BITS = 60n;

let lastTime = -1;
let lastRandom = 0n;

/** Ids made later in this process always sort after earlier ones, even within one millisecond. */
export function sortableId(now: number = Date.now()): string {
  let random: bigint;
  if (now <= lastTime) {
    random = lastRandom + 1n;
    if (random >= 1n << RANDOM_BITS) throw new Error('sortableId: random space exhausted within one millisecond');
    now = lastTime;
  } else {
    random = randomBytes(8).readBigUInt64BE() >> (64n - RANDOM_BITS);
  }
  lastTime = now;
  lastRandom = random;
  return encode(BigInt(now), 10) + encode(random, 12);
}

function encode(value: bigint, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out = ALPHABET[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}
