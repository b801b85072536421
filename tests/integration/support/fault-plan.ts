// Runs in: test processes. What the fault proxy does to each request: a plan is a function of the
// request (method, path, and its index in arrival order) that names one fault.
import { randomAt } from './seeded-random';

export const FAULT_KINDS = ['pass', 'drop-response', 'reset', 'reset-after-forward', 'delay', 'http-error', 'late-forward'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export type ErrorStatus = 500 | 502 | 503 | 504;

export type FaultSpec =
  /** Forward and answer normally. */
  | { kind: 'pass' }
  /** Forward, wait for the server's whole response (it committed), then close the client socket without a byte. */
  | { kind: 'drop-response' }
  /** Reset the client connection at once: nothing reaches the server. */
  | { kind: 'reset' }
  /** Forward, wait for the whole response, then reset the client connection. */
  | { kind: 'reset-after-forward' }
  /** Forward, then hold the response `ms` milliseconds before sending it (or closing instead). */
  | { kind: 'delay'; ms: number; then?: 'send' | 'destroy' }
  /** Answer this status with an HTML error page, without forwarding (a failing reverse proxy). */
  | { kind: 'http-error'; status: ErrorStatus }
  /**
   * Hold the request until the client has given up on it (its deadline passed and it closed the
   * connection), and until `release` settles if given; then forward it. The server commits what
   * the client believes failed; nobody reads the reply.
   */
  | { kind: 'late-forward'; release?: Promise<unknown> };

/** A fault: the bare kind for the faults without parameters, or a full spec. */
export type Fault = 'pass' | 'drop-response' | 'reset' | 'reset-after-forward' | FaultSpec;

export interface FaultRequest {
  method: string;
  /** Path and query as the client sent them. */
  path: string;
  /** 0 for the first request the proxy saw, 1 for the next... */
  index: number;
}

export type FaultPlan = (request: FaultRequest) => Fault;

export function toFaultSpec(fault: Fault): FaultSpec {
  return typeof fault === 'string' ? { kind: fault } : fault;
}

/** Every request passes. */
export const passAll: FaultPlan = () => 'pass';

/** The n-th request (0-based) gets `faults[n]`; requests past the end pass. */
export function scriptedFaultPlan(faults: Fault[]): FaultPlan {
  return ({ index }) => faults[index] ?? 'pass';
}

export interface RandomFaultOptions {
  seed: number;
  /** Probability of each fault per request (the rest pass), e.g. { 'drop-response': 0.1, reset: 0.05 }. */
  rates: Partial<Record<Exclude<FaultKind, 'pass'>, number>>;
  /** For 'delay': how long to hold the response; pick more than the client's timeout. @default 5_000 */
  delayMs?: number;
  /** For 'delay': send the late response, or close the connection instead. @default 'send' */
  delayThen?: 'send' | 'destroy';
  /** For 'http-error': the statuses to draw from. @default [500, 502, 503, 504] */
  errorStatuses?: ErrorStatus[];
  /** Only these requests may get a fault (e.g. only writes); the others pass. @default every request */
  applyTo?: (request: FaultRequest) => boolean;
}

/** A reproducible mix: whether request #index gets a fault depends only on the seed and the index. */
export function randomFaultPlan(options: RandomFaultOptions): FaultPlan {
  const total = Object.values(options.rates).reduce((sum, rate) => sum + (rate ?? 0), 0);
  if (total > 1) throw new RangeError(`fault rates add up to ${total}; they must not exceed 1`);
  const statuses = options.errorStatuses ?? [500, 502, 503, 504];
  return (request) => {
    if (options.applyTo && !options.applyTo(request)) return 'pass';
    const draw = randomAt(options.seed, request.index);
    let threshold = 0;
    for (const [kind, rate] of Object.entries(options.rates) as [Exclude<FaultKind, 'pass'>, number][]) {
      threshold += rate;
      if (draw >= threshold) continue;
      if (kind === 'delay') return { kind, ms: options.delayMs ?? 5_000, then: options.delayThen ?? 'send' };
      if (kind === 'late-forward') return { kind };
      if (kind === 'http-error') {
        const pick = statuses[Math.floor(randomAt(options.seed ^ 0x5bd1e995, request.index) * statuses.length)] ?? 503;
        return { kind, status: pick };
      }
      return kind;
    }
    return 'pass';
  };
}

/** Requests that change something on the server (the ones where a lost reply can duplicate). */
export function isWrite(request: FaultRequest): boolean {
  return request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS';
}
