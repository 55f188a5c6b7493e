import * as v from 'valibot'
import type { CountingServer } from '../loopback/counting-server.ts'
import { authingEdgeContender } from '../overhead/authing-edge-contender.ts'
import {
  bareFetchContender,
  officialSdkContender,
  timedFetchContender,
} from '../overhead/baseline-contenders.ts'
import { pairedRatios, runInterleaved } from '../overhead/interleaved-runner.ts'
import { ResultWithTokenSchema, verifyContender } from '../overhead/verify-contender.ts'
import type { OverheadResult, TimingRatio } from '../report/bench-results.ts'
import { NAMES } from '../report/check-targets.ts'
import { summarize } from '../stats/summary.ts'

/** Rounds and batch size of one comparison. */
export interface OverheadPlan {
  readonly warmupRounds: number
  readonly rounds: number
  readonly callsPerBatch: number
}

/**
 * Section a against one server: checks that each contender really calls it, then times them
 * interleaved and derives the ratios from the same rounds.
 *
 * @param server - the upstream
 * @param label - how the report names it
 * @param plan - rounds and batch size
 * @returns per-call medians and spreads (µs) and the ratios
 */
export async function measureOverhead(
  server: CountingServer,
  label: string,
  plan: OverheadPlan,
): Promise<OverheadResult> {
  const contenders = [
    authingEdgeContender(server.url),
    bareFetchContender(server.url),
    timedFetchContender(server.url),
    officialSdkContender(server.url),
  ]
  const first = v.parse(ResultWithTokenSchema, await bareFetchContender(server.url).call())
  for (const contender of contenders) {
    await verifyContender(contender, server, first.data.accessToken)
  }
  const samples = await runInterleaved(contenders, plan)
  const series = (name: string) => samples.get(name) ?? []
  const ratio = (numerator: string, denominator: string): TimingRatio => {
    const a = series(numerator)
    const b = series(denominator)
    return {
      numerator,
      denominator,
      ofMedians: summarize(a).median / summarize(b).median,
      paired: summarize(pairedRatios(a, b)),
    }
  }
  return {
    server: label,
    ...plan,
    contenders: contenders.map((c) => ({
      name: c.name,
      perCallUs: summarize(series(c.name).map((ms) => ms * 1000)),
    })),
    ratios: [
      ratio(NAMES.ours, NAMES.fetch),
      ratio(NAMES.ours, NAMES.timedFetch),
      ratio(NAMES.timedFetch, NAMES.fetch),
      ratio(NAMES.ours, NAMES.official),
      ratio(NAMES.official, NAMES.fetch),
    ],
  }
}
