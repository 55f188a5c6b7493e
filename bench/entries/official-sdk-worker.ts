// The same Worker as client-worker.ts, written with the official SDK as its README shows.
import { AuthenticationClient } from 'authing-node-sdk'
import type { WorkerEnv } from './worker-env.ts'

export default {
  async fetch(_request: Request, env: WorkerEnv): Promise<Response> {
    const client = new AuthenticationClient({
      appId: env.AUTHING_APP_ID,
      appSecret: env.AUTHING_APP_SECRET,
      appHost: env.AUTHING_APP_HOST,
    })
    const result = await client.getWechatMpAccessTokenInfo({
      appId: env.WECHAT_APP_ID,
      appSecret: env.WECHAT_APP_SECRET,
    })
    return Response.json({ statusCode: result.statusCode, expiresAt: result.data?.expiresAt })
  },
}
