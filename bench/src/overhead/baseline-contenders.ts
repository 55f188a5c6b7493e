import { AuthenticationClient as OfficialClient } from 'authing-node-sdk'
import { TOKEN_INFO_PATH } from '../loopback/fixed-envelope-server.ts'
import { NAMES } from '../report/check-targets.ts'
import { BENCH_CREDENTIALS } from './bench-credentials.ts'
import type { Contender } from './interleaved-runner.ts'

/** A POST of the token-info request with `fetch` alone, its JSON answer parsed. */
async function postTokenInfo(url: string, signal?: AbortSignal): Promise<unknown> {
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
    ...(signal && { signal }),
  })
  if (!response.ok) throw new Error(`bare fetch: HTTP ${response.status}`)
  return response.json()
}

/**
 * The floor: the same request made with the runtime's `fetch` and nothing else: the same
 * headers and body, a status check and `response.json()`.
 *
 * @param appHost - base URL of the server
 * @returns the contender
 */
export function bareFetchContender(appHost: string): Contender {
  const url = `${appHost}${TOKEN_INFO_PATH}`
  return { name: NAMES.fetch, call: () => postTokenInfo(url) }
}

/** core's default per-attempt timeout, which the timed bare fetch copies. */
const DEFAULT_TIMEOUT_MS = 10_000

/**
 * The floor of any client that can time a request out: the bare fetch plus what a timeout takes
 * in every client, ours included. An `AbortController`, a timer cleared once the body is read, and
 * the controller's signal handed to `fetch`, which on Node is the costly part (undici registers a
 * listener, a `WeakRef` and a finalizer for each signal it is given).
 *
 * @param appHost - base URL of the server
 * @returns the contender
 */
export function timedFetchContender(appHost: string): Contender {
  const url = `${appHost}${TOKEN_INFO_PATH}`
  return {
    name: NAMES.timedFetch,
    call: async () => {
      const controller = new AbortController()
      const timer = setTimeout(() => controller.abort(), DEFAULT_TIMEOUT_MS)
      try {
        return await postTokenInfo(url, controller.signal)
      } finally {
        clearTimeout(timer)
      }
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
