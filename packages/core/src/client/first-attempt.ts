import { type Input, TimeoutError as KyTimeoutError } from 'ky'
import { asNetworkFailure, type BufferedBody, readBody, rememberBody } from './buffered-fetch.js'
import { startDeadline } from './deadline.js'
import { postDirect } from './direct-fetch.js'

/**
 * How the first attempt of a direct-path call ended: with a response (its body read, bounded), or
 * with the error that `fetch` or the body read threw.
 */
export type FirstAttempt =
  | { readonly response: Response; readonly body: BufferedBody }
  | { readonly error: unknown; readonly timedOut: boolean }

/** The reason the first attempt's own timer aborts with; never seen by callers. */
const TIMED_OUT: unique symbol = Symbol('authing-edge first attempt timed out')

/**
 * Sends the first attempt of a direct-path call without ky (see `postDirect`), under the
 * per-attempt timeout and the caller's signal. The body is read before the timer stops, as on
 * every later attempt.
 *
 * ky's per-call work (its options merge, its `Request`, the hook plumbing) adds a fifth to a half
 * to a loopback round trip and buys nothing here: nothing but authing-edge sees this attempt.
 * When it yields anything but a 2xx, the call goes through ky after all, and
 * {@link createReplayFetch} hands ky this outcome as its first attempt, so retries, Retry-After,
 * timeouts and HTTP errors keep ky's exact semantics.
 *
 * @param url - where the request goes
 * @param body - the JSON body, exactly as serialised
 * @param headers - every header of the request
 * @param timeout - the per-attempt timeout, in milliseconds
 * @param signal - the caller's signal, if any
 * @param maxBytes - the largest response body read
 * @returns the response with its body, or what went wrong
 */
export async function sendFirstAttempt(
  url: string,
  body: string,
  headers: Readonly<Record<string, string>>,
  timeout: number,
  signal: AbortSignal | undefined,
  maxBytes: number,
): Promise<FirstAttempt> {
  const deadline = startDeadline(timeout, signal, () => TIMED_OUT)
  try {
    const response = await postDirect(url, body, headers, deadline.signal)
    // A response without a body (204, an opaque redirect) reads as empty.
    return { response, body: await readBody(response, maxBytes) }
  } catch (error) {
    return { error, timedOut: deadline.signal.reason === TIMED_OUT }
  } finally {
    deadline.clear()
  }
}

/**
 * Creates the `fetch` that ky calls when a direct-path call continues after a first attempt that
 * did not end in a 2xx: ky's first fetch gets that attempt's outcome (the response, its body
 * remembered for `bufferedBodyOf`, or its error as ky's own `fetch` would have rejected), and
 * every later one goes to `next`.
 *
 * @param first - the first attempt's outcome
 * @param next - the fetch of later attempts (the direct path's, see `createDirectFetch`)
 * @returns a fetch for ky's `fetch` option
 */
export function createReplayFetch(
  first: FirstAttempt,
  next: (input: Input, init?: RequestInit) => Promise<Response>,
): (input: Input, init?: RequestInit) => Promise<Response> {
  let replayed = false
  return (input, init) => {
    if (replayed) return next(input, init)
    replayed = true
    if ('response' in first) {
      rememberBody(first.response, first.body)
      return Promise.resolve(first.response)
    }
    // ky always passes its Request; the fallback only keeps the types honest.
    const request = input instanceof Request ? input : new Request(input, init)
    // What ky's own timer, or a fetch that failed, would have rejected with.
    return Promise.reject(
      first.timedOut ? new KyTimeoutError(request) : asNetworkFailure(first.error, request.signal),
    )
  }
}
