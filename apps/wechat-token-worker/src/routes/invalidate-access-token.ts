import * as v from 'valibot'
import { authorizeRequest } from '../authorize-request.js'
import { errorToResponse } from '../error-response.js'
import { readJsonBody } from '../read-json-body.js'
import { errorResponse, json } from '../responses.js'
import type { RouteContext } from '../router.js'

/** The body of `POST /v1/wechat/access-token/invalidate`. */
// Every message is custom: valibot's defaults quote the received value, which may be a token.
export const InvalidateBodySchema = v.object(
  {
    accessToken: v.pipe(
      v.string('accessToken must be a string'),
      v.minLength(1, 'accessToken must not be empty'),
      v.maxLength(2048, 'accessToken must be at most 2048 characters'),
    ),
  },
  'the body must be a JSON object',
)

/**
 * `POST /v1/wechat/access-token/invalidate` with `{ "accessToken": "..." }`, for a caller that
 * just got `40001`, `40014` or `42001` from WeChat with that token. Compare-and-invalidate: the
 * cached token is dropped only if it is still the one that failed, so late or repeated calls
 * never throw away a newer token. The caller then asks `GET /v1/wechat/access-token` again.
 *
 * @param context - request, bindings and execution context
 * @returns 200 `{ invalidated }`: whether the token was dropped (false when another token is
 *   cached by now, or it was already dropped), or a JSON error
 */
export async function invalidateAccessToken({
  request,
  env,
  ctx,
}: RouteContext): Promise<Response> {
  const authorized = await authorizeRequest(request, env)
  if (!authorized.ok) return authorized.response
  const body = await readJsonBody(request)
  if (!body.ok) return body.response
  const parsed = v.safeParse(InvalidateBodySchema, body.value)
  if (!parsed.success) {
    const message = parsed.issues.map((issue) => issue.message).join('; ')
    return errorResponse(400, 'invalid_body', `Expected { "accessToken": string }: ${message}`)
  }
  const { cache, logger } = authorized.broker
  try {
    const invalidated = await cache.invalidate(parsed.output.accessToken, {
      waitUntil: (promise) => ctx.waitUntil(promise),
    })
    return json({ invalidated })
  } catch (error) {
    return errorToResponse(error, logger)
  }
}
