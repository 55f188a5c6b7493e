import { HTTPError, TimeoutError as KyTimeoutError, type RetryOptions } from 'ky'
import { isFetchFailure } from './buffered-fetch.js'

/** The headers ky 1 reads a server's wait from, first present first. */
const WAIT_HEADERS = [
  'retry-after',
  'ratelimit-reset',
  'x-ratelimit-retry-after',
  'x-ratelimit-reset',
  'x-rate-limit-reset',
]

/** Whether the server named a wait that is neither a number of seconds nor a date. */
function unreadableWait(headers: Headers): boolean {
  for (const name of WAIT_HEADERS) {
    const value = headers.get(name)
    if (value !== null) return Number.isNaN(Number(value)) && Number.isNaN(Date.parse(value))
  }
  return false
}

/**
 * Builds ky's `retry.shouldRetry`, which answers `undefined` to leave the decision (statuses,
 * `Retry-After`, timeouts with `retryOnTimeout`) to ky, `false` to end the call and `true` to
 * retry after the usual backoff.
 *
 * - ky 1 retries whatever an attempt throws; only a network failure of an attempt is worth it
 *   ({@link isFetchFailure}), besides ky's own HTTP and timeout errors. An error a hook throws,
 *   or an authing-edge error from an injected `fetch`, is final, whatever its name.
 * - ky 1 waits `maxRetryAfter` when a wait header reads as neither seconds nor a date; such a
 *   value is ignored instead, and the usual backoff applies.
 *
 * @param statusCodes - the HTTP statuses retried
 * @returns the `shouldRetry` option
 */
export function createShouldRetry(
  statusCodes: readonly number[],
): NonNullable<RetryOptions['shouldRetry']> {
  return ({ error }) => {
    if (error instanceof HTTPError) {
      const { status, headers } = error.response
      return statusCodes.includes(status) && unreadableWait(headers) ? true : undefined
    }
    return error instanceof KyTimeoutError || isFetchFailure(error) ? undefined : false
  }
}
