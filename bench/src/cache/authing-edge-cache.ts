import { AuthenticationClient, WechatAccessTokenCache } from '@authing-edge/core'
import { BENCH_CREDENTIALS } from '../overhead/bench-credentials.ts'

/**
 * A fresh, empty `WechatAccessTokenCache` (default memory store and options) over a fresh
 * client pointed at `appHost`.
 *
 * @param appHost - base URL of the upstream
 * @returns the cold cache
 */
export function coldCache(appHost: string): WechatAccessTokenCache {
  return new WechatAccessTokenCache({
    client: new AuthenticationClient({ appId: BENCH_CREDENTIALS.authingAppId, appHost }),
    appId: BENCH_CREDENTIALS.wechatAppId,
    appSecret: BENCH_CREDENTIALS.wechatAppSecret,
  })
}

/**
 * Whether a `get()` result is the token the loopback server hands out.
 *
 * @param expected - the server's token
 * @returns a predicate over results
 */
export function isTokenResult(expected: string): (result: unknown) => boolean {
  return (result) =>
    typeof result === 'object' &&
    result !== null &&
    'accessToken' in result &&
    result.accessToken === expected
}
