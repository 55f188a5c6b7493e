import { HTTPError, TimeoutError as KyTimeoutError, type RetryOptions } from 'ky'
import { isFetchFailure } from './buffered-fetch.js'
import { isHookError } from './hook-guard.js'

/** The headers ky 1 reads a server's wait from, first present first. */
const WAIT_HEADERS = [
  'retry-after',
  'ratelimit-reset',
  'x-ratelimit-retry-after',
  'x-ratelimit-reset',
  'x-rate-limit-reset',
]

/** A number of seconds (or, for the rate-limit headers, an epoch time), as servers send it. */
const SECONDS = /^\d+(?:\.\d+)?$/

/**
 * An HTTP date with its zone: IMF-fixdate, or the obsolete RFC 850 form. The obsolete asctime
 * form has none, and ky would read it as local time: it gets the usual backoff instead.
 */
const HTTP_DATE = / GMT$/

/**
 * Whether the server named a wait that is neither a number of seconds nor an HTTP date. ky 1
 * reads whatever `Number` or `Date.parse` make of it, and both take junk (`-1`, `0x10`,
 * `Infinity`, `May 1`).
 */
function unreadableWait(headers: Headers): boolean {
  for (const name of WAIT_HEADERS) {
    const value = headers.get(name)?.trim()
    if (value === undefined) continue
    return !(SECONDS.test(value) || (HTTP_DATE.test(value) && !Number.isNaN(Date.parse(value))))
  }
  return false
}

/**
 * HTTP statuses worth another attempt: 408, 429 and every 5xx except 501 and 505. Shared by every
 * client's ky options (ky's type wants a mutable array; nothing changes it).
 */
export const RETRY_STATUS_CODES: number[] = [408, 429].concat(
  Array.from({ length: 100 }, (_, i) => 500 + i).filter((s) => s !== 501 && s !== 505),
)

/**
 * ky's `retry.shouldRetry`: `undefined` leaves the decision (statuses, `Retry-After`, timeouts
 * with `retryOnTimeout`) to ky, `false` ends the call and `true` retries after the usual backoff.
 *
 * - ky 1 retries whatever an attempt throws; only a network failure of an attempt is worth it
 *   ({@link isFetchFailure}), besides ky's own HTTP and timeout errors. An error a hook throws,
 *   or an authing-edge error from an injected `fetch`, is final, whatever its name.
 * - ky 1 makes what it can of any wait header, waiting `maxRetryAfter`, or not at all, for
 *   junk; a value that is neither seconds nor an HTTP date is ignored instead, and the usual
 *   backoff applies.
 */
export const shouldRetry: NonNullable<RetryOptions['shouldRetry']> = ({ error }) => {
  if (isHookError(error)) return false
  if (error instanceof HTTPError) {
    const { status, headers } = error.response
    return RETRY_STATUS_CODES.includes(status) && unreadableWait(headers) ? true : undefined
  }
  return error instanceof KyTimeoutError || isFetchFailure(error) ? undefined : false
}
