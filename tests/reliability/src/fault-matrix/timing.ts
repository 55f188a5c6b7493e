import type { RetryOptions } from '@authing-edge/core'

/** The timing knobs of one client, as passed to `AuthenticationClient`, every one set. */
export interface ClientTiming {
  /** Per-attempt timeout, milliseconds. */
  readonly timeout: number
  /** Core's own retry options, none left to its defaults. */
  readonly retry: { readonly [K in keyof RetryOptions]-?: NonNullable<RetryOptions[K]> }
}

/**
 * What the matrix runs with: small timeouts and backoffs so that 35 faults take seconds, and a
 * `Retry-After` cap of one second so an absurd header is visibly capped.
 */
export const MATRIX_TIMING: ClientTiming = {
  timeout: 400,
  retry: { limit: 2, backoffLimit: 100, maxRetryAfter: 1000, retryOnTimeout: false },
}

/** The largest body the matrix clients read. */
export const MATRIX_MAX_RESPONSE_BYTES = 64 * 1024

/**
 * Scheduling slack on a shared, loaded 2-core machine: process start-up is not in it, only the
 * event loop being late. Generous on purpose: the bound catches hangs and uncapped waits
 * (seconds to forever), not micro-timing.
 */
export const SLACK_MS = 2000

/**
 * The longest a call may take under `timing`: every attempt runs into its timeout and every
 * wait between attempts is the longest allowed (computed backoff or capped `Retry-After`).
 *
 * @param timing - the client's timeout and retry policy
 * @returns the bound in milliseconds, slack included
 */
export function elapsedBoundMs(timing: ClientTiming): number {
  const attempts = timing.retry.limit + 1
  const longestWait = Math.max(timing.retry.backoffLimit, timing.retry.maxRetryAfter)
  return attempts * timing.timeout + timing.retry.limit * longestWait + SLACK_MS
}
