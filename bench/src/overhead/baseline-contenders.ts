import { AuthenticationClient as OfficialClient } from 'authing-node-sdk'
import { TOKEN_INFO_PATH } from '../loopback/fixed-envelope-server.ts'
import { NAMES } from '../report/check-targets.ts'
import { BENCH_CREDENTIALS } from './bench-credentials.ts'
import type { Contender } from './interleaved-runner.ts'

/**
 * The floor: the same request made with the runtime's `fetch` and nothing else: the same
 * headers and body, a status check and `response.json()`.
 *
 * @param appHost - base URL of the server
 * @returns the contender
 */
export function bareFetchContender(appHost: string): Contender {
  const url = `${appHost}${TOKEN_INFO_PATH}`
  return {
    name: NAMES.fetch,
    call: async () => {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-authing-app-id': BENCH_CREDENTIALS.authingAppId,
        },
        body: JSON.stringify({
          appId: BENCH_CREDENTIALS.wechatAppId,
          appSecret: BENCH_CREDENTIALS.wechatAppSecret,
        }),
      })
      if (!response.ok) throw new Error(`bare fetch: HTTP ${response.status}`)
      return response.json()
    },
  }
}

/**
 * What users migrate from: `authing-node-sdk` 4.0.1, one client made up front, as documented.
 *
 * @param appHost - base URL of the server
 * @returns the contender
 */
export function officialSdkContender(appHost: string): Contender {
  const client = new OfficialClient({
    appId: BENCH_CREDENTIALS.authingAppId,
    appSecret: BENCH_CREDENTIALS.authingAppSecret,
    appHost,
  })
  return {
    name: NAMES.official,
    call: () =>
      client.getWechatMpAccessTokenInfo({
        appId: BENCH_CREDENTIALS.wechatAppId,
        appSecret: BENCH_CREDENTIALS.wechatAppSecret,
      }),
  }
}
