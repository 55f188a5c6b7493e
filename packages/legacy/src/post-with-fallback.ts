import {
  type AuthenticationClient,
  type GetWechatAccessTokenDto,
  type GetWechatAccessTokenRespDto,
  isAuthingApiError,
  isHttpError,
  type RequestOptions,
} from '@authing-edge/core'
import { postWechatAccessToken, type WechatAccessTokenPath } from '@authing-edge/core/internal'

/** The current endpoint, tried first. */
export const INFO_PATH = '/api/v3/get-wechat-access-token-info' satisfies WechatAccessTokenPath
/** The deprecated endpoint, for private deployments that predate the current one. */
export const LEGACY_PATH = '/api/v3/get-wechat-access-token' satisfies WechatAccessTokenPath

/** Clients whose server answered 404 on {@link INFO_PATH}: they go straight to the old path. */
const withoutInfoEndpoint = new WeakSet<AuthenticationClient>()

/**
 * Whether a failure means "no such endpoint": an HTTP 404, whether the body was a plain page
 * (`HttpError`) or a JSON error envelope (`AuthingApiError` with `httpStatus` 404). A business
 * error that arrives with HTTP 200 is not one, whatever its `statusCode`.
 *
 * @param error - what a call rejected with
 * @returns true for an HTTP 404
 */
export function isMissingEndpoint(error: unknown): boolean {
  return (
    (isHttpError(error) && error.status === 404) ||
    (isAuthingApiError(error) && error.httpStatus === 404)
  )
}

/**
 * Whether a client has been switched to the deprecated endpoint after a 404.
 *
 * @param client - any client
 * @returns true once {@link postWithFallback} saw the current endpoint missing for it
 */
export function usesLegacyEndpoint(client: AuthenticationClient): boolean {
  return withoutInfoEndpoint.has(client)
}

/**
 * Posts to the current endpoint; when it answers 404, posts once more to the deprecated one and,
 * unless that is missing too, keeps using it for this client. Everything else (headers, retries,
 * timeouts, typed errors, redaction) is the client's own pipeline.
 *
 * @param client - a client of `@authing-edge/core` (or this package's subclass)
 * @param dto - the WeChat AppId and AppSecret, sent as given
 * @param options - per-call `signal`, `timeout` and `throwOnApiError`, used for both attempts
 * @returns the validated envelope from whichever endpoint answered
 */
export async function postWithFallback(
  client: AuthenticationClient,
  dto: GetWechatAccessTokenDto,
  options?: RequestOptions,
): Promise<GetWechatAccessTokenRespDto> {
  if (withoutInfoEndpoint.has(client)) {
    return postWechatAccessToken(client, LEGACY_PATH, dto, options)
  }
  try {
    return await postWechatAccessToken(client, INFO_PATH, dto, options)
  } catch (error) {
    if (!isMissingEndpoint(error)) throw error
  }
  try {
    const envelope = await postWechatAccessToken(client, LEGACY_PATH, dto, options)
    remember(client)
    return envelope
  } catch (error) {
    // Both paths missing points at a wrong appHost, not an old server: try the new path next time.
    if (!isMissingEndpoint(error)) remember(client)
    throw error
  }
}

function remember(client: AuthenticationClient): void {
  if (withoutInfoEndpoint.has(client)) return
  withoutInfoEndpoint.add(client)
  client.logger?.info?.(
    `authing-edge: ${INFO_PATH} answered 404; this client now uses ${LEGACY_PATH}`,
    { from: INFO_PATH, to: LEGACY_PATH },
  )
}
