// The size floor of a ky-based client: the same request as client-worker.ts made with ky (the
// version core uses) and nothing else (no validation, no typed errors, no redaction). Measured,
// never deployed.
import ky from 'ky'
import type { WorkerEnv } from './worker-env.ts'

export default {
  async fetch(_request: Request, env: WorkerEnv): Promise<Response> {
    const result = await ky
      .post(`${env.AUTHING_APP_HOST}/api/v3/get-wechat-access-token-info`, {
        headers: { 'x-authing-app-id': env.AUTHING_APP_ID },
        json: { appId: env.WECHAT_APP_ID, appSecret: env.WECHAT_APP_SECRET },
      })
      .json()
    return Response.json(result)
  },
}
