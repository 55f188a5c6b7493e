import { roundOrder } from '../stats/round-order.ts'

/** One way of making the same call, measured against the others. */
export interface Contender {
  /** A short, unique label used in reports. */
  readonly name: string
  /** Makes one complete call, response body read and parsed. */
  readonly call: () => Promise<unknown>
}

/** How long and how finely to measure. */
export interface InterleavedOptions {
  /** Rounds run first and thrown away (JIT, connection pools, caches). */
  readonly warmupRounds: number
  /** Rounds kept; each yields one per-call sample for every contender. */
  readonly rounds: number
  /** Sequential calls per contender per round; the sample is their mean. */
  readonly callsPerBatch: number
  /**
   * A monotonic clock in milliseconds.
   * @default performance.now
   */
  readonly now?: () => number
}

/** Per-call times in milliseconds, one per kept round, index-aligned across contenders. */
export type InterleavedSamples = ReadonlyMap<string, readonly number[]>

/**
 * Measures contenders in rounds: in each round every contender runs one batch of sequential
 * calls, in an order that changes from round to round (see `roundOrder`: every contender runs in
 * every position and after every other one equally often), so that on a noisy, shared machine a
 * slow spell, and what one batch leaves for the next, hit all of them alike and the samples of a
 * round can be compared pairwise.
 *
 * @param contenders - the calls to compare; names must be unique
 * @param options - rounds and batch size
 * @returns per-call times per contender, one per kept round
 * @example
 * ```ts
 * const samples = await runInterleaved([a, b], { warmupRounds: 10, rounds: 100, callsPerBatch: 20 })
 * samples.get(a.name) // 100 per-call times in ms
 * ```
 */
export async function runInterleaved(
  contenders: readonly Contender[],
  options: InterleavedOptions,
): Promise<InterleavedSamples> {
  const { warmupRounds, rounds, callsPerBatch } = options
  const now = options.now ?? (() => performance.now())
  if (new Set(contenders.map((c) => c.name)).size !== contenders.length) {
    throw new Error('contender names must be unique')
  }
  const samples = new Map<string, number[]>(contenders.map((c) => [c.name, []]))
  for (let round = 0; round < warmupRounds + rounds; round++) {
    for (const index of roundOrder(contenders.length, round)) {
      const contender = contenders[index]
      if (contender === undefined) continue
      const start = now()
      for (let i = 0; i < callsPerBatch; i++) await contender.call()
      const perCall = (now() - start) / callsPerBatch
      if (round >= warmupRounds) samples.get(contender.name)?.push(perCall)
    }
  }
  return samples
}

/**
 * Round-by-round ratios `a[i] / b[i]` of two index-aligned series.
 *
 * @param a - numerator series
 * @param b - denominator series, same length
 * @returns one ratio per round
 */
export function pairedRatios(a: readonly number[], b: readonly number[]): number[] {
  if (a.length !== b.length) throw new Error(`series differ in length: ${a.length} vs ${b.length}`)
  return a.map((x, i) => x / (b[i] ?? Number.NaN))
}
