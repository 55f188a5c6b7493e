import { TimeoutError } from '../errors/timeout-error.js'
import { type BufferedBody, bufferedBodyOf, readBody } from './buffered-fetch.js'
import { startDeadline } from './deadline.js'
import type { FailureContext } from './to-authing-error.js'

/**
 * The body of a response that came out of ky: the one its fetch wrapper read, or, for a response
 * a user hook put in place (which no fetch wrapper read, and no per-attempt timer covered), its
 * body read now within `maxResponseBytes`, the per-attempt timeout and the caller's signal, so a
 * stalled body cannot hold the call.
 *
 * @param response - a response ky resolved with, or an `HTTPError`'s
 * @param context - the call's bounds, signal and request summary
 * @returns the body as read
 * @throws {@link TimeoutError} when the timeout runs out first, the signal's reason on abort
 */
export async function bodyOf(response: Response, context: FailureContext): Promise<BufferedBody> {
  const buffered = bufferedBodyOf(response)
  if (buffered) return buffered
  const { timeout, request } = context
  const deadline = startDeadline(
    timeout,
    context.signal,
    () => new TimeoutError(timeout, { request }),
  )
  try {
    return await readBody(response, context.maxResponseBytes, deadline.signal)
  } finally {
    deadline.clear()
  }
}
