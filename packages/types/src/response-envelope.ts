import * as v from 'valibot'
import { GetWechatAccessTokenDataDtoSchema } from './get-wechat-access-token-data-dto.js'

/** The business status code that means success. */
export const SUCCESS_STATUS_CODE = 200

const envelopeFields = {
  /** Human-readable description of the outcome. */
  message: v.string('message must be a string'),
  /** Fine-grained error code, present on business errors. */
  apiCode: v.optional(v.number('apiCode must be a number')),
  /** Request id, returned when a request fails; quote it to Authing support. */
  requestId: v.optional(v.string('requestId must be a string')),
}

/** A successful envelope: `statusCode` is 200 and `data` carries the token. */
export const WechatAccessTokenSuccessSchema = v.looseObject({
  /** Business status code: 200. */
  statusCode: v.literal(SUCCESS_STATUS_CODE),
  ...envelopeFields,
  /** The token and its expiry. */
  data: GetWechatAccessTokenDataDtoSchema,
})

/**
 * A business-error envelope: `statusCode` is not 200, usually with `apiCode` and `requestId`.
 * Most come back with HTTP 200. `data` may be missing or `{}` and is kept as received.
 */
export const WechatAccessTokenFailureSchema = v.looseObject({
  /** Business status code, anything but 200. */
  statusCode: v.pipe(
    v.number('statusCode must be a number'),
    v.integer('statusCode must be an integer'),
    v.notValue(SUCCESS_STATUS_CODE),
  ),
  ...envelopeFields,
  /** Usually missing or `{}` on failure. */
  data: v.optional(v.unknown()),
})

/**
 * The response envelope shared by both endpoints:
 * `{ statusCode, message, apiCode?, requestId?, data }`.
 */
export const WechatAccessTokenEnvelopeSchema = v.union(
  [WechatAccessTokenSuccessSchema, WechatAccessTokenFailureSchema],
  'response is not an Authing envelope { statusCode: number, message: string, data }',
)

/** A successful envelope. */
export type WechatAccessTokenSuccess = v.InferOutput<typeof WechatAccessTokenSuccessSchema>
/** A business-error envelope. */
export type WechatAccessTokenFailure = v.InferOutput<typeof WechatAccessTokenFailureSchema>
/** Either envelope; narrow with {@link isWechatAccessTokenSuccess}. */
export type WechatAccessTokenEnvelope = WechatAccessTokenSuccess | WechatAccessTokenFailure

/**
 * Narrows an envelope to the successful one.
 *
 * @example
 * ```ts
 * import { isWechatAccessTokenSuccess, type WechatAccessTokenEnvelope } from '@authing-edge/types'
 *
 * declare const resp: WechatAccessTokenEnvelope
 * if (isWechatAccessTokenSuccess(resp)) console.log(resp.data.accessToken.length)
 * ```
 */
export function isWechatAccessTokenSuccess(
  envelope: WechatAccessTokenEnvelope,
): envelope is WechatAccessTokenSuccess {
  return envelope.statusCode === SUCCESS_STATUS_CODE
}
