import { type InferOutput, nonEmpty, object, pipe, string } from 'valibot'

// Every valibot call is marked pure: see expires-at.ts.

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
export const GetWechatAccessTokenDtoSchema = /* @__PURE__ */ object({
  /** The AppId of the WeChat Mini Program or Official Account (not the Authing app id). */
  appId: /* @__PURE__ */ pipe(
    /* @__PURE__ */ string('appId must be a string'),
    /* @__PURE__ */ nonEmpty('appId must not be empty: pass the WeChat AppId'),
  ),
  /** The AppSecret of the WeChat Mini Program or Official Account. Never log it. */
  appSecret: /* @__PURE__ */ pipe(
    /* @__PURE__ */ string('appSecret must be a string'),
    /* @__PURE__ */ nonEmpty('appSecret must not be empty: pass the WeChat AppSecret'),
  ),
})

/** Request body of `get-wechat-access-token(-info)`: WeChat `appId` and `appSecret`. */
export type GetWechatAccessTokenDto = InferOutput<typeof GetWechatAccessTokenDtoSchema>
