import type { CountingServer } from '../loopback/counting-server.ts'
import { type Summary, summarize } from '../stats/summary.ts'
import type { AsyncGetter } from './bench-cache-hits.ts'

/** One cold stampede. */
export interface StampedeTrial {
  /** Requests the upstream received while the calls were in flight. */
  readonly upstreamRequests: number
  /** From the first `get()` until every call settled. */
  readonly wallMs: number
  /** Calls that rejected or returned something other than the server's token. */
  readonly wrongResults: number
}

/** All trials of the stampede. */
export interface StampedeResult {
  readonly concurrency: number
  readonly trials: readonly StampedeTrial[]
  readonly wallMs: Summary
}

/**
 * Fires `concurrency` `get()` calls at once at a fresh, empty cache and counts what reached the
 * upstream: single-flight means exactly one request, whatever the concurrency.
 *
 * @param makeColdCache - builds a new, empty cache wired to `server`
 * @param server - the upstream, whose request count is read before and after
 * @param isExpected - whether one call's result is the server's token
 * @param concurrency - simultaneous calls per trial
 * @param trials - fresh caches to try
 * @returns every trial and the wall-time summary
 */
export async function benchStampede(
  makeColdCache: () => AsyncGetter,
  server: CountingServer,
  isExpected: (result: unknown) => boolean,
  concurrency: number,
  trials: number,
): Promise<StampedeResult> {
  const results: StampedeTrial[] = []
  for (let t = 0; t < trials; t++) {
    const cache = makeColdCache()
    const before = await server.hits()
    const start = performance.now()
    const settled = await Promise.allSettled(Array.from({ length: concurrency }, () => cache.get()))
    const wallMs = performance.now() - start
    const wrongResults = settled.filter(
      (s) => s.status === 'rejected' || !isExpected(s.value),
    ).length
    results.push({ upstreamRequests: (await server.hits()) - before, wallMs, wrongResults })
  }
  return { concurrency, trials: results, wallMs: summarize(results.map((r) => r.wallMs)) }
}
