// The size floor of a ky-based client that validates its answers: ky-floor-worker.ts plus
// valibot checking the envelope with the schemas of @authing-edge/types. Measured, never deployed.
import {
  SUCCESS_STATUS_CODE,
  WechatAccessTokenFailureSchema,
  WechatAccessTokenSuccessSchema,
} from '@authing-edge/types'
import ky from 'ky'
import { safeParse } from 'valibot'
import type { WorkerEnv } from './worker-env.ts'

export default {
  async fetch(_request: Request, env: WorkerEnv): Promise<Response> {
    const json: unknown = await ky
      .post(`${env.AUTHING_APP_HOST}/api/v3/get-wechat-access-token-info`, {
        headers: { 'x-authing-app-id': env.AUTHING_APP_ID },
        json: { appId: env.WECHAT_APP_ID, appSecret: env.WECHAT_APP_SECRET },
      })
      .json()
    const success =
      typeof json === 'object' && json !== null && 'statusCode' in json
        ? json.statusCode === SUCCESS_STATUS_CODE
        : false
    const result = success
      ? safeParse(WechatAccessTokenSuccessSchema, json)
      : safeParse(WechatAccessTokenFailureSchema, json)
    return Response.json(result.success ? result.output : { issues: result.issues.length })
  },
}
