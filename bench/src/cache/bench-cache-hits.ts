import { type Summary, summarize } from '../stats/summary.ts'

/** Anything with an async `get()`: the cache under test, or a baseline. */
export interface AsyncGetter {
  get(): Promise<unknown>
}

/** Throughput of one getter. */
export interface HitRateResult {
  /** Awaited `get()` calls per second, one sample per timed block. */
  readonly hitsPerSecond: Summary
  /** Calls per timed block. */
  readonly callsPerSample: number
}

/** How much to measure. */
export interface HitRateOptions {
  /** Calls made first and not timed (JIT tiers, inline caches). */
  readonly warmupCalls: number
  /** Timed blocks. */
  readonly samples: number
  /** Sequential awaited calls per block. */
  readonly callsPerSample: number
  /**
   * A monotonic clock in milliseconds.
   * @default performance.now
   */
  readonly now?: () => number
}

/**
 * Measures how many sequential, awaited `get()` calls per second a warm getter serves, the way
 * a request handler awaits the cache once per request.
 *
 * @param getter - a primed cache (every call must be a hit) or a baseline
 * @param options - warm-up and sample sizes
 * @returns hits per second per block, summarised
 */
export async function benchHitRate(
  getter: AsyncGetter,
  options: HitRateOptions,
): Promise<HitRateResult> {
  const now = options.now ?? (() => performance.now())
  for (let i = 0; i < options.warmupCalls; i++) await getter.get()
  const rates: number[] = []
  for (let s = 0; s < options.samples; s++) {
    const start = now()
    for (let i = 0; i < options.callsPerSample; i++) await getter.get()
    rates.push((options.callsPerSample * 1000) / (now() - start))
  }
  return { hitsPerSecond: summarize(rates), callsPerSample: options.callsPerSample }
}

/**
 * A reference point for scale: an `async` method returning a `Map` entry, which allocates a
 * new promise per call (a cache that hands back one settled promise can beat it).
 *
 * @returns a getter that always hits
 */
export function asyncMapBaseline(): AsyncGetter {
  const map = new Map([['key', { accessToken: 'token', expiresAt: Date.now() + 7_200_000 }]])
  return {
    async get() {
      return map.get('key')
    },
  }
}
