/** A clock tests move by hand: `now()` returns the same value until `advance` or `set`. */
export interface TestClock {
  /** The time it started at, epoch ms. */
  readonly start: number
  readonly now: () => number
  advance(ms: number): void
  set(epochMs: number): void
}

/**
 * @param start - the initial time, epoch ms (a whole second, since upstream speaks seconds)
 * @returns a hand-driven clock
 */
export function createTestClock(start = 1_700_000_000_000): TestClock {
  let t = start
  return {
    start,
    now: () => t,
    advance(ms) {
      t += ms
    },
    set(epochMs) {
      t = epochMs
    },
  }
}
