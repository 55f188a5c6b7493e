import { TimeoutError } from '../errors/timeout-error.js'
import { type BufferedBody, readBody } from './buffered-fetch.js'
import type { FailureContext } from './to-authing-error.js'

/**
 * Reads a response that a user hook put in place, which no fetch wrapper read (and so no
 * per-attempt timer covered): bounded by `maxResponseBytes`, the per-attempt timeout and the
 * caller's signal, so a stalled body cannot hold the call.
 *
 * @param response - the hook's response
 * @param context - the call's bounds, signal and request summary
 * @returns the body as read
 * @throws {@link TimeoutError} when the timeout runs out first, the signal's reason on abort
 */
export async function readSuppliedBody(
  response: Response,
  context: FailureContext,
): Promise<BufferedBody> {
  const { signal, timeout, request } = context
  signal?.throwIfAborted()
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(new TimeoutError(timeout, { request })), timeout)
  const forward = () => controller.abort(signal?.reason)
  signal?.addEventListener('abort', forward)
  try {
    return await readBody(response, context.maxResponseBytes, controller.signal)
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', forward)
  }
}
