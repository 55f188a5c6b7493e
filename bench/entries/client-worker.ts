// A Worker that calls getWechatMpAccessTokenInfo once per request, uncached.
import { AuthenticationClient, isWechatAccessTokenSuccess } from '@authing-edge/core'
import type { WorkerEnv } from './worker-env.ts'

export default {
  async fetch(_request: Request, env: WorkerEnv): Promise<Response> {
    const client = new AuthenticationClient({
      appId: env.AUTHING_APP_ID,
      appHost: env.AUTHING_APP_HOST,
    })
    const result = await client.getWechatMpAccessTokenInfo({
      appId: env.WECHAT_APP_ID,
      appSecret: env.WECHAT_APP_SECRET,
    })
    const expiresAt = isWechatAccessTokenSuccess(result) ? result.data.expiresAt : undefined
    return Response.json({ statusCode: result.statusCode, expiresAt })
  },
}
