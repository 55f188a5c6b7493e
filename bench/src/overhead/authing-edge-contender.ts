import { AuthenticationClient } from '@authing-edge/core'
import { NAMES } from '../report/check-targets.ts'
import { BENCH_CREDENTIALS } from './bench-credentials.ts'
import type { Contender } from './interleaved-runner.ts'

/**
 * Our client, uncached: one `AuthenticationClient` made up front with default options (retries,
 * timeout, response validation all on), then `getWechatMpAccessTokenInfo` per call.
 *
 * @param appHost - base URL of the server (loopback `http://` is allowed by default)
 * @returns the contender
 */
export function authingEdgeContender(appHost: string): Contender {
  const client = new AuthenticationClient({ appId: BENCH_CREDENTIALS.authingAppId, appHost })
  return {
    name: NAMES.ours,
    call: () =>
      client.getWechatMpAccessTokenInfo({
        appId: BENCH_CREDENTIALS.wechatAppId,
        appSecret: BENCH_CREDENTIALS.wechatAppSecret,
      }),
  }
}
