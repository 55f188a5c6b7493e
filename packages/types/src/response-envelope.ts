import {
  custom,
  type InferOutput,
  literal,
  looseObject,
  number,
  optional,
  string,
  union,
  unknown,
} from 'valibot'
import { GetWechatAccessTokenDataDtoSchema } from './get-wechat-access-token-data-dto.js'

// Every valibot call is marked pure: see expires-at.ts.

/** The business status code that means success. */
export const SUCCESS_STATUS_CODE = 200

const envelopeFields = {
  /** Human-readable description of the outcome. */
  message: /* @__PURE__ */ string('message must be a string'),
  /** Fine-grained error code, present on business errors. */
  apiCode: /* @__PURE__ */ optional(/* @__PURE__ */ number('apiCode must be a number')),
  /** Request id, returned when a request fails; quote it to Authing support. */
  requestId: /* @__PURE__ */ optional(/* @__PURE__ */ string('requestId must be a string')),
}

/** A successful envelope: `statusCode` is 200 and `data` carries the token. */
export const WechatAccessTokenSuccessSchema = /* @__PURE__ */ looseObject({
  /** Business status code: 200. */
  statusCode: /* @__PURE__ */ literal(SUCCESS_STATUS_CODE),
  ...envelopeFields,
  /** The token and its expiry. */
  data: GetWechatAccessTokenDataDtoSchema,
})

/**
 * A business-error envelope: `statusCode` is not 200, usually with `apiCode` and `requestId`.
 * Most come back with HTTP 200. `data` may be missing or `{}` and is kept as received.
 */
export const WechatAccessTokenFailureSchema = /* @__PURE__ */ looseObject({
  /** Business status code, anything but 200. */
  statusCode: /* @__PURE__ */ custom<number>(
    (value) => Number.isInteger(value) && value !== SUCCESS_STATUS_CODE,
    (issue) =>
      typeof issue.input === 'number'
        ? 'statusCode of a business error must be an integer other than 200'
        : 'statusCode must be a number',
  ),
  ...envelopeFields,
  /** Usually missing or `{}` on failure. */
  data: /* @__PURE__ */ optional(/* @__PURE__ */ unknown()),
})

/**
 * The response envelope shared by both endpoints:
 * `{ statusCode, message, apiCode?, requestId?, data }`.
 */
export const WechatAccessTokenEnvelopeSchema = /* @__PURE__ */ union(
  [WechatAccessTokenSuccessSchema, WechatAccessTokenFailureSchema],
  'response is not an Authing envelope { statusCode: number, message: string, data }',
)

/** A successful envelope. */
export type WechatAccessTokenSuccess = InferOutput<typeof WechatAccessTokenSuccessSchema>
/** A business-error envelope. */
export type WechatAccessTokenFailure = InferOutput<typeof WechatAccessTokenFailureSchema>
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
