import * as v from 'valibot'

/**
 * Request body of both WeChat access-token endpoints: the WeChat Mini Program or Official
 * Account credentials. Both fields are required and must be non-empty.
 *
 * @example
 * ```ts
 * import * as v from 'valibot'
 * import { GetWechatAccessTokenDtoSchema } from '@authing-edge/types'
 *
 * const dto = v.parse(GetWechatAccessTokenDtoSchema, { appId: 'wx123', appSecret: 'secret' })
 * ```
 */
export const GetWechatAccessTokenDtoSchema = v.object({
  /** The AppId of the WeChat Mini Program or Official Account (not the Authing app id). */
  appId: v.pipe(
    v.string('appId must be a string'),
    v.nonEmpty('appId must not be empty: pass the WeChat AppId'),
  ),
  /** The AppSecret of the WeChat Mini Program or Official Account. Never log it. */
  appSecret: v.pipe(
    v.string('appSecret must be a string'),
    v.nonEmpty('appSecret must not be empty: pass the WeChat AppSecret'),
  ),
})

/** Request body of `get-wechat-access-token(-info)`: WeChat `appId` and `appSecret`. */
export type GetWechatAccessTokenDto = v.InferOutput<typeof GetWechatAccessTokenDtoSchema>
