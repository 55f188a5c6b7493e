import type { Fault, FaultRule } from '@authing-edge/emulator'

/** Requests in the soak. */
export const SOAK_REQUESTS = 10_000
/** Requests in flight at once. */
export const SOAK_CONCURRENCY = 50
/** Requests before the first memory sample, not counted in the soak. */
export const WARM_UP_REQUESTS = 200
/** The emulator's seed: the same seed fails the same upstream requests. */
export const SOAK_SEED = 20_261_122
/** The share of upstream requests the emulator breaks. */
export const SOAK_FAULT_RATE = 0.05
/** Heap growth of the Worker isolate (after GC) tolerated over the soak. */
export const WORKER_HEAP_GROWTH_BOUND_MIB = 4
/**
 * RSS of each workerd process. Under `wrangler dev` it climbs for a while even for a Worker that
 * only returns a constant (about 175 to 400 MiB over 10 000 requests, seen on this machine), so
 * RSS is bounded loosely and the leak check is the isolate heap after GC.
 */
export const WORKERD_RSS_BOUND_MIB = 1536
/** The Worker's cache never serves a token within this of its expiry (its default skewMs). */
export const WORKER_SKEW_MS = 30_000

/** What request number `index` of the soak is. */
export type SoakKind =
  /** An internal service asking for the token. */
  | 'get'
  /** A caller without the broker token: must get 401, whatever else is going on. */
  | 'stranger'
  /**
   * WeChat rejected the token: the emulator drops it upstream and the caller posts it to
   * `/invalidate`, so the next `get` has to go upstream (through the faults).
   */
  | 'rotate'

/**
 * The request mix: 1 % rotations (every 100th), 2 % strangers, the rest token requests.
 *
 * @param index - 0 to SOAK_REQUESTS - 1
 * @returns what to send
 */
export function soakKind(index: number): SoakKind {
  if (index % 100 === 50) return 'rotate'
  if (index % 50 === 25) return 'stranger'
  return 'get'
}

/** The faults, one tenth of the rate each: what the fault matrix covers, minus hangs. */
const FAULTS: readonly (readonly [string, Fault])[] = [
  ['http-503', { kind: 'http-error', status: 503 }],
  ['http-502-text', { kind: 'http-error', status: 502, body: 'text' }],
  ['reset', { kind: 'reset' }],
  ['rate-limit', { kind: 'rate-limit', retryAfter: 1 }],
  ['malformed-json', { kind: 'malformed-json' }],
  ['closed-mid-body', { kind: 'truncated', abort: true }],
  ['latency-200ms', { kind: 'latency', ms: 200 }],
  ['business-error', { kind: 'business-error' }],
  ['wrong-type', { kind: 'wrong-types', field: 'accessToken' }],
  ['slow-drip', { kind: 'slow-drip', chunkBytes: 16, intervalMs: 5 }],
]

/**
 * Fault rules that break `SOAK_FAULT_RATE` of the token requests, split evenly between kinds.
 * Rules are tried in order and the first that fires wins, so each rule's probability is
 * conditional on the ones before it not firing.
 *
 * @returns the rules, each with its kind as id
 */
export function soakFaultRules(): FaultRule[] {
  const share = SOAK_FAULT_RATE / FAULTS.length
  return FAULTS.map(([id, fault], index) => ({
    id,
    endpoint: 'get-wechat-access-token-info',
    fault,
    probability: share / (1 - share * index),
  }))
}
