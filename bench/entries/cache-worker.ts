// A Worker that serves the WeChat access token through the cache: one upstream call per isolate
// until the token nears expiry, however many requests.
import { AuthenticationClient, WechatAccessTokenCache } from '@authing-edge/core'
import type { WorkerEnv } from './worker-env.ts'

/** The part of the Workers `ExecutionContext` this entry uses. */
interface WaitUntilContext {
  waitUntil(promise: Promise<unknown>): void
}

let cache: WechatAccessTokenCache | undefined

export default {
  async fetch(_request: Request, env: WorkerEnv, ctx: WaitUntilContext): Promise<Response> {
    cache ??= new WechatAccessTokenCache({
      client: new AuthenticationClient({
        appId: env.AUTHING_APP_ID,
        appHost: env.AUTHING_APP_HOST,
      }),
      appId: env.WECHAT_APP_ID,
      appSecret: env.WECHAT_APP_SECRET,
    })
    const { expiresAt } = await cache.get({
      waitUntil: (promise: Promise<unknown>) => ctx.waitUntil(promise),
    })
    return Response.json({ statusCode: 200, expiresAt })
  },
}
