/** Robust summary of one series of measurements. */
export interface Summary {
  /** How many samples the summary describes. */
  readonly n: number
  /** The middle value. */
  readonly median: number
  /** The 25th percentile (linear interpolation between closest ranks). */
  readonly p25: number
  /** The 75th percentile (linear interpolation between closest ranks). */
  readonly p75: number
  /** Median absolute deviation from the median (unscaled). */
  readonly mad: number
  /** The smallest sample. */
  readonly min: number
  /** The largest sample. */
  readonly max: number
}

/**
 * The `q`-quantile of already sorted values, interpolating linearly between the two closest
 * ranks (the method spreadsheets call PERCENTILE.INC).
 *
 * @param sorted - samples in ascending order; must not be empty
 * @param q - the quantile, between 0 and 1
 * @returns the interpolated quantile
 */
export function quantileOfSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of an empty series')
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be within [0, 1], got ${q}`)
  const position = (sorted.length - 1) * q
  const lower = Math.floor(position)
  const upper = Math.ceil(position)
  const low = sorted[lower] ?? Number.NaN
  const high = sorted[upper] ?? Number.NaN
  return low + (high - low) * (position - lower)
}

/**
 * Median, quartiles, MAD and range of a series. The input is not modified.
 *
 * @param samples - the measurements; must not be empty
 * @returns their summary
 * @example
 * ```ts
 * summarize([3, 1, 2]).median // 2
 * ```
 */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b)
  const median = quantileOfSorted(sorted, 0.5)
  const deviations = sorted.map((x) => Math.abs(x - median)).sort((a, b) => a - b)
  return {
    n: sorted.length,
    median,
    p25: quantileOfSorted(sorted, 0.25),
    p75: quantileOfSorted(sorted, 0.75),
    mad: quantileOfSorted(deviations, 0.5),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
  }
}
