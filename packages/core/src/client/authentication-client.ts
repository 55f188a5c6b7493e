import type {
  GetWechatAccessTokenDto,
  GetWechatAccessTokenInfoRespDto,
  WechatAccessTokenSuccess,
} from '@authing-edge/types'
import { ConfigError } from '../errors/config-error.js'
import type { Logger } from '../logger.js'
import { isRecord } from './is-record.js'
import type {
  AuthenticationClientOptions,
  RequestOptions,
  ThrowOnApiErrorOptions,
} from './options.js'
import { createPipeline, type Pipeline } from './pipeline.js'
import { requireString, resolveOptions } from './resolve-options.js'
import { sendWechatAccessTokenRequest, type WechatAccessTokenPath } from './send.js'

const INFO_PATH = '/api/v3/get-wechat-access-token-info'

let pipelineOf: (client: AuthenticationClient) => Pipeline

/**
 * A client of the Authing / GenAuth V3 authentication API, built on `fetch`: it runs unchanged on
 * Node, Deno, Bun and Cloudflare Workers (and, if you insist, in a browser). It mirrors the
 * official `authing-node-sdk` `AuthenticationClient` for the calls it implements, adding typed
 * errors, retries, per-attempt timeouts, abort signals and response validation.
 *
 * @example
 * ```ts
 * import { AuthenticationClient, isWechatAccessTokenSuccess } from '@authing-edge/core'
 *
 * const client = new AuthenticationClient({
 *   appId: 'AUTHING_APP_ID',
 *   appHost: 'https://example.authing.cn',
 * })
 * const resp = await client.getWechatMpAccessTokenInfo({ appId: 'wx123', appSecret: 'WECHAT_SECRET' })
 * if (isWechatAccessTokenSuccess(resp)) console.log(resp.data.expiresAt)
 * ```
 */
export class AuthenticationClient {
  /** The Authing (or GenAuth) application id. */
  readonly appId: string
  /** The normalised app host: origin plus optional path prefix, no trailing slash. */
  readonly appHost: string
  /** The logger given in the options, if any. */
  readonly logger: Logger | undefined
  readonly #pipeline: Pipeline

  static {
    pipelineOf = (client) => {
      if (!isRecord(client) || !(#pipeline in client)) {
        throw new ConfigError(
          'client',
          'pass an AuthenticationClient from this copy of @authing-edge/core',
        )
      }
      return client.#pipeline
    }
  }

  /**
   * Validates the options and prepares the HTTP pipeline; nothing is sent.
   *
   * @param options - `appId` and `appHost` are required; see {@link AuthenticationClientOptions}
   * @throws {@link ConfigError} naming the first invalid option, or when running in a browser
   *   without `dangerouslyAllowBrowser: true`
   */
  constructor(options: AuthenticationClientOptions) {
    const resolved = resolveOptions(options)
    this.appId = resolved.appId
    this.appHost = resolved.appHost
    this.logger = resolved.logger
    this.#pipeline = createPipeline(resolved)
  }

  /**
   * Sets (or, with `undefined`, clears) the user access token sent raw as `authorization` on
   * later calls. Calls already started keep the token they started with.
   *
   * @param token - a user access token, or `undefined` to stop sending one
   * @throws {@link ConfigError} for an empty or non-string token
   */
  setAccessToken(token: string | undefined): void {
    this.#pipeline.accessToken =
      token === undefined ? undefined : requireString(token, 'accessToken')
  }

  /**
   * Gets the WeChat Mini Program / Official Account access token with `throwOnApiError: true` for
   * this call: a business error throws {@link AuthingApiError}, so what resolves is the success
   * envelope and `data` is typed. Everything else is as in the general signature that follows.
   *
   * @param dto - the WeChat AppId and AppSecret, sent as given
   * @param options - `throwOnApiError: true`, and `signal` and `timeout` for this call
   * @returns the validated success envelope, unknown fields kept
   *
   * @example
   * ```ts
   * import { AuthenticationClient } from '@authing-edge/core'
   *
   * const client = new AuthenticationClient({ appId: 'AUTHING_APP_ID', appHost: 'example.authing.cn' })
   * const { data } = await client.getWechatMpAccessTokenInfo(
   *   { appId: 'wx123', appSecret: 'WECHAT_SECRET' },
   *   { throwOnApiError: true },
   * )
   * console.log(data.accessToken.length, data.expiresAt)
   * ```
   */
  getWechatMpAccessTokenInfo(
    dto: GetWechatAccessTokenDto,
    options: ThrowOnApiErrorOptions,
  ): Promise<WechatAccessTokenSuccess>
  /**
   * Gets the WeChat Mini Program / Official Account access token cached by the Authing server:
   * `POST {appHost}/api/v3/get-wechat-access-token-info` with the dto as the JSON body.
   *
   * Like the official SDK it resolves with the envelope as received, also when `statusCode` is
   * not 200 (check it, or pass `throwOnApiError`). A non-2xx HTTP answer always throws.
   *
   * @param dto - the WeChat AppId and AppSecret, sent as given
   * @param options - `signal`, `timeout` and `throwOnApiError` for this call
   * @returns the validated envelope, unknown fields kept
   * @throws {@link ConfigError} for a bad dto or option (before sending), {@link AuthingApiError}
   *   (business error with `throwOnApiError`, or a business error on a non-2xx status),
   *   {@link HttpError}, {@link NetworkError}, {@link TimeoutError},
   *   {@link ResponseValidationError}; or the signal's reason when the caller aborts
   *
   * @example
   * ```ts
   * import { AuthenticationClient, isWechatAccessTokenSuccess } from '@authing-edge/core'
   *
   * const client = new AuthenticationClient({ appId: 'AUTHING_APP_ID', appHost: 'example.authing.cn' })
   * const resp = await client.getWechatMpAccessTokenInfo(
   *   { appId: 'wx123', appSecret: 'WECHAT_SECRET' },
   *   { signal: AbortSignal.timeout(15_000) },
   * )
   * if (!isWechatAccessTokenSuccess(resp)) console.warn(resp.statusCode, resp.message)
   * ```
   */
  getWechatMpAccessTokenInfo(
    dto: GetWechatAccessTokenDto,
    options?: RequestOptions,
  ): Promise<GetWechatAccessTokenInfoRespDto>
  getWechatMpAccessTokenInfo(
    dto: GetWechatAccessTokenDto,
    options?: RequestOptions,
  ): Promise<GetWechatAccessTokenInfoRespDto> {
    return sendWechatAccessTokenRequest(this.#pipeline, INFO_PATH, dto, options)
  }
}

/**
 * Sends a request to either WeChat access-token path through a client's pipeline: same headers,
 * retries, timeouts, errors and redaction as `getWechatMpAccessTokenInfo`.
 *
 * @internal For `@authing-edge/legacy` only; not covered by semver.
 * @param client - a client from this copy of the package
 * @param path - the deprecated `/api/v3/get-wechat-access-token` or the current path
 * @param dto - the WeChat AppId and AppSecret, sent as given
 * @param options - per-call signal, timeout and throwOnApiError
 * @returns the validated envelope
 */
export async function postWechatAccessToken(
  client: AuthenticationClient,
  path: WechatAccessTokenPath,
  dto: GetWechatAccessTokenDto,
  options?: RequestOptions,
): Promise<GetWechatAccessTokenInfoRespDto> {
  return sendWechatAccessTokenRequest(pipelineOf(client), path, dto, options)
}
