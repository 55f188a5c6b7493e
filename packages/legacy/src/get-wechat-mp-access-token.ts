import type {
  AuthenticationClient,
  GetWechatAccessTokenDto,
  GetWechatAccessTokenRespDto,
  RequestOptions,
} from '@authing-edge/core'
import { type Deprecation, warnDeprecatedOnce } from './deprecation.js'
import { postWithFallback } from './post-with-fallback.js'
import { isSilencedClient } from './silenced-clients.js'

/** The deprecation warned about by both forms of `getWechatMpAccessToken`, once between them. */
export const GET_WECHAT_MP_ACCESS_TOKEN_DEPRECATION: Deprecation = {
  code: 'AUTHING_EDGE_DEP001',
  name: 'getWechatMpAccessToken',
  replacement: 'getWechatMpAccessTokenInfo',
  message:
    'getWechatMpAccessToken is deprecated: call client.getWechatMpAccessTokenInfo(dto, options) ' +
    'instead: same arguments, same envelope. Once no deprecated call is left, import ' +
    'AuthenticationClient from @authing-edge/core. Silence this with ' +
    'silenceDeprecationWarnings() from @authing-edge/legacy.',
}

/**
 * Gets the WeChat Mini Program / Official Account access token cached by the Authing server, the
 * way `authing-node-sdk`'s `getWechatMpAccessToken` did, through any client of
 * `@authing-edge/core`: it calls the current endpoint (`/api/v3/get-wechat-access-token-info`)
 * and, when the server answers 404, the old `/api/v3/get-wechat-access-token` once, which the
 * client then keeps using. Warns once per process that it is deprecated.
 *
 * The standalone form of `AuthenticationClient.getWechatMpAccessToken`, for code that imports
 * core's client and wants only this function in its bundle.
 *
 * @deprecated Use {@link AuthenticationClient.getWechatMpAccessTokenInfo} instead:
 *   `client.getWechatMpAccessTokenInfo(dto, options)` takes the same arguments and returns the
 *   same envelope.
 * @param client - an `AuthenticationClient` from `@authing-edge/core` or `@authing-edge/legacy`
 * @param dto - the WeChat AppId and AppSecret, sent as given
 * @param options - `signal`, `timeout` and `throwOnApiError` for this call
 * @returns the validated envelope, also when `statusCode` is not 200 unless `throwOnApiError`
 * @throws the same typed errors as `getWechatMpAccessTokenInfo` (`ConfigError`,
 *   `AuthingApiError`, `HttpError`, `NetworkError`, `TimeoutError`, `ResponseValidationError`),
 *   or the signal's reason when the caller aborts
 *
 * @example
 * ```ts
 * import { AuthenticationClient } from '@authing-edge/core'
 * import { getWechatMpAccessToken } from '@authing-edge/legacy'
 *
 * const client = new AuthenticationClient({ appId: 'AUTHING_APP_ID', appHost: 'example.authing.cn' })
 * const resp = await getWechatMpAccessToken(client, { appId: 'wx123', appSecret: 'WECHAT_SECRET' })
 * ```
 */
export async function getWechatMpAccessToken(
  client: AuthenticationClient,
  dto: GetWechatAccessTokenDto,
  options?: RequestOptions,
): Promise<GetWechatAccessTokenRespDto> {
  warnDeprecatedOnce(GET_WECHAT_MP_ACCESS_TOKEN_DEPRECATION, {
    logger: client?.logger,
    silenced: isSilencedClient(client),
  })
  return postWithFallback(client, dto, options)
}
