import type { RefreshTrigger } from './cache-events.js'

function ignore(): void {}

/**
 * One refresh in progress (store read, then upstream if needed), shared by every call that
 * needs it. Settles once; the cache forgets it as soon as it settles, so a failure is never
 * kept as a rejected promise.
 * @internal
 */
export class Flight<T> {
  /** Increases with every flight; a result only replaces the cached token if it is newer. */
  readonly seq: number
  /** When it started (epoch ms, injected clock). */
  readonly startedAt: number
  /** Why it started. */
  readonly trigger: RefreshTrigger
  /** The invalidation epoch when it started; a result invalidated after that is stale. */
  readonly startEpoch: number
  /** Whether `promise` has settled. A waiter whose await fails while this is false was cut off by the runtime. */
  settled = false
  /** The store write that follows a successful fetch, once there is one. */
  storeWrite: Promise<void> | undefined
  /** The outcome. */
  readonly promise: Promise<T>
  /** Settles after the outcome and the store write; never rejects. Hand it to `waitUntil`. */
  readonly done: Promise<void>

  /**
   * @param seq - sequence number
   * @param startedAt - start time (epoch ms)
   * @param trigger - why it started
   * @param startEpoch - the invalidation epoch at the start
   * @param run - the work; called at once with this flight
   * @param onSettle - called when the work settles, before any waiter resumes
   */
  constructor(
    seq: number,
    startedAt: number,
    trigger: RefreshTrigger,
    startEpoch: number,
    run: (flight: Flight<T>) => Promise<T>,
    onSettle: (flight: Flight<T>) => void,
  ) {
    this.seq = seq
    this.startedAt = startedAt
    this.trigger = trigger
    this.startEpoch = startEpoch
    const settle = (): void => {
      this.settled = true
      onSettle(this)
    }
    this.promise = run(this).then(
      (value) => {
        settle()
        return value
      },
      (error: unknown) => {
        settle()
        throw error
      },
    )
    this.done = this.promise.then(() => this.storeWrite, ignore)
  }
}

/** What a bounded wait resolves with when its bound runs out. */
export const TIMED_OUT: unique symbol = Symbol('timed out')

/**
 * A timer that resolves with {@link TIMED_OUT}; read `setTimeout` at call time so the module
 * loads anywhere. Always call `cancel`.
 * @internal
 *
 * @param ms - the bound in milliseconds
 * @returns the timer's promise and a function that clears it
 */
export function deadline(ms: number): { promise: Promise<typeof TIMED_OUT>; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined
  const promise = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(resolve, ms, TIMED_OUT)
  })
  return {
    promise,
    cancel: () => {
      if (timer !== undefined) clearTimeout(timer)
    },
  }
}

/**
 * Races promises and, when given, an abort signal (rejecting with its reason). The abort
 * listener is removed when the race settles.
 * @internal
 *
 * @param contenders - the promises to race
 * @param signal - an optional abort signal
 * @returns the first outcome
 */
export function raceAbortable<T>(
  contenders: Promise<T>[],
  signal: AbortSignal | undefined,
): Promise<T> {
  if (signal === undefined) return Promise.race(contenders)
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason)
    if (signal.aborted) {
      onAbort()
      return
    }
    signal.addEventListener('abort', onAbort, { once: true })
    Promise.race(contenders)
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort))
  })
}
