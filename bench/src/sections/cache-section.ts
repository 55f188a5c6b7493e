import { STAMPEDE_CONCURRENCY } from '../budgets.ts'
import { coldCache, isTokenResult } from '../cache/authing-edge-cache.ts'
import { asyncMapBaseline, benchHitRate, type HitRateOptions } from '../cache/bench-cache-hits.ts'
import { benchStampede } from '../cache/bench-stampede.ts'
import type { CountingServer } from '../loopback/counting-server.ts'
import { BENCH_ACCESS_TOKEN } from '../loopback/fixed-envelope-server.ts'
import type { BenchResults } from '../report/bench-results.ts'

/** Sizes of sections b and c. */
export interface CachePlan {
  readonly hits: Omit<HitRateOptions, 'now'>
  readonly stampedeTrials: number
}

/**
 * Sections b and c against the fixed-envelope server: memory hits per second of a primed cache
 * (and of an async-Map reference point), then 10 000 concurrent `get()` calls on fresh, cold caches.
 *
 * @param server - the fixed-envelope upstream
 * @param plan - sample sizes
 * @returns the two sections' results
 */
export async function measureCache(
  server: CountingServer,
  plan: CachePlan,
): Promise<Pick<BenchResults, 'cacheHits' | 'stampede'>> {
  const isToken = isTokenResult(BENCH_ACCESS_TOKEN)
  const cache = coldCache(server.url)
  const before = await server.hits()
  if (!isToken(await cache.get())) throw new Error('the primed cache did not return the token')
  const cacheResult = await benchHitRate(cache, plan.hits)
  const upstreamDuringHits = (await server.hits()) - before
  if (upstreamDuringHits !== 1) {
    throw new Error(`the hit benchmark reached upstream ${upstreamDuringHits} times, expected 1`)
  }
  const baseline = await benchHitRate(asyncMapBaseline(), plan.hits)
  const stampede = await benchStampede(
    () => coldCache(server.url),
    server,
    isToken,
    STAMPEDE_CONCURRENCY,
    plan.stampedeTrials,
  )
  return { cacheHits: { cache: cacheResult, asyncMapBaseline: baseline }, stampede }
}
