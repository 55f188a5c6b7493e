/** The parts of a cache key. None of them is a secret. */
export interface WechatAccessTokenCacheKeyParts {
  /** The normalised Authing / GenAuth app host, e.g. `https://example.authing.cn`. */
  readonly appHost: string
  /** The Authing application's appId (sent as `x-authing-app-id`). */
  readonly authingAppId: string
  /** The WeChat Mini Program / Official Account AppId. */
  readonly wechatAppId: string
}

/** Prefix of every key, versioned so a change of the stored format never reads old values. */
export const WECHAT_ACCESS_TOKEN_CACHE_KEY_PREFIX = 'authing-edge:wechat-access-token:v1'

/**
 * Builds the key under which a token is cached and stored. It names the Authing host, the
 * Authing appId and the WeChat appId, each URI-encoded, so two deployments that share a store
 * never collide and no secret ever reaches a store, a log line or an event.
 *
 * @param parts - app host, Authing appId and WeChat appId
 * @returns a key such as
 *   `authing-edge:wechat-access-token:v1:https%3A%2F%2Fexample.authing.cn:AUTHING_APP:wx123`
 *
 * @example
 * ```ts
 * import { wechatAccessTokenCacheKey } from '@authing-edge/core'
 *
 * const key = wechatAccessTokenCacheKey({
 *   appHost: 'https://example.authing.cn',
 *   authingAppId: '60a1b2c3d4',
 *   wechatAppId: 'wx0123456789',
 * })
 * ```
 */
export function wechatAccessTokenCacheKey(parts: WechatAccessTokenCacheKeyParts): string {
  return [
    WECHAT_ACCESS_TOKEN_CACHE_KEY_PREFIX,
    encodeURIComponent(parts.appHost),
    encodeURIComponent(parts.authingAppId),
    encodeURIComponent(parts.wechatAppId),
  ].join(':')
}
