/**
 * The emulator's clock. Tokens, expiry and rate-limit windows follow it; latency and slow drips
 * use real timers. It runs from a base `now()` plus an offset, or stands still when frozen.
 */
export interface EmulatorClock {
  /** Current emulated time in epoch milliseconds. */
  now(): number
  /** Moves the clock forward (or back, with a negative value) by `ms`. */
  advance(ms: number): number
  /** Sets the clock to `epochMs`; a running clock keeps running from there. */
  set(epochMs: number): number
  /** Stops the clock where it is; only `advance`/`set` move it. */
  freeze(): number
  /** Lets a frozen clock run again from where it stands. */
  unfreeze(): number
  /** Puts the clock back where it started (no offset; frozen at `startAt` if one was given). */
  reset(): number
  /** Whether the clock stands still. */
  readonly frozen: boolean
}

/**
 * Creates a clock on top of `base`.
 *
 * @param base - the underlying time source, read at call time
 * @param startAt - when given, the clock starts frozen at this epoch millisecond
 * @returns a controllable clock
 */
export function createEmulatorClock(base: () => number, startAt?: number): EmulatorClock {
  let offset = 0
  let frozenAt: number | undefined = startAt

  const now = (): number => frozenAt ?? base() + offset

  return {
    now,
    advance(ms) {
      assertFinite(ms, 'advance')
      if (frozenAt === undefined) offset += ms
      else frozenAt += ms
      return now()
    },
    set(epochMs) {
      assertFinite(epochMs, 'set')
      if (frozenAt === undefined) offset = epochMs - base()
      else frozenAt = epochMs
      return now()
    },
    freeze() {
      frozenAt = now()
      return frozenAt
    },
    unfreeze() {
      if (frozenAt !== undefined) {
        offset = frozenAt - base()
        frozenAt = undefined
      }
      return now()
    },
    reset() {
      offset = 0
      frozenAt = startAt
      return now()
    },
    get frozen() {
      return frozenAt !== undefined
    },
  }
}

function assertFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`clock.${what} needs a finite number`)
}
