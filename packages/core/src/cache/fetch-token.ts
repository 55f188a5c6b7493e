import { isWechatAccessTokenSuccess } from '@authing-edge/types'
import { normalizeExpiresAt } from '../client/normalize-expires-at.js'
import { checkEnvelope } from '../client/parse-envelope.js'
import { apiErrorFrom } from '../client/to-authing-error.js'
import { ResponseValidationError } from '../errors/response-validation-error.js'
import type { WechatAccessTokenSource } from './cache-options.js'
import type { StoredToken } from './token-store.js'

/**
 * Asks the source for a token and checks what comes back, whatever the source: the envelope
 * is validated again (a hand-made source is not trusted with a cast), a business error becomes
 * an `AuthingApiError` even when the source did not throw one, and `expiresAt` is normalised
 * to epoch milliseconds.
 * @internal
 *
 * @param client - the token source
 * @param appId - the WeChat AppId
 * @param appSecret - the WeChat AppSecret; redacted from every message built here
 * @returns the token and its expiry (epoch ms)
 */
export async function fetchToken(
  client: WechatAccessTokenSource,
  appId: string,
  appSecret: string,
): Promise<StoredToken> {
  const answer: unknown = await client.getWechatMpAccessTokenInfo(
    { appId, appSecret },
    { throwOnApiError: true },
  )
  const body = checkEnvelope(answer, [appSecret])
  if (Array.isArray(body)) throw new ResponseValidationError(body)
  // A source that did not throw on a business error: the client's own error, built the same way.
  if (!isWechatAccessTokenSuccess(body)) throw apiErrorFrom(body, 200, { secrets: [appSecret] })
  return { accessToken: body.data.accessToken, expiresAt: normalizeExpiresAt(body.data.expiresAt) }
}
