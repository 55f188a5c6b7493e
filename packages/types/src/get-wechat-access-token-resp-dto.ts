import type { InferOutput } from 'valibot'
import { WechatAccessTokenEnvelopeSchema } from './response-envelope.js'

/** Response of the deprecated `POST /api/v3/get-wechat-access-token`. */
export const GetWechatAccessTokenRespDtoSchema = WechatAccessTokenEnvelopeSchema

/** Response of the deprecated `POST /api/v3/get-wechat-access-token`. */
export type GetWechatAccessTokenRespDto = InferOutput<typeof GetWechatAccessTokenRespDtoSchema>

/** Response of `POST /api/v3/get-wechat-access-token-info` (same shape as the deprecated one). */
export const GetWechatAccessTokenInfoRespDtoSchema = WechatAccessTokenEnvelopeSchema

/** Response of `POST /api/v3/get-wechat-access-token-info`. */
export type GetWechatAccessTokenInfoRespDto = InferOutput<
  typeof GetWechatAccessTokenInfoRespDtoSchema
>
