import {
  CLIENT_ENTRY_MAX_GZIP_BYTES,
  MAX_OVERHEAD_VS_FETCH,
  MIN_CACHE_HITS_PER_SECOND,
  MIN_SIZE_ADVANTAGE,
} from '../budgets.ts'
import type { BenchResults, BundleRow, OverheadResult, TargetCheck } from './bench-results.ts'
import { bytes, num, rate, times } from './format.ts'

/** Names the report and the checks agree on. */
export const NAMES = {
  ours: '@authing-edge/core',
  fetch: 'bare fetch',
  timedFetch: 'bare fetch with a timeout',
  official: 'authing-node-sdk 4.0.1',
  clientBundle: 'client entry',
  officialWorkerBundle: 'official SDK entry',
  officialNodeBundle: 'official SDK entry (Node)',
  kyFloorBundle: 'floor: ky alone',
  kyValibotFloorBundle: 'floor: ky + valibot envelope schemas',
} as const

const median = (o: OverheadResult | undefined, name: string) =>
  o?.contenders.find((c) => c.name === name)?.perCallUs.median

const gzipOf = (rows: readonly BundleRow[], name: string, build?: string) => {
  const row = rows.find((r) => r.name === name && (build === undefined || r.build === build))
  return row?.outcome.ok ? row.outcome.gzipBytes : undefined
}

/** A check of two figures, or "not measured" when either is missing. */
function pair(
  target: string,
  a: number | undefined,
  b: number | undefined,
  check: (a: number, b: number) => Omit<TargetCheck, 'target'>,
): TargetCheck {
  return a === undefined || b === undefined
    ? { target, measured: 'n/a', met: undefined }
    : { target, ...check(a, b) }
}

/**
 * Checks the targets against what a run measured. The timing targets use the first
 * overhead comparison (the loopback server in its own process).
 *
 * @param results - everything but the targets
 * @param officialWorkerBuild - the `build` label of the official SDK's esbuild Worker row
 * @returns one check per target, in the order
 */
export function checkTargets(
  results: Omit<BenchResults, 'targets'>,
  officialWorkerBuild: string,
): TargetCheck[] {
  const primary = results.overhead[0]
  const ours = median(primary, NAMES.ours)
  const bare = median(primary, NAMES.fetch)
  const timed = median(primary, NAMES.timedFetch)
  const official = median(primary, NAMES.official)
  const hits = results.cacheHits.cache.hitsPerSecond.median
  const trials = results.stampede.trials
  const client = gzipOf(results.bundles, NAMES.clientBundle)
  const kyFloor = gzipOf(results.bundles, NAMES.kyFloorBundle)
  const kyValibotFloor = gzipOf(results.bundles, NAMES.kyValibotFloorBundle)
  const officialWorker = gzipOf(results.bundles, NAMES.officialWorkerBundle, officialWorkerBuild)
  const officialNode = gzipOf(results.bundles, NAMES.officialNodeBundle)
  const officialSize = officialWorker ?? officialNode
  const against =
    officialWorker === undefined ? "the official SDK's Node bundle" : 'its Worker bundle'
  return [
    pair(
      `uncached call ≤ ${times(MAX_OVERHEAD_VS_FETCH)} bare fetch (medians)`,
      ours,
      bare,
      (a, b) => ({
        measured:
          `${times(a / b)} (${num(a)} µs vs ${num(b)} µs)` +
          (timed === undefined ? '' : `; ${times(a / timed)} a bare fetch with a timeout`),
        met: a / b <= MAX_OVERHEAD_VS_FETCH,
      }),
    ),
    pair('uncached call faster than authing-node-sdk 4.0.1 (medians)', ours, official, (a, b) => ({
      measured: `${num(a)} µs vs ${num(b)} µs (${times(a / b)})`,
      met: a < b,
    })),
    {
      target: `cache hits ≥ ${rate(MIN_CACHE_HITS_PER_SECOND)} on Node`,
      measured: rate(hits),
      met: hits >= MIN_CACHE_HITS_PER_SECOND,
    },
    {
      target: `exactly 1 upstream request for ${results.stampede.concurrency.toLocaleString('en')} concurrent cold calls`,
      measured: `${trials.map((t) => t.upstreamRequests).join(', ')} request(s) over ${trials.length} trials`,
      met:
        trials.length > 0 && trials.every((t) => t.upstreamRequests === 1 && t.wrongResults === 0),
    },
    {
      target: `client entry ≤ ${bytes(CLIENT_ENTRY_MAX_GZIP_BYTES)} min+gz, ky included`,
      measured:
        client === undefined
          ? 'did not build'
          : bytes(client) +
            (kyFloor === undefined || kyValibotFloor === undefined
              ? ''
              : `; ky alone ${bytes(kyFloor)}, ky + valibot envelope schemas ${bytes(kyValibotFloor)}`),
      met: client === undefined ? false : client <= CLIENT_ENTRY_MAX_GZIP_BYTES,
    },
    pair(
      `client entry ≥ ${MIN_SIZE_ADVANTAGE}x smaller than the official SDK's (min+gz)`,
      client,
      officialSize,
      (a, b) => ({
        measured: `${times(b / a)} against ${against}`,
        met: a * MIN_SIZE_ADVANTAGE <= b,
      }),
    ),
  ]
}
