import {
  ConfigError,
  AuthenticationClient as CoreAuthenticationClient,
  type AuthenticationClientOptions as CoreAuthenticationClientOptions,
  type GetWechatAccessTokenDto,
  type GetWechatAccessTokenRespDto,
  type RequestOptions,
} from '@authing-edge/core'
import { getWechatMpAccessToken } from './get-wechat-mp-access-token.js'
import { silenceClient } from './silenced-clients.js'

/**
 * Options of the legacy `AuthenticationClient`: every option of `@authing-edge/core`'s, plus a
 * switch for this package's deprecation warnings.
 */
export interface AuthenticationClientOptions extends CoreAuthenticationClientOptions {
  /**
   * Never warn about deprecated methods called on this client. To silence the whole process, call
   * `silenceDeprecationWarnings()` or run Node with `--no-deprecation`.
   * @default false
   */
  silenceDeprecationWarnings?: boolean | undefined
}

/** Splits off this package's option, so core sees only its own; core reports anything malformed. */
function splitOptions(options: AuthenticationClientOptions): {
  core: CoreAuthenticationClientOptions
  silence: boolean
} {
  if (typeof options !== 'object' || options === null) return { core: options, silence: false }
  const { silenceDeprecationWarnings: silence, ...core } = options
  if (silence !== undefined && typeof silence !== 'boolean') {
    throw new ConfigError('silenceDeprecationWarnings', 'must be true or false')
  }
  return { core, silence: silence === true }
}

/**
 * `@authing-edge/core`'s `AuthenticationClient` with the methods `authing-node-sdk` has deprecated,
 * so code written for the official SDK can switch by changing its import. It is a subclass: it
 * works wherever a core client is expected and has every core method.
 *
 * @example
 * ```ts
 * import { AuthenticationClient, isWechatAccessTokenSuccess } from '@authing-edge/legacy'
 *
 * const client = new AuthenticationClient({
 *   appId: 'AUTHING_APP_ID',
 *   appHost: 'https://example.authing.cn',
 * })
 * const resp = await client.getWechatMpAccessToken({ appId: 'wx123', appSecret: 'WECHAT_SECRET' })
 * // Narrow with the guard: `resp.statusCode === 200` does not narrow `resp.data`.
 * if (isWechatAccessTokenSuccess(resp)) console.log(resp.data.expiresAt)
 * ```
 */
export class AuthenticationClient extends CoreAuthenticationClient {
  /**
   * Validates the options and prepares the HTTP pipeline; nothing is sent.
   *
   * @param options - `appId` and `appHost` are required; see {@link AuthenticationClientOptions}
   * @throws `ConfigError` naming the first invalid option
   */
  constructor(options: AuthenticationClientOptions) {
    const { core, silence } = splitOptions(options)
    super(core)
    if (silence) silenceClient(this)
  }

  /**
   * Gets the WeChat Mini Program / Official Account access token cached by the Authing server,
   * like `authing-node-sdk`'s method of the same name. It calls the current endpoint
   * (`/api/v3/get-wechat-access-token-info`); when the server answers 404 (an older private
   * deployment) it calls the old `/api/v3/get-wechat-access-token` once and keeps using it for
   * this client. The first call in the process writes a deprecation warning.
   *
   * @deprecated Use {@link AuthenticationClient.getWechatMpAccessTokenInfo} instead: it takes the
   *   same arguments and returns the same envelope.
   * @param dto - the WeChat AppId and AppSecret, sent as given
   * @param options - `signal`, `timeout` and `throwOnApiError` for this call
   * @returns the validated envelope, also when `statusCode` is not 200 unless `throwOnApiError`
   * @throws the same typed errors as `getWechatMpAccessTokenInfo`, or the signal's reason when
   *   the caller aborts
   *
   * @example
   * ```ts
   * import { AuthenticationClient } from '@authing-edge/legacy'
   *
   * const client = new AuthenticationClient({ appId: 'AUTHING_APP_ID', appHost: 'example.authing.cn' })
   * const dto = { appId: 'wx123', appSecret: 'WECHAT_SECRET' }
   * const before = await client.getWechatMpAccessToken(dto) // warns once
   * const after = await client.getWechatMpAccessTokenInfo(dto) // same request, same envelope
   * ```
   */
  getWechatMpAccessToken(
    dto: GetWechatAccessTokenDto,
    options?: RequestOptions,
  ): Promise<GetWechatAccessTokenRespDto> {
    return getWechatMpAccessToken(this, dto, options)
  }
}
