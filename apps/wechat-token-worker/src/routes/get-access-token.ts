import { authorizeRequest } from '../authorize-request.js'
import { errorToResponse } from '../error-response.js'
import { json } from '../responses.js'
import type { RouteContext } from '../router.js'

/**
 * `GET /v1/wechat/access-token`: the current WeChat access token, from this isolate's memory,
 * the shared KV namespace or Authing, in that order. A refresh that outlives the request is
 * finished through `ctx.waitUntil`. While a cached token is still valid it is served even when
 * Authing fails; without one, the answer is a 502 that names the failure.
 *
 * @param context - request, bindings and execution context
 * @returns 200 `{ accessToken, expiresAt }` (`expiresAt` in epoch milliseconds) with
 *   `Cache-Control: no-store`, or a JSON error
 */
export async function getAccessToken({ request, env, ctx }: RouteContext): Promise<Response> {
  const authorized = await authorizeRequest(request, env)
  if (!authorized.ok) return authorized.response
  const { cache, logger } = authorized.broker
  try {
    const token = await cache.get({
      signal: request.signal,
      waitUntil: (promise) => ctx.waitUntil(promise),
    })
    return json({ accessToken: token.accessToken, expiresAt: token.expiresAt })
  } catch (error) {
    return errorToResponse(error, logger)
  }
}
